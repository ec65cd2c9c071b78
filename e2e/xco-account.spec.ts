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
