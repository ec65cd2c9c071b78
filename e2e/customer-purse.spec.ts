import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, mock } from './support.ts';

/** The demo's customer reference of this browser (its session cookie), which is the Customer Purse `externalId`. */
async function customerOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'demo_customer');
  if (!cookie) throw new Error('The demo set no customer cookie.');
  return cookie.value;
}

const deposits = (page: Page) => page.getByRole('table').getByRole('row');

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

test('a shopper sees their address; a deposit reaches the mock and appears without a reload', async ({ page, context, request }) => {
  await page.goto('/deposits');
  await expect(page.getByRole('heading', { name: 'Your deposit addresses' })).toBeVisible();
  const btc = page.getByRole('listitem').filter({ hasText: 'Accepts BTC' });
  await expect(btc.getByText(/^bc1q[a-z0-9]{38}$/)).toBeVisible();
  await expect(btc.getByRole('img', { name: 'QR code of the BTC address' })).toBeVisible();
  await expect(page.getByText('No deposits yet. They appear here as soon as the network reports them.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Money arrives: the mock records it on the shopper's own Customer Purse customer.
  const externalId = await customerOf(context);
  const sent = await request.post('/__mock/customer-purse/deposits', { data: { externalId, currency: 'BTC', amount: 0.015 } });
  expect(sent.status()).toBe(201);
  const { id } = (await sent.json()) as { id: string };

  await expect(deposits(page)).toHaveCount(2, { timeout: 10_000 });
  await expect(deposits(page).nth(1)).toContainText('0.015 BTC');
  await expect(deposits(page).nth(1)).toContainText('Seen on the network, waiting for confirmation');
  await expect(page.getByRole('status').filter({ hasText: 'New deposit: 0.015 BTC' })).toHaveCount(1);

  // It is confirmed on the mock: the page follows, still without a reload.
  expect((await request.post(`/__mock/customer-purse/transactions/${id}/state`, { data: { transactionState: 'CONFIRMED' } })).ok()).toBe(true);
  await expect(deposits(page).nth(1)).toContainText('Received', { timeout: 10_000 });
  await expect(deposits(page).nth(1)).toContainText('Passed');
  await expectNoAxeViolations(page);

  // Exactly one Customer Purse customer was made for this shopper, however many requests the page sent.
  const state = (await (await request.get('/__mock/state')).json()) as { customerPurse: { customers: { externalId?: string }[] } };
  expect(state.customerPurse.customers.filter((c) => c.externalId === externalId)).toHaveLength(1);
});

test('the back office blocks a shopper, who is told why and shown no address; unblocking gives it back', async ({ page, context, browser }) => {
  // Two browsers (shopper and staff) and three page loads: more than the default 30 s on a busy machine.
  test.slow();
  await page.goto('/deposits');
  await expect(page.getByText(/^bc1q/)).toBeVisible();
  const externalId = await customerOf(context);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(page.url().replace('/deposits', '/back-office'));
  await staff.getByRole('link', { name: 'Deposit customers (block, unblock)' }).click();
  await staff.getByLabel('Customer reference or id').fill(externalId);
  await staff.getByRole('button', { name: 'Find customer' }).click();
  await staff.getByRole('button', { name: `Block ${externalId}` }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Customer blocked.' })).toBeVisible();
  await expectNoAxeViolations(staff);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your deposit account is on hold' })).toBeVisible();
  await expect(page.getByText(/Do not send funds now/)).toBeVisible();
  await expect(page.getByText(/^bc1q/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await staff.getByRole('button', { name: `Unblock ${externalId}` }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Customer unblocked.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^bc1q/)).toBeVisible();
  await staffContext.close();
});

test('keyboard only: copy the address and page through deposits', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/deposits');
  // The first visit creates the shopper's Customer Purse customer: wait for it before money can arrive.
  await expect(page.getByText(/^bc1q/)).toBeVisible();
  const externalId = await customerOf(context);
  for (let i = 0; i < 7; i++) {
    const sent = await request.post('/__mock/customer-purse/deposits', { data: { externalId, currency: 'USDT', amount: 10 + i } });
    expect(sent.status()).toBe(201);
  }
  await expect(page.getByText('Page 1 of 2')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Copy address for BTC' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Address copied.' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(deposits(page)).toHaveCount(3);
  // The whole table shows: its box is no tab stop, Tab goes from the last address's copy button to the pages.
  const table = page.getByRole('region', { name: 'Deposits, newest first' });
  const lastCopy = page.getByRole('button', { name: /^Copy address for / }).last();
  await lastCopy.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeFocused();

  // A phone's width (WCAG 1.4.10 reflow): the page does not scroll sideways; the table scrolls in its own named box,
  // which Tab now reaches and the arrow keys scroll.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // The box becomes a tab stop once it overflows, when the browser next reports its size (a frame after the resize).
  await expect(table).toHaveAttribute('tabindex', '0');
  await lastCopy.focus();
  await page.keyboard.press('Tab');
  await expect(table).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});

test.describe('failures, keyboard only', () => {
  // Fails any test whose page threw or logged an error.
  const errorsOf = (page: Page) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return errors;
  };

  test('the QR code encoder cannot be downloaded: the addresses (text, copy) stay, the shopper is told, nothing breaks', async ({ page }) => {
    const errors = errorsOf(page);
    // The chunk of qrcode.react (its name is hashed; its other export marks it): its request fails, as offline.
    await page.route('**/assets/*.js', async (route) => {
      const response = await route.fetch();
      if ((await response.text()).includes('QRCodeCanvas')) return route.abort('internetdisconnected');
      return route.fulfill({ response });
    });
    await page.goto('/deposits');
    const btc = page.getByRole('listitem').filter({ hasText: 'Accepts BTC' });
    await expect(btc.getByText('A part of this page could not load. Please reload the page.')).toBeVisible();
    await expect(btc.getByText(/^bc1q[a-z0-9]{38}$/)).toBeVisible();
    await expect(btc.getByRole('button', { name: 'Copy address for BTC' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your deposits' }).getByText('No deposits yet.', { exact: false })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('Purse is down: said once, "Try again" keeps focus in the view, and the retry shows the addresses', async ({ page, request }) => {
    await mock.fault(request, { path: '/api/v1/customer-purse/*', status: 503, times: 40 });
    await page.goto('/deposits');
    const failure = 'Your deposit account could not be loaded.';
    await expect(page.getByRole('alert')).toContainText(failure);
    // One announcement: the alert, not the alert and the status region as well.
    await expect(page.getByRole('status').filter({ hasText: failure })).toHaveCount(0);

    await mock.reset(request);
    await page.getByRole('alert').getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^bc1q/)).toBeVisible();
    // The button went away with the failure: focus is in the deposit view, not lost on the page's body.
    await expect(page.locator('.purse-customer-purse')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Copy address for BTC' })).toBeFocused();
  });
});

test('another shopper signs in while the deposits page is open: it shows their account, not the first one’s addresses', async ({ page, context }) => {
  test.slow();
  await page.goto('/deposits');
  const btc = page.getByRole('listitem').filter({ hasText: 'Accepts BTC' }).getByText(/^bc1q[a-z0-9]{38}$/);
  const first = await btc.textContent();
  // As signing in as someone else in another tab does: the shop's session cookie now names another customer.
  const cookie = (await context.cookies()).find((c) => c.name === 'demo_customer')!;
  await context.addCookies([{ ...cookie, value: `${cookie.value}-other` }]);
  // The next poll (10 s) sees it.
  await expect(btc).not.toHaveText(first!, { timeout: 25_000 });
  await expect(btc).toBeVisible();
  await expect(page.getByText(first!)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
