// The demo on three merchant-handler processes sharing one Redis behind a round-robin proxy (demo/cluster.ts): each
// /api/purse request goes to the next instance, and every answer names it in `x-purse-instance`.
import type { APIResponse, Page } from '@playwright/test';
import { expect, test, expectNoAxeViolations, linkExistingShopper, mock, payWithCard } from '../support.ts';

const API = '/api/purse';

/** The backend calls of the page, with the instance that answered each. */
function servedBy(page: Page) {
  const served: { call: string; instance: string }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith(`${API}/`)) return;
    const call = `${response.request().method()} ${url.pathname.slice(API.length)}`;
    served.push({ call, instance: response.headers()['x-purse-instance'] ?? 'none' });
  });
  return served;
}
const instanceOf = (served: { call: string; instance: string }[], call: string) => served.find((s) => s.call === call)?.instance;
const instanceOfAnswer = (response: APIResponse) => response.headers()['x-purse-instance'];

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

test('signup on three instances (code sent, verified, consented), checkout, return page and status on others', async ({ page, request, playwright }) => {
  test.setTimeout(120_000); // a whole journey, pages from Vite's dev server (slow on a busy machine)
  const served = servedBy(page);
  await linkExistingShopper(page, request);
  await expectNoAxeViolations(page);

  const signup = ['POST /xco/passwordless/start', 'POST /xco/passwordless/verify', 'POST /xco/consents'].map((c) => instanceOf(served, c));
  expect(new Set(signup).size, `served by ${signup.join(', ')}`).toBe(3);
  expect((await mock.state(request)).consents).toHaveLength(1);

  // A pending card: the return page verifies the token, then polls the payment (every 2 s) until Purse settles it —
  // here when the test says so (the cluster's mock does not settle by itself).
  await page.getByRole('link', { name: 'continue to checkout' }).click();
  await payWithCard(page, '4000 0000 0000 0077');
  await expect(page.getByRole('heading', { name: 'Your payment is being processed' })).toBeVisible();
  const paymentId = (await mock.state(request)).payments[0]!.id;
  await expect.poll(() => served.filter((s) => s.call === `GET /payments/${paymentId}`).length).toBeGreaterThanOrEqual(1);
  expect((await request.post(`/__mock/payments/${paymentId}/settle`, { data: { status: 'AUTHORIZED' } })).ok()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page);

  const created = instanceOf(served, 'POST /checkout/sessions');
  const status = served.filter((s) => s.call === 'POST /payments/verify-redirect' || s.call.startsWith('GET /payments/'));
  expect(status.length).toBeGreaterThanOrEqual(2);
  expect(status.some((s) => s.instance !== created), `session on ${created}, status on ${status.map((s) => s.instance).join(', ')}`).toBe(true);
  const state = await mock.state(request);
  expect(state.sessions).toHaveLength(1);
  expect(state.payments).toHaveLength(1);
  expect(state.payments[0]!.authorization.status).toBe('AUTHORIZED');

  // Another shopper (another customer cookie) posting this shopper's redirect token: refused by every instance.
  const token = new URL(page.url()).searchParams.get('purse-redirection-data')!;
  const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const answers = await Promise.all([1, 2, 3].map(() => stranger.post(`${API}/payments/verify-redirect`, { data: { token }, headers: { 'idempotency-key': crypto.randomUUID() } })));
  expect(new Set(answers.map(instanceOfAnswer)).size).toBe(3);
  expect(answers.map((a) => a.status())).toEqual([404, 404, 404]);
  await stranger.dispose();
});

test('20 concurrent duplicate POSTs with one Idempotency-Key over the instances: one Purse call, one session', async ({ request }) => {
  await request.get('/healthz'); // the storefront's customer cookie
  const key = crypto.randomUUID();
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => request.post(`${API}/checkout/sessions`, { data: {}, headers: { 'idempotency-key': key } })),
  );
  expect(answers.map((a) => a.status())).toEqual(Array.from({ length: 20 }, () => 201));
  expect(new Set(answers.map(instanceOfAnswer)).size).toBe(3);
  const ids = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id)));
  expect(ids.size).toBe(1);

  const state = await mock.state(request);
  expect(state.sessions).toHaveLength(1);
  expect(state.requests.filter((r) => r.method === 'POST' && r.path === '/payment/v2/client-sessions')).toHaveLength(1);
});

test('a session created on one instance is read and aborted through the others, and by nobody else', async ({ request, playwright }) => {
  await request.get('/healthz');
  const created = await request.post(`${API}/checkout/sessions`, { data: {}, headers: { 'idempotency-key': crypto.randomUUID() } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const foreign = await Promise.all([1, 2, 3].map(() => stranger.get(`${API}/checkout/sessions/${id}`)));
  expect(foreign.map((a) => a.status())).toEqual([404, 404, 404]);
  await stranger.dispose();

  const read = await request.get(`${API}/checkout/sessions/${id}`);
  expect(read.status()).toBe(200);
  const aborted = await request.post(`${API}/checkout/sessions/${id}/abort`, { data: {}, headers: { 'idempotency-key': crypto.randomUUID() } });
  expect(aborted.status()).toBe(200);
  expect(new Set([created, read, aborted].map(instanceOfAnswer)).size).toBe(3);
  expect((await mock.state(request)).sessions.find((s) => s.id === id)?.status).toMatch(/^ABORTED/);
});

test('one shopper opens the deposits page in two tabs at once, across the instances: one Customer Purse customer, one address', async ({ page, context, request }) => {
  test.setTimeout(60_000);
  // The shop's session cookie first (the demo sets it on any page), so that both tabs are the same shopper.
  await page.goto('/cart');
  const externalId = (await context.cookies()).find((c) => c.name === 'demo_customer')!.value;
  const second = await context.newPage();
  const served = [servedBy(page), servedBy(second)];
  // Every answer about the purse is a success: none refused (the instances sign identical bodies in one millisecond).
  const refused: string[] = [];
  for (const tab of [page, second]) {
    tab.on('response', (r) => {
      if (r.url().includes('/customer-purse') && r.status() >= 400 && r.status() !== 503) void r.text().then((t) => refused.push(`${r.status()} ${t}`));
    });
  }
  await Promise.all([page.goto('/deposits'), second.goto('/deposits')]);

  const btcAddress = (tab: Page) => tab.getByRole('listitem').filter({ hasText: 'Accepts BTC' }).getByText(/^bc1q[a-z0-9]{38}$/);
  await expect(btcAddress(page)).toBeVisible({ timeout: 20_000 });
  await expect(btcAddress(second)).toBeVisible({ timeout: 20_000 });
  expect(await btcAddress(page).textContent()).toBe(await btcAddress(second).textContent());
  // Each tab asks for its addresses and its deposits at once (both look the customer up): four calls, round robin.
  const instances = served.flat().filter((s) => s.call.startsWith('GET /customer-purse')).map((s) => s.instance);
  expect(new Set(instances).size, `served by ${instances.join(', ')}`).toBeGreaterThanOrEqual(2);
  expect(refused).toEqual([]);
  const state = (await mock.state(request)) as unknown as { customerPurse: { customers: { externalId?: string }[] } };
  expect(state.customerPurse.customers.filter((c) => c.externalId === externalId)).toHaveLength(1);
  await second.close();
});
