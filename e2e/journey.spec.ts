// The shopper's whole journey, tried as a shopper would (issue 12): no dead ends, nothing small wrong. Every page of
// every test here (as everywhere in e2e/) also fails on a console error (support.ts).
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, fillCard, mock, payWithCard, test } from './support.ts';

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

const signup = (page: Page) => page.getByRole('region', { name: 'Pay faster with Purse' });
const identifierField = (page: Page) => page.getByRole('textbox', { name: 'Email or phone number' });
const codeField = (page: Page) => page.getByRole('textbox', { name: 'Verification code' });

test('linking a second account to the same shop account ends on what happened and the way on: no loop', async ({ page, request }) => {
  await page.goto('/account');
  await identifierField(page).fill('camille.martin@example.fr');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();
  await codeField(page).fill(await mock.otp(request, { email: 'camille.martin@example.fr' }));
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();

  const consents: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/purse/xco/consents') && consents.push(r.method()));
  await page.goto('/account');
  await identifierField(page).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();
  await codeField(page).fill(await mock.otp(request, { email: 'existing@example.com' }));

  await expect(page.getByRole('heading', { name: 'Your shop account already has a Purse account' })).toBeFocused();
  await expect(signup(page).getByText(/Pay with that account at checkout/, { exact: false }).first()).toBeVisible();
  // Nothing to retry (the challenge is used), nothing to edit (no other account can be linked either).
  await expect(signup(page).getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(consents).toEqual(['POST']);
  const state = await mock.state(request);
  expect(state.consents).toEqual([expect.objectContaining({ user_email: 'camille.martin@example.fr' })]);

  await page.getByRole('link', { name: 'Continue to checkout with your linked account' }).click();
  await expect(page).toHaveURL(/\/checkout(\?order=[\w-]+)?$/);
});

test('hosted page: three quick clicks on Pay make one POST and land on the result; its closed pages link back to the shop', async ({ page, request }) => {
  await page.goto('/checkout?mode=hosted');
  await page.waitForURL(/\/entities\/[^/]+\/sessions\/[^/]+$/);
  const hostedUrl = page.url();
  await fillCard(page, '4111 1111 1111 1111');
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/pay') && posts.push(r.url()));
  // Three clicks before the first answer arrives, as an impatient shopper's.
  await page.getByRole('button', { name: /^Pay / }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
    button.click();
  });
  await page.waitForURL(/\/return\?/);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  expect(posts).toHaveLength(1);
  expect((await mock.state(request)).payments).toHaveLength(1);

  // Back on the paid page: it says so and links to the result, not a dead end.
  await page.goto(hostedUrl);
  await expect(page.getByRole('heading', { name: 'Payment already submitted' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Return to the shop' }).click();
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();

  // An expired session's page: "Return to the shop" is a link to the shop.
  await page.goto('/checkout?mode=hosted');
  await page.waitForURL(/\/entities\/[^/]+\/sessions\/[^/]+$/);
  const sessionId = new URL(page.url()).pathname.split('/').at(-1)!;
  expect((await request.post(`/__mock/sessions/${sessionId}/expire`)).ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Session expired' })).toBeVisible();
  await expectNoAxeViolations(page);
  const storefront = new URL(test.info().project.use.baseURL!).origin;
  await page.getByRole('link', { name: 'Return to the shop' }).click();
  await expect(page).toHaveURL(`${storefront}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a refused JPY payment: "Try again" goes back to the JPY cart, which then pays', async ({ page }) => {
  await page.goto('/checkout?cart=cart-jpy');
  const order = page.getByRole('region', { name: 'Your order' });
  await expect(order).toContainText('Matcha tea set');
  const total = (await order.textContent())!;
  expect(total).toContain('¥');
  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('heading', { name: 'Payment refused' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page).toHaveURL(/\/checkout\?cart=cart-jpy&qty=1(&order=[\w-]+)?$/);
  // The same cart, the same amounts.
  await expect(order).toHaveText(total);
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What you bought' })).toContainText('Matcha tea set');
});

test('the success page: order summary, "Continue shopping", "Paid with" without the amount, values aligned, 320 px', async ({ page }) => {
  await page.goto('/checkout');
  await payWithCard(page, '4111 1111 1111 1111');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page).toHaveTitle('Your order – Linen & Leaf');

  const order = page.getByRole('region', { name: 'What you bought' });
  await expect(order).toContainText('Linen tote bag');
  await expect(order).toContainText('€42.99');
  const continueShopping = page.getByRole('link', { name: 'Continue shopping' });
  await expect(continueShopping).toHaveAttribute('href', '/');
  await expect(page.getByRole('definition').filter({ hasText: 'Visa' })).toHaveText('Visa ••••ending in 1111');

  // Every value in one column: the same left and right edges, whatever its length (amount, card, reference).
  const details = page.locator('.purse-payment-status__details dd');
  const boxes = await details.evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect()).map((r) => [r.left, r.right]));
  expect(boxes.length).toBe(3);
  for (const [left, right] of boxes) {
    expect(left).toBeCloseTo(boxes[0]![0]!, 0);
    expect(right).toBeCloseTo(boxes[0]![1]!, 0);
  }
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
  // Keyboard only: the way on is reachable.
  for (let i = 0; i < 30 && !(await continueShopping.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(continueShopping).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
});

test('seed data a shopper can type: sam.taylor by UK phone, shown as typed, the Mock inbox reading national numbers too', async ({ page }) => {
  const checks: string[] = [];
  page.on('request', (r) => r.url().includes('/api/purse/xco/users/exists') && checks.push(r.url()));
  await page.goto('/account');
  // Sam types their office landline first: it cannot receive the code by text, so the field says so and nothing is sent.
  await identifierField(page).fill('+44 20 7946 0958');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(identifierField(page)).toHaveAccessibleDescription(
    /^This number \(United Kingdom\) is not a mobile number, and the code comes by text message\. Enter a mobile number/,
  );
  await expect(identifierField(page)).toBeFocused();
  await expectNoAxeViolations(page);
  expect(checks).toEqual([]);
  await identifierField(page).fill('+44 7911 123456');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();
  await expect(signup(page).getByText('We sent a 6-digit code to +44 7911 123456.')).toBeVisible();
  const inbox = page.getByRole('complementary', { name: 'Mock inbox' });
  await inbox.getByLabel('Codes sent to (email or phone)').fill('+44 7911 123456');
  await inbox.getByRole('button', { name: 'Read the latest code' }).click();
  await expect(inbox.getByRole('status')).toHaveText(/^Latest code: \d{6}$/);
  await codeField(page).fill(/\d{6}/.exec((await inbox.getByRole('status').textContent())!)![0]);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();

  // Another shopper (another shop account), by a French number in the national format the field accepts.
  await page.context().clearCookies();
  await page.goto('/account');
  await identifierField(page).fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(signup(page).getByText('We sent a 6-digit code to 06 12 34 56 78.')).toBeVisible();
  await inbox.getByLabel('Codes sent to (email or phone)').fill('06 12 34 56 78');
  await inbox.getByRole('button', { name: 'Read the latest code' }).click();
  await expect(inbox.getByRole('status')).toHaveText(/^Latest code: \d{6}$/);
  await codeField(page).fill(/\d{6}/.exec((await inbox.getByRole('status').textContent())!)![0]);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('each page has its own title; the back office has its own URL, not the shopper navigation', async ({ page }) => {
  const titles: string[] = [];
  for (const path of ['/', '/cart', '/checkout', '/account', '/deposits', '/return']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    titles.push(await page.title());
    await expect(page.getByRole('navigation', { name: 'Shop' }).getByRole('link')).toHaveText(['Shop', 'Cart', 'Your account', 'Deposits']);
  }
  expect(titles).toEqual([
    'Linen tote bag – Linen & Leaf',
    'Your cart – Linen & Leaf',
    'Checkout – Linen & Leaf',
    'Your account – Linen & Leaf',
    'Your deposits – Linen & Leaf',
    'Your order – Linen & Leaf',
  ]);
  await page.goto('/back-office');
  await expect(page).toHaveTitle('Back office – Linen & Leaf');
  await expect(page.getByRole('navigation', { name: 'Shop' })).toHaveCount(0);
});

test('"Cancel payment" is a secondary action on the checkout\'s start edge, reachable by keyboard', async ({ page, request }) => {
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  const cancel = page.getByRole('button', { name: 'Cancel payment' });
  const pay = page.getByRole('button', { name: /^Pay / });
  const checkout = page.getByRole('group', { name: 'Payment' });
  const [cancelBox, payBox, checkoutBox] = await Promise.all([cancel.boundingBox(), pay.boundingBox(), checkout.boundingBox()]);
  // Not a full-width block outweighing the Pay button: narrower than Pay's row, on the checkout's start edge.
  expect(cancelBox!.width).toBeLessThan(checkoutBox!.width / 2);
  expect(cancelBox!.height).toBeLessThanOrEqual(payBox!.height);
  expect(cancelBox!.x).toBeCloseTo(checkoutBox!.x, 0);
  await expect(cancel).toHaveClass(/purse-button--link/);
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Payment cancelled', { exact: true })).toBeVisible();
  expect((await mock.state(request)).sessions[0]).toMatchObject({ status: 'ABORTED_BY_CUSTOMER' });
});
