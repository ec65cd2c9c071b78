import type { Page, Request } from '@playwright/test';
import { expect, test, expectNoAxeViolations, mock } from './support.ts';
import { MOCK_CREDENTIALS } from '../src/mock-server/seed.ts';

/** The requests the browser sends to the merchant backend, as "METHOD /path". */
function recordBackendCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/purse/')) calls.push(`${request.method()} ${url.pathname.replace('/api/purse', '')}`);
  });
  return calls;
}

const identifierField = (page: Page) => page.getByRole('textbox', { name: 'Email or phone number' });
const codeField = (page: Page) => page.getByRole('textbox', { name: 'Verification code' });
const signup = (page: Page) => page.getByRole('region', { name: 'Pay faster with Purse' });

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

/** The shop's own account step: the email the demo shop then vouches for. */
async function createShopAccount(page: Page, email: string) {
  await page.getByLabel('Email for your shop account').fill(email);
  await page.getByRole('button', { name: 'Create shop account' }).click();
  await expect(page.getByText(`Signed in to the shop as ${email}.`)).toBeVisible();
}

test('a new shopper creates an XCO account: check 1 + create 1, one user in Purse', async ({ page, request }) => {
  const calls = recordBackendCalls(page);
  const email = `new.shopper.${Date.now()}@example.com`;
  await page.goto('/account');
  await expectNoAxeViolations(page);
  await createShopAccount(page, email);

  // Pre-filled with the shop account's email.
  await expect(identifierField(page)).toHaveValue(email);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Create your Purse account' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  await page.getByLabel(/^Street address/).fill('12 rue de la Paix');
  await page.getByLabel(/^Postal code/).fill('75002');
  await page.getByLabel(/^City/).fill('Paris');
  await page.getByRole('button', { name: 'Create my account' }).click();

  await expect(page.getByRole('heading', { name: 'Your Purse account is ready' })).toBeVisible();
  const signup = page.getByRole('region', { name: 'Pay faster with Purse' });
  await expect(signup.getByRole('status').first()).toContainText('Your Purse account is ready');
  await expectNoAxeViolations(page);

  expect(calls).toEqual(['GET /xco/users/exists', 'POST /xco/users']);
  const state = await mock.state(request);
  const created = state.users.filter((u) => u.created_by === 'api');
  expect(created).toHaveLength(1);
  expect(created[0]!.user.email).toBe(email);
  expect(created[0]!.customer_references).toHaveLength(1);
});

test('an existing shopper links by email: check 1 + start 1 + verify 1 + consent 1, one consent', async ({ page, request }) => {
  const calls = recordBackendCalls(page);
  await page.goto('/account');
  await identifierField(page).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(codeField(page)).toBeFocused();
  await expect(page.getByRole('status').first()).toContainText('Code sent to existing@example.com');
  await expectNoAxeViolations(page);
  const code = await mock.otp(request, { email: 'existing@example.com' });
  await codeField(page).fill(code);

  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(calls).toEqual([
    'GET /xco/users/exists',
    'POST /xco/passwordless/start',
    'POST /xco/passwordless/verify',
    'POST /xco/consents',
  ]);
  const state = await mock.state(request);
  expect(state.consents).toHaveLength(1);
  expect(state.consents[0]).toMatchObject({ user_email: 'existing@example.com', via: 'consent_challenge' });
});

test('an existing shopper links by phone typed in national format (default country FR)', async ({ page, request }) => {
  await page.goto('/account');
  await identifierField(page).fill('06 98 76 54 32');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();

  const code = await mock.otp(request, { phone_number: '+33698765432' });
  // Pasted with a space, as codes often are in text messages.
  await codeField(page).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();

  const state = await mock.state(request);
  expect(state.consents).toHaveLength(1);
  expect(state.consents[0]).toMatchObject({ user_phone_number: '+33698765432' });
});

test('a wrong code is refused with attempts left, then the right code links', async ({ page, request }) => {
  await page.goto('/account');
  await identifierField(page).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();

  const code = await mock.otp(request, { email: 'existing@example.com' });
  const wrong = code === '000000' ? '111111' : '000000';
  await codeField(page).fill(wrong);
  await expect(page.getByText('This code is not right. 4 attempts left.').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await codeField(page).fill(code);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
  expect((await mock.state(request)).consents).toHaveLength(1);
});

test('resend: the countdown runs, then a new code replaces the old one', async ({ page, request }) => {
  await page.goto('/account');
  await identifierField(page).fill('camille.martin@example.fr');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();
  const first = await mock.otp(request, { email: 'camille.martin@example.fr' });

  await expect(page.getByRole('button', { name: /Resend code in \d+ s/ })).toBeDisabled();
  const resend = page.getByRole('button', { name: 'Resend code' });
  await expect(resend).toBeEnabled({ timeout: 10_000 });
  await resend.click();
  await expect(page.getByRole('button', { name: /Resend code in \d+ s/ })).toBeVisible();

  const second = await mock.otp(request, { email: 'camille.martin@example.fr' });
  expect(second).not.toBe(first);
  await codeField(page).fill(second);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
});

test('a reload on the code step: typing the identifier again leads back to the code already sent, not to an error', async ({ page, request }) => {
  await page.goto('/account');
  await identifierField(page).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();
  const code = await mock.otp(request, { email: 'existing@example.com' });

  await page.reload();
  // Purse's answer to a second send moments after the first (the mock's own throttle, whatever the time the reload took).
  await mock.fault(request, {
    method: 'POST',
    path: `/v1/merchants/${MOCK_CREDENTIALS.merchantId}/users/passwordless/start`,
    status: 429,
    headers: { 'content-type': 'application/problem+json', 'retry-after': '30' },
    body: { title: 'Too Many Requests', status: 429, code: 'resend_throttled', detail: 'A code was sent moments ago; wait before asking for another.' },
    times: 1,
  });
  await identifierField(page).fill('existing@example.com');
  await page.keyboard.press('Enter');

  // The code sent before the reload is the one to type: the code step, said once, focused; a new code after the wait.
  await expect(codeField(page)).toBeFocused();
  await expect(signup(page).getByRole('status')).toHaveText('Code sent to existing@example.com.');
  await expect(signup(page).getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Resend code in \d+ s/ })).toBeVisible();
  await page.keyboard.type(code);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
  expect((await mock.state(request)).consents).toHaveLength(1);
});

test('the whole existing-shopper flow works with the keyboard only', async ({ page, request }) => {
  await page.goto('/account');
  await identifierField(page).focus();
  await page.keyboard.type('existing@example.com');
  await page.keyboard.press('Enter');

  await expect(codeField(page)).toBeFocused();
  const code = await mock.otp(request, { email: 'existing@example.com' });
  await page.keyboard.type(code);
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
  expect((await mock.state(request)).consents).toHaveLength(1);
});

test('"use another email or phone" goes back to the identifier with the value kept', async ({ page }) => {
  await page.goto('/account');
  await identifierField(page).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(codeField(page)).toBeFocused();
  await page.getByRole('button', { name: 'Use another email or phone' }).click();
  await expect(identifierField(page)).toHaveValue('existing@example.com');
  await expect(identifierField(page)).toBeFocused();
});

test('an XCO account is never created for an email the shop does not have for the shopper', async ({ page, request }) => {
  await page.goto('/account');
  await createShopAccount(page, `mallory.${Date.now()}@example.com`);
  await identifierField(page).fill('victim@example.org');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Create your Purse account' })).toBeVisible();
  await page.getByLabel(/^First name/).fill('Mallory');
  await page.getByLabel(/^Last name/).fill('M');
  await page.getByLabel(/^Street address/).fill('1 Attacker Street');
  await page.getByLabel(/^Postal code/).fill('75001');
  await page.getByLabel(/^City/).fill('Paris');
  await page.getByRole('button', { name: 'Create my account' }).click();

  // Refused on the field the shopper can change (the form shows the email read-only), focused, said once.
  await expect(identifierField(page)).toBeFocused();
  await expect(identifierField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(signup(page).getByRole('status')).toHaveText('Use the email address or phone number of your shop account.');
  await expectNoAxeViolations(page);
  const state = await mock.state(request);
  expect(state.users.filter((u) => u.created_by === 'api')).toEqual([]);
});
