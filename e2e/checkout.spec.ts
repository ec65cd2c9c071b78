import type { Page } from '@playwright/test';
import { expect, test, expectNoAxeViolations, fillCard, mock } from './support.ts';

/** The visible message (the live region repeats it for screen readers). */
const shown = (page: Page, text: string) => page.getByRole('paragraph').filter({ hasText: text });

const SCRIPT_PATHS = ['/dropin-checkout/stable/purse.js', '/dropin/v3-stable/purse.js'];

/** Counts the drop-in script downloads the page makes (the mock serves them with no-store, so none is cached). */
function countScriptRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (SCRIPT_PATHS.includes(url.pathname)) seen.push(url.pathname);
  });
  return seen;
}

async function payWithCard(page: Page, card: string, scope = page.locator('body')) {
  await fillCard(scope, card);
  await scope.getByRole('button', { name: /^Pay / }).click();
}

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

for (const generation of ['dropin-checkout', 'widget-v3'] as const) {
  test(`pays with the authorized test card through ${generation}`, async ({ page, request }) => {
    await mock.config(request, { dropinGeneration: generation });
    const scripts = countScriptRequests(page);
    await page.goto('/checkout');

    await expect(page.getByLabel('Card number')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'The payment form is ready.' })).toHaveCount(1);
    await expectNoAxeViolations(page);
    expect(scripts).toEqual([generation === 'widget-v3' ? '/dropin/v3-stable/purse.js' : '/dropin-checkout/stable/purse.js']);

    await payWithCard(page, '4111 1111 1111 1111');
    await page.waitForURL(/\/return\?.*purse-redirection-data=/);
    await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(page.getByText('€42.99').first()).toBeVisible();
    await expectNoAxeViolations(page);

    const state = await mock.state(request);
    expect(state.sessions).toHaveLength(1);
    expect(state.payments).toHaveLength(1);
  });
}

test('a refused card ends on a failure page that offers to try again', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page).toHaveURL(/[?&]order=[\w-]+/);
  const order = new URL(page.url()).searchParams.get('order');
  await payWithCard(page, '4000 0000 0000 0002');
  await page.waitForURL(/\/return/);
  await expect(page.getByRole('heading', { name: 'Payment refused' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Try again' }).click();
  // Back to the same order of the cart that was refused, with a new form to pay it.
  await expect(page).toHaveURL(`/checkout?cart=cart-eur&qty=1&order=${order}`);
  await expect(page.getByLabel('Card number')).toBeVisible();
});

test('HOSTED_PAGE sends the shopper to the hosted page, which pays and returns', async ({ page, request }) => {
  await page.goto('/checkout?mode=hosted');
  await page.waitForURL(/\/entities\/[^/]+\/sessions\//);
  await expectNoAxeViolations(page);
  await payWithCard(page, '4111 1111 1111 1111');
  await page.waitForURL(/\/return\?.*purse-redirection-data=/);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  const state = await mock.state(request);
  expect(state.sessions).toHaveLength(1);
  expect(state.sessions[0]).toMatchObject({ integration_mode: 'HOSTED_PAGE' });
});

test('Back from the hosted page returns to the cart, not to a checkout that sends the shopper forward again', async ({ page, request }) => {
  await page.goto('/cart');
  await page.goto('/checkout?mode=hosted');
  await page.waitForURL(/\/entities\/[^/]+\/sessions\//);
  await page.goBack();
  await expect(page).toHaveURL('/cart');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  // The checkout was not run again: no second session for the order.
  const state = await mock.state(request);
  expect(state.sessions.map((session) => session.status)).toEqual(['CREATED']);
});

test('a drop-in script that fails to load shows an error, and "Try again" loads it', async ({ page, request }) => {
  await mock.fault(request, { path: '/dropin-checkout/stable/purse.js', status: 404, times: 1 });
  const scripts = countScriptRequests(page);
  await page.goto('/checkout');
  await expect(shown(page, 'The payment form could not load. Check your connection and try again.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Card number')).toBeVisible();
  expect(scripts).toHaveLength(2);
  // The retry reused the session: one intent, one session.
  expect((await mock.state(request)).sessions).toHaveLength(1);
});

test('a script that loads without defining its global is reported, not left spinning', async ({ page, request }) => {
  await mock.fault(request, {
    path: '/dropin-checkout/stable/purse.js',
    status: 200,
    headers: { 'content-type': 'text/javascript' },
    body: '/* no global */',
    times: 1,
  });
  await page.goto('/checkout');
  await expect(shown(page, 'The payment form could not load. Check your connection and try again.')).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Card number')).toBeVisible();
});

test('three checkouts on one page download the script once (StrictMode on: one drop-in each)', async ({ page, request }) => {
  const scripts = countScriptRequests(page);
  await page.goto('/checkout?count=3');
  for (const name of ['Payment 1', 'Payment 2', 'Payment 3']) {
    await expect(page.getByRole('region', { name }).getByLabel('Card number')).toHaveCount(1);
  }
  expect(scripts).toHaveLength(1);
  expect((await mock.state(request)).sessions).toHaveLength(3);
});

test('under StrictMode a single checkout creates one session and mounts one drop-in', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(1);
  expect((await mock.state(request)).sessions).toHaveLength(1);
});

test('a page under a strict CSP (script-src nonce only) loads the drop-in and pays', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/checkout?csp=strict');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'nonce-/);
  await payWithCard(page, '4111 1111 1111 1111');
  await page.waitForURL(/\/return/);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a js_url outside the allowed origins is refused with a clear error and never requested', async ({ page }) => {
  const scripts = countScriptRequests(page);
  await page.goto('/checkout?allowed=purse');
  await expect(shown(page, 'Payment is unavailable right now. Please try again later.')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(scripts).toEqual([]);
});

test('cancel aborts the session once (ABORTED_BY_CUSTOMER)', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(page.getByText('Payment cancelled', { exact: true })).toBeVisible();
  const state = await mock.state(request);
  expect(state.sessions).toHaveLength(1);
  expect(state.sessions[0]).toMatchObject({ status: 'ABORTED_BY_CUSTOMER' });
  expect(state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/abort'))).toHaveLength(1);
});

test('cancel in a tab the order left for another one: closed with the status link, not "Payment cancelled"', async ({ page, context, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  // The order opened again in another tab: this tab's session is superseded (aborted by the merchant).
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel('Card number')).toBeVisible();
  expect((await mock.state(request)).sessions.map((session) => session.status)).toEqual(['ABORTED_BY_MERCHANT', 'CREATED']);

  await page.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(shown(page, 'This payment form is closed. A payment may already have been made.')).toBeVisible();
  await expect(page.getByText('Payment cancelled', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The other tab's session is left alone, and can still be paid.
  expect((await mock.state(request)).sessions.map((session) => session.status)).toEqual(['ABORTED_BY_MERCHANT', 'CREATED']);
  await page.getByRole('link', { name: 'See the status of your payment' }).click();
  await expect(shown(page, 'the order was opened again in another window. You have not been charged.')).toBeVisible();
});

test('cancelled with the keyboard: focus stays in the checkout, and the next Tab is "Start again"', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const checkout = page.getByRole('group', { name: 'Payment' });
  await page.getByRole('button', { name: 'Cancel payment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Payment cancelled', { exact: true })).toBeVisible();
  await expect(checkout).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(checkout.getByRole('button', { name: 'Start again' })).toBeFocused();
});

test('the session expires under the shopper’s keyboard and cannot be renewed: focus stays in the checkout, the next Tab is "Start again"', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const [session] = (await mock.state(request)).sessions;
  expect((await request.post(`/__mock/sessions/${session!.id}/expire`)).ok()).toBe(true);
  // The renewal Drop-in Checkout asks for fails (Purse refuses every new session).
  await mock.fault(request, { method: 'POST', path: '/payment/v2/client-sessions', status: 400, body: { title: 'Bad Request' }, times: 5 });
  await fillCard(page, '4111 1111 1111 1111');
  await page.getByRole('button', { name: /^Pay / }).focus();
  await page.keyboard.press('Enter');
  const checkout = page.getByRole('group', { name: 'Payment' });
  await expect(checkout.getByRole('button', { name: 'Start again' })).toBeVisible();
  await expect(checkout).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(checkout.getByRole('button', { name: 'Start again' })).toBeFocused();
});

test('a payment whose answer is lost on the way: the shopper is told, and led to the payment, never to pay again', async ({ page, request }) => {
  // The drop-in's POST reaches Purse and its answer is cut: paying again finds the session submitted (409
  // SESSION_SUBMITTED), and the drop-in's session is terminated ("A payment was already submitted").
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  await mock.fault(request, { method: 'POST', path: '/dropin/api/sessions/*', after: true, drop: true, times: 1 });
  await payWithCard(page, '4111 1111 1111 1111');

  const checkout = page.getByRole('group', { name: 'Payment' });
  const closed = 'This payment form is closed. A payment may already have been made.';
  // Chromium sends the POST again by itself when the cut connection was a reused one; when it does not, the drop-in
  // says the connection failed and the shopper pays again.
  const pay = page.getByRole('button', { name: /^Pay / });
  const isClosed = async () => (await shown(page, closed).count()) > 0;
  await expect.poll(async () => (await isClosed()) || (await pay.isEnabled({ timeout: 100 }).catch(() => false))).toBe(true);
  if (!(await isClosed())) await pay.click();
  // Said once by the kit's live region, and shown.
  await expect(page.getByRole('status').filter({ hasText: closed })).toHaveCount(1);
  await expect(shown(page, closed)).toBeVisible();
  // No way to pay again from here: the drop-in is gone, no "Start again".
  await expect(page.getByLabel('Card number')).toHaveCount(0);
  await expect(checkout.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Focus stayed in the checkout (the drop-in the shopper paid in is gone): the next Tab is the way on.
  await expect(checkout).toBeFocused();
  // The checkout's URL names its order: a reload asks for the same one.
  const checkoutUrl = page.url();
  expect(new URL(checkoutUrl).searchParams.get('order')).toBeTruthy();
  await page.keyboard.press('Tab');
  await expect(checkout.getByRole('link', { name: 'See the status of your payment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/return\?.*purse-client-session-id=/);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page.getByText('€42.99').first()).toBeVisible();

  // The checkout page loaded again (a reload, the back button): the order is paid, so no form to pay it twice.
  await page.goto(checkoutUrl);
  await expect(shown(page, closed)).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the status of your payment' })).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveCount(0);
  await expectNoAxeViolations(page);
  const state = await mock.state(request);
  expect(state.sessions).toHaveLength(1);
  expect(state.payments).toHaveLength(1);
});

test('a refused card, then the page reloaded: the same order gets a new form to pay', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const checkoutUrl = page.url();
  await payWithCard(page, '4000 0000 0000 0002');
  await page.waitForURL(/\/return\?/);
  await page.goto(checkoutUrl);
  await expect(page.getByLabel('Card number')).toBeVisible();
  const { sessions } = await mock.state(request);
  expect(sessions.map((session) => session.order.reference)).toEqual([sessions[0]!.order.reference, sessions[0]!.order.reference]);
});

test('the order opened in two more tabs at the same moment: one of its sessions at Purse can be paid, not two', async ({ page, context, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const checkoutUrl = page.url();
  // Purse slow to create sessions: both new tabs' requests are under way at once.
  await mock.fault(request, { method: 'POST', path: '/payment/v2/client-sessions', latencyMs: 400, times: 2 });
  const [second, third] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([second!.goto(checkoutUrl), third!.goto(checkoutUrl)]);
  for (const tab of [second!, third!]) await expect(tab.getByLabel('Card number')).toBeVisible();

  const { sessions } = await mock.state(request);
  expect(sessions).toHaveLength(3);
  expect(new Set(sessions.map((session) => session.order.reference)).size).toBe(1);
  const open = sessions.filter((session) => session.status === 'CREATED');
  expect(open).toHaveLength(1);
  // The first tab's session was superseded: paying there closes its form, and nothing is paid.
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(shown(page, 'This payment form is closed. A payment may already have been made.')).toBeVisible();
  expect((await mock.state(request)).payments).toHaveLength(0);
  // Its status says why, and that nothing was taken (not only "the shop cancelled").
  await page.getByRole('link', { name: 'See the status of your payment' }).click();
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await expect(shown(page, 'the order was opened again in another window. You have not been charged.')).toBeVisible();
});
