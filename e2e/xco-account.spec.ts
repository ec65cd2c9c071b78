import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, mock } from './support.ts';

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

test('the returning shopper: no account → link it from the checkout page → the linked account, masked, on every visit', async ({ page, request }) => {
  await page.goto('/checkout');
  const account = page.getByRole('region', { name: 'Purse Express Checkout' });
  await expect(account.getByRole('heading', { name: 'Pay faster with Purse Express Checkout' })).toBeVisible();
  await expectNoAxeViolations(page);

  await account.getByRole('button', { name: 'Link or create my Purse account' }).click();
  await account.getByRole('textbox', { name: 'Email or phone number' }).fill('existing@example.com');
  await account.getByRole('button', { name: 'Continue' }).click();
  await expect(account.getByRole('textbox', { name: 'Verification code' })).toBeFocused();
  await account.getByRole('textbox', { name: 'Verification code' }).fill(await mock.otp(request, { email: 'existing@example.com' }));

  await expect(account.getByRole('paragraph').filter({ hasText: 'Your Purse account is linked: you can pay in one step.' })).toBeVisible();
  await expect(account.getByRole('definition').filter({ hasText: 'Jean Dupont' })).toBeVisible();
  await expect(account.getByText('e•••@example.com')).toBeVisible();
  await expect(account.getByText('+33 •••• ••78')).toBeVisible();
  await expect(account.getByText('2 saved payment methods')).toBeVisible();
  await expect(account.getByText('existing@example.com')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByText('Jean Dupont')).toBeVisible();
  // The checkout still works beside it.
  await expect(page.getByRole('status').filter({ hasText: 'The payment form is ready.' })).toHaveCount(1);
  const state = await mock.state(request);
  expect(state.consents).toHaveLength(1);
});

test('keyboard only: focus stays in the account view at each step, and a failure to read the account is said once', async ({ page, request }) => {
  // Reading the account fails (however often it is retried on the way) until Purse answers again.
  await mock.fault(request, { method: 'GET', path: '/v1/merchants/*', status: 503 });
  await page.goto('/checkout');
  const account = page.getByRole('region', { name: 'Purse Express Checkout' });
  const failure = 'Your Express Checkout account could not be loaded.';
  await expect(account.getByRole('alert')).toContainText(failure);
  await expect(account.getByRole('status').filter({ hasText: failure })).toHaveCount(0);

  expect((await request.delete('/__mock/faults')).ok()).toBe(true);
  await account.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(account.getByRole('button', { name: 'Link or create my Purse account' })).toBeVisible();
  // The button went away with the failure: focus is in the account view, not on the page's body.
  await expect(account).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(account.getByRole('button', { name: 'Link or create my Purse account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(account.getByRole('textbox', { name: 'Email or phone number' })).toBeVisible();
  await expect(account).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(account.getByRole('textbox', { name: 'Email or phone number' })).toBeFocused();
  await page.keyboard.type('existing@example.com');
  await page.keyboard.press('Enter');
  await expect(account.getByRole('textbox', { name: 'Verification code' })).toBeFocused();
  await page.keyboard.type(await mock.otp(request, { email: 'existing@example.com' }));
  await expect(account.getByRole('status').filter({ hasText: 'Your Purse account is linked: you can pay in one step.' })).toHaveCount(1);
  // The signup went away once done: focus is still in the account view.
  await expect(account).toBeFocused();
  expect((await mock.state(request)).consents).toHaveLength(1);
});
