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
