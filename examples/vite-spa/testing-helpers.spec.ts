// purse-react-kit/testing as a merchant's suite uses it: a one-time code read from the mock, the test card paid in
// Widget v3 and on the hosted page (the smoke test pays through Drop-in Checkout).
import { payWithTestCard } from 'purse-react-kit/testing';
import { expect, test } from '../fixtures.ts';

// One after another: they share the stack's mock, which each test resets.
test.describe.configure({ mode: 'default' });

test('an existing shopper links their account with the code the mock sent', async ({ page, mock }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('textbox', { name: 'Verification code' }).fill(await mock.latestCode('existing@example.com'));
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
  expect((await mock.state()).consents).toEqual([expect.objectContaining({ user_email: 'existing@example.com', via: 'consent_challenge' })]);
});

test('pays through the Widget v3 drop-in', async ({ page, mock }) => {
  await mock.setDropinGeneration('widget-v3');
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/purse.js')) scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/checkout');
  await payWithTestCard(page, 'authorized');
  await page.waitForURL(/\/return\?purse-redirection-data=/);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  expect(scripts).toEqual(['/dropin/v3-stable/purse.js']);
});

test('pays on the hosted page, and a refused card shows the refusal', async ({ page, mock }) => {
  await page.goto('/checkout?mode=hosted');
  await page.waitForURL(/\/entities\/[^/]+\/sessions\//);
  await payWithTestCard(page, 'refused');
  await page.waitForURL(/\/return\?purse-redirection-data=/);
  await expect(page.getByRole('heading', { name: 'Payment refused' })).toBeVisible();
  expect((await mock.state()).sessions.map((s) => s.integration_mode)).toEqual(['HOSTED_PAGE']);
});
