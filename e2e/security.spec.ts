import type { APIRequestContext } from '@playwright/test';
import { expect, test, mock } from './support.ts';

// Attacks against the demo server over real HTTP: the real handler, the real demo merchant callbacks, the real mock.
test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

const createSession = (request: APIRequestContext, data: unknown, headers: Record<string, string> = {}) =>
  request.post('/api/purse/checkout/sessions', { data, headers: { 'idempotency-key': crypto.randomUUID(), ...headers } });

test('order references that name Object.prototype members are unknown carts (404), never a server error', async ({ request }) => {
  for (const order_reference of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'no-such-cart']) {
    const response = await createSession(request, { order_reference });
    expect(response.status(), order_reference).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'order_not_found' });
  }
  expect((await mock.state(request)).sessions).toEqual([]);
});

test('a mutation without Idempotency-Key is refused with a 400 that says to send one', async ({ request }) => {
  const response = await request.post('/api/purse/checkout/sessions', { data: { order_reference: 'cart-eur' } });
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ code: 'idempotency_key_required' });
});

test('the shopper IP Purse rate-limits on comes from the socket, not from a forged X-Forwarded-For', async ({ request }) => {
  await request.get('/api/purse/xco/users/exists?email=existing%40example.com', { headers: { 'x-forwarded-for': '203.0.113.9' } });
  const { requests } = (await mock.state(request)) as unknown as { requests: { path: string; caller_id?: string }[] };
  const check = requests.find((r) => r.path === '/v1/users/exists');
  expect(check?.caller_id).toBe('127.0.0.1');
});
