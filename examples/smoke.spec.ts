// Every stack, as a shopper uses it: a new shopper creates their Purse account, then pays with the authorized test
// card and lands on a verified "Payment successful". Purse's side is checked through the mock's public HTTP.
import { payWithTestCard } from 'purse-react-kit/testing';
import { expect, test } from './fixtures.ts';

test('a new shopper signs up, then pays by card', async ({ page, mock }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  // The email the example shop vouches for as its signed-in customer's (resolveIdentity).
  const email = 'ada.lovelace@example.com';

  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Create your Purse account' })).toBeVisible();
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  await page.getByLabel(/^Street address/).fill('12 rue de la Paix');
  await page.getByLabel(/^Postal code/).fill('75002');
  await page.getByLabel(/^City/).fill('Paris');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { name: 'Your Purse account is ready' })).toBeVisible();

  await page.getByRole('link', { name: 'Continue to checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await payWithTestCard(page, 'authorized');
  await page.waitForURL(/\/return\?purse-redirection-data=/);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page.getByText('€42.99').first()).toBeVisible();

  const state = await mock.state();
  expect(state.users.filter((u) => u.created_by === 'api').map((u) => u.user.email)).toEqual([email]);
  expect(state.sessions).toHaveLength(1);
  expect(state.payments.map((p) => [p.authorization.status, p.amounts])).toEqual([['AUTHORIZED', expect.anything()]]);
  expect(pageErrors).toEqual([]);
});
