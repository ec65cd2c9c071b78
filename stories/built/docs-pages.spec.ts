// The docs pages of the built Storybook (what `npm run build-storybook` publishes), opened in Chromium: a page that
// throws while rendering, or loses its usage snippet, props table or headless example, fails here — a build alone
// would pass, since docs pages render only in the browser.
import { expect, test as base, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STORYBOOK_DIR } from './serve.ts';

/** Each component, the entry its usage snippet imports, and one prop its table must describe. */
const COMPONENTS = [
  { name: 'XcoSignup', entry: 'purse-react-kit/signup', prop: 'defaultCountry' },
  { name: 'PurseCheckout', entry: 'purse-react-kit/checkout', prop: 'allowedOrigins' },
  { name: 'PaymentStatus', entry: 'purse-react-kit/status', prop: 'retryHref' },
  { name: 'CustomerPurse', entry: 'purse-react-kit/customer-purse', prop: 'pollIntervalMs' },
  { name: 'XcoAccount', entry: 'purse-react-kit/xco-account', prop: 'signup' },
];

// One page for all the tests of a worker: the Storybook bundle is downloaded and compiled once. A failed test still
// gets a fresh worker (and page) for the next one.
const test = base.extend<object, { docsPage: Page }>({
  docsPage: [
    async ({ browser }, use) => {
      const page = await browser.newPage();
      await use(page);
      await page.close();
    },
    { scope: 'worker' },
  ],
});

const index = JSON.parse(readFileSync(`${STORYBOOK_DIR}/index.json`, 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string }>;
};
const docsPages = Object.values(index.entries).filter((entry) => entry.type === 'docs');

test('every component has exactly one docs page, its Overview', () => {
  expect(docsPages.map((entry) => entry.title).sort()).toEqual(COMPONENTS.map(({ name }) => `${name}/Overview`).sort());
});

for (const { name, entry, prop } of COMPONENTS) {
  test(`${name}: title, description, usage, live example, props table, headless example`, async ({ docsPage: page }) => {
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(error.message);
    page.on('pageerror', onError);
    const id = docsPages.find((docs) => docs.title === `${name}/Overview`)?.id;
    await page.goto(`${process.env.STORYBOOK_DOCS_URL}/iframe.html?viewMode=docs&id=${id}`);
    const docs = page.locator('#storybook-docs');

    // By name: the live example may render its own level-1 heading (PaymentStatus titles the page it is on).
    await expect(docs.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    // The description is the component's TSDoc, which tells where to render it.
    await expect(docs.getByText('Render inside <PurseProvider>').first()).toBeVisible();
    const usage = docs.locator('pre').first();
    await expect(usage).toContainText(`from '${entry}'`);
    await expect(usage).toContainText(`<${name}`);

    // Every prop described (the TSDoc reached the table).
    const rows = docs.locator('table.docblock-argstable tbody tr');
    await expect(rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${prop}\\b`) }) })).toHaveCount(1);
    expect(await rows.count()).toBeGreaterThan(2);
    for (const row of await rows.all()) await expect(row.locator('td').nth(1)).not.toHaveText(/^\s*-?\s*$/);

    await expect(docs.getByRole('heading', { name: 'Headless: the hook beside the default view' })).toBeVisible();
    await expect(docs.getByRole('region', { name: 'Your own view' })).toBeVisible();
    await expect(docs.getByRole('region', { name: 'The default view' })).toBeVisible();
    // The headless example's code is shown, and it calls the hook.
    await expect(docs.getByText(`use${name}(`).first()).toBeVisible();
    page.off('pageerror', onError);
    expect(errors).toEqual([]);
  });
}
