import { expect, test, expectNoAxeViolations, linkExistingShopper, mock, payWithCard } from './support.ts';

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

test('the whole journey: signup (linked) → checkout → pay → verified success', async ({ page, request }) => {
  await linkExistingShopper(page, request);

  await page.getByRole('link', { name: 'continue to checkout' }).click();
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  // "Paid with" names the card, not the partner, and does not repeat the amount.
  await expect(page.getByRole('definition').filter({ hasText: 'Visa' })).toHaveText('Visa ••••ending in 1111');
  await expectNoAxeViolations(page);
  // The session was created for the customer who linked XCO at signup.
  const state = await mock.state(request);
  expect(state.consents).toHaveLength(1);
  expect(state.payments).toHaveLength(1);
});

test('refused → failure → try again → success', async ({ page }) => {
  await page.goto('/checkout');
  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('heading', { name: 'Payment refused' })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('Payment refused');
  await page.getByRole('link', { name: 'Try again' }).click();
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
});

test('a pending payment becomes authorized while the page polls', async ({ page }) => {
  await page.goto('/checkout');
  await payWithCard(page, '4000 0000 0000 0077');
  await expect(page.getByRole('heading', { name: 'Your payment is being processed' })).toBeVisible();
  await expectNoAxeViolations(page);
  // The mock settles pending authorizations after pendingSettleMs (4 s); the page polls every 2 s.
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible({ timeout: 15_000 });
});

test('a tampered redirect token is rejected: no success is shown', async ({ page }) => {
  await page.goto('/checkout');
  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('heading', { name: 'Payment refused' })).toBeVisible();

  // Flip the token's payload to claim an authorized payment, keeping the original signature.
  const url = new URL(page.url());
  const [header, payload, signature] = url.searchParams.get('purse-redirection-data')!.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, authorization_status: 'AUTHORIZED' })).toString('base64url');
  url.searchParams.set('purse-redirection-data', `${header}.${forged}.${signature}`);
  await page.goto(url.href);

  await expect(page.getByRole('heading', { name: 'We could not check your payment' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('back office (its own URL): a partial capture and refund, shown as the same timeline there and on the status page', async ({ page }) => {
  // A whole payment, four back-office operations and the status page, with two axe scans: more than the default 30 s
  // when every lane of npm test shares 2 cores.
  test.setTimeout(60_000);
  await page.goto('/checkout');
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  // Staff only: not in the shopper's navigation.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Back office' })).toHaveCount(0);

  // The back office has its own URL, outside the shopper's navigation.
  await page.goto('/back-office');
  await page.getByRole('button', { name: 'Load payment' }).click();
  await expect(page.getByRole('heading', { name: /AUTHORIZED — 4299 EUR/ })).toBeVisible();
  await page.getByLabel('Amount (minor units)').fill('2000');
  await page.getByRole('button', { name: 'Capture' }).click();
  await expect(page.getByRole('status')).toHaveText('capture done.');
  await expect(page.getByRole('row', { name: 'total_captured 2000' })).toBeVisible();
  await page.getByLabel('Amount (minor units)').fill('1000');
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByRole('status')).toHaveText('refund done.');
  const history = page.getByRole('list', { name: 'Payment history' });
  await expect(history.getByRole('listitem')).toHaveText([/^Authorized €42\.99 /, /^Charged €20\.00 of €42\.99 /, /^Refunded €10\.00 of €42\.99 /]);
  // More than was captured cannot be refunded: Purse refuses it and the back office says so.
  await page.getByLabel('Amount (minor units)').fill('5000');
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByRole('status')).toContainText('Refused');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Open the status page' }).click();
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Payment history' }).getByRole('listitem')).toHaveText([
    /^Authorized €42\.99 /,
    /^Charged €20\.00 of €42\.99 /,
    /^Refunded €10\.00 of €42\.99 /,
  ]);
  await expectNoAxeViolations(page);
});

test('a link to a session that expired unpaid says so and leads back to checkout, instead of "being processed" for 15 minutes', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const id = (await mock.state(request)).sessions.at(-1)!.id;
  expect((await request.post(`/__mock/sessions/${id}/expire`)).ok()).toBe(true);

  // Where a closed checkout sends the shopper: the session is CREATED, past expires_at, with no payment.
  await page.goto(`/return?purse-client-session-id=${id}`);
  await expect(page.getByRole('heading', { name: 'Payment session expired' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText(
    'Payment session expired. This payment session expired before a payment was made. You have not been charged.',
  );
  await expectNoAxeViolations(page);
  // Final: no more polling.
  const asked = (await mock.state(request)).requests.length;
  await page.waitForTimeout(2_500);
  expect((await mock.state(request)).requests.length).toBe(asked);
  // The way on can succeed.
  await page.getByRole('link', { name: 'Try again' }).click();
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
});

test('a link to a session nobody has paid yet says so, not "being processed", keeps asking, and leads back to pay', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const id = (await mock.state(request)).sessions.at(-1)!.id;

  // Where a closed checkout sends the shopper, here with the session still open: CREATED, before its expiry, unpaid.
  await page.goto(`/return?purse-client-session-id=${id}`);
  await expect(page.getByRole('heading', { name: 'No payment received yet' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText(
    'No payment received yet. We have not received a payment for this order yet. If you have just paid, this page updates by itself.',
  );
  await expect(page.getByText('Your payment is being processed')).toHaveCount(0);
  await expectNoAxeViolations(page);
  // A payment may still be on its way: Purse is asked again about the session.
  const asked = async () => (await mock.state(request)).requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/client-sessions/${id}`)).length;
  const before = await asked();
  await expect.poll(asked, { timeout: 5_000 }).toBeGreaterThan(before);
  // The way back to pay can succeed.
  await page.getByRole('link', { name: 'Go back to payment' }).click();
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
});

test('a shopper whose computer clock runs 3 hours fast: a session still open is not "expired", and its payment still shows', async ({ page, context, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const id = (await mock.state(request)).sessions.at(-1)!.id;
  const status = await context.newPage();
  // Only this tab's clock is off (a wrong time zone, a clock set by hand): the servers keep the real time.
  await status.addInitScript((offset) => {
    const realNow = Date.now;
    Date.now = () => realNow() + offset;
  }, 3 * 60 * 60_000);
  await status.goto(`/return?purse-client-session-id=${id}`);
  await expect(status.getByRole('heading', { name: 'No payment received yet' })).toBeVisible();
  await expect(status.getByText('Payment session expired')).toHaveCount(0);

  await payWithCard(page, '4111 1111 1111 1111');
  await expect(status.getByRole('heading', { name: 'Payment successful' })).toBeVisible({ timeout: 10_000 });
});

test('a session not paid yet, paid meanwhile in another tab: its status page turns to success by itself', async ({ page, context, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const id = (await mock.state(request)).sessions.at(-1)!.id;
  const status = await context.newPage();
  await status.goto(`/return?purse-client-session-id=${id}`);
  await expect(status.getByRole('heading', { name: 'No payment received yet' })).toBeVisible();

  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(status.getByRole('heading', { name: 'Payment successful' })).toBeVisible({ timeout: 10_000 });
  expect((await mock.state(request)).payments).toHaveLength(1);
});

test('while polling, a 429 from the merchant server is waited out (Retry-After), and failures back off', async ({ page }) => {
  // Real time: the waits are what is tested.
  test.setTimeout(75_000);
  const polls: number[] = [];
  let answer = 429;
  await page.route('**/api/purse/payments/*', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    polls.push(Date.now());
    if (answer === 200) return route.continue();
    const rateLimited = answer === 429;
    await route.fulfill({
      status: answer,
      headers: rateLimited ? { 'retry-after': '15' } : {},
      contentType: 'application/problem+json',
      body: JSON.stringify({ title: rateLimited ? 'Too Many Requests' : 'Service Unavailable', status: answer }),
    });
  });
  await page.goto('/checkout');
  await payWithCard(page, '4000 0000 0000 0077');
  await expect(page.getByRole('heading', { name: 'Your payment is being processed' })).toBeVisible();
  // The first poll (2 s) is told to come back in 15 s: nothing more is asked in the next 8 s (it was, every 2 s).
  await expect.poll(() => polls.length, { timeout: 5_000 }).toBe(1);
  await page.waitForTimeout(8_000);
  expect(polls).toHaveLength(1);
  await expect(page.getByRole('heading', { name: 'Your payment is being processed' })).toBeVisible();

  // A failing server (503, each poll tried 3 times by the adapter) is asked less and less often: 2 polls in 16 s,
  // not 8.
  answer = 503;
  polls.length = 0;
  await page.waitForTimeout(16_000);
  expect(polls.length).toBeGreaterThan(0);
  expect(polls.length).toBeLessThanOrEqual(6);
  answer = 200;
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible({ timeout: 30_000 });
});

test('320 px: the payment details stay inside their box (the amount ran over its border)', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/checkout');
  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('heading', { name: 'Payment refused' })).toBeVisible();
  const overflow = await page.locator('.purse-payment-status__details').evaluate((box) => {
    const inner = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight);
    // The right edge of the visible text of each value (a screen reader's "ending in" is not drawn).
    const range = document.createRange();
    return [...box.querySelectorAll('dd')].map((dd) => {
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      let right = 0;
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (text.parentElement!.closest('.purse-visually-hidden')) continue;
        range.selectNodeContents(text);
        right = Math.max(right, range.getBoundingClientRect().right);
      }
      return Math.max(0, Math.round(right - inner));
    });
  });
  expect(overflow).toEqual([0, 0, 0]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the mapping of error answers failing to download: a safe error with "Try again", and no error thrown on the page', async ({ page }) => {
  await page.route('**/assets/problem-*.js', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('/return?payment_id=no-such-payment');
  await expect(page.getByRole('heading', { name: 'We could not check your payment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The provider's idle preload of the same chunk must not throw either (the fixture fails on any page error).
  await page.waitForTimeout(2_500);
});
