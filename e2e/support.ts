import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/**
 * Playwright's `test`, failing any test whose page logged an error or threw: no page of the storefront may log one.
 * A response the test provoked (a 409, a 503 fault) is logged by Chromium as "Failed to load resource": that is the
 * network's log, not the page's error, and is allowed.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text())) return;
        errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The mock server's control endpoints, reached through the storefront's /__mock proxy (test mode only). */
export const mock = {
  async reset(request: APIRequestContext) {
    expect((await request.post('/__mock/reset')).ok()).toBe(true);
  },
  async state(request: APIRequestContext) {
    const response = await request.get('/__mock/state');
    expect(response.ok()).toBe(true);
    return (await response.json()) as {
      users: { user: { email?: string; phone_number?: string }; created_by: string; customer_references: string[] }[];
      consents: { customer_reference: string; user_email?: string; user_phone_number?: string; via: string }[];
      requests: { method: string; path: string }[];
      sessions: { id: string; status: string; integration_mode: string; order: { reference: string } }[];
      payments: { id: string; authorization: { status: string }; amounts: Record<string, number> }[];
    };
  },
  async otp(request: APIRequestContext, identifier: { email: string } | { phone_number: string }) {
    const response = await request.get(`/__mock/otp?${new URLSearchParams(identifier)}`);
    expect(response.ok(), 'a code was sent').toBe(true);
    return ((await response.json()) as { code: string }).code;
  },
  async config(request: APIRequestContext, config: { dropinGeneration: 'dropin-checkout' | 'widget-v3' }) {
    expect((await request.post('/__mock/config', { data: config })).ok()).toBe(true);
  },
  async fault(request: APIRequestContext, rule: Record<string, unknown>) {
    expect((await request.post('/__mock/faults', { data: rule })).ok()).toBe(true);
  },
};

/** WCAG 2.2 AA scan of what the page shows now. */
export async function expectNoAxeViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  expect(results.violations).toEqual([]);
}

/** Fills the card form (drop-in or hosted page) in `scope` with a test card, without submitting it. */
export async function fillCard(scope: Page | Locator, card: string) {
  await scope.getByLabel('Card number').fill(card);
  await scope.getByLabel('Expiry date (MM/YY)').fill('12/34');
  await scope.getByLabel('Security code (CVC)').fill('123');
}

/** Pays in the drop-in with a test card, and waits for Purse's redirect to the return page. */
export async function payWithCard(page: Page, card: string) {
  await fillCard(page, card);
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.waitForURL(/\/return\?.*purse-redirection-data=/);
}

/** The signup page links the seeded existing@example.com: check, code sent, code typed, consent. */
export async function linkExistingShopper(page: Page, request: APIRequestContext) {
  await page.goto('/account');
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('textbox', { name: 'Verification code' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Verification code' }).fill(await mock.otp(request, { email: 'existing@example.com' }));
  await expect(page.getByRole('heading', { name: 'Your Purse account is linked' })).toBeVisible();
}
