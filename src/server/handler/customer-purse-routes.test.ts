import { describe, expect, it, vi } from 'vitest';
import type { ShopperDepositPage, ShopperPurse } from '../../core/backend/customer-purse.ts';
import { routes } from '../../core/backend/routes.ts';
import { MOCK_CUSTOMER_PURSE_CREDENTIALS } from '../../mock-server/index.ts';
import type { CustomerPurseClientOptions } from '../purse/customer-purse.ts';
import type { CustomerPurseOptions } from './options.ts';
import { createMemoryStore, StoreError, type HandlerStore } from './store.ts';
import { purseWorld, shop } from '../test-support.ts';

/** A shop whose Customer Purse client talks to the same in-process mock (and clock) as its Purse client. */
function purseShop(
  { client, ...options }: Partial<Omit<CustomerPurseOptions, 'client'>> & { client?: Partial<CustomerPurseClientOptions> } = {},
  extra: Parameters<typeof shop>[0] = {},
) {
  const world = purseWorld();
  const customerPurse: CustomerPurseOptions = {
    client: {
      ...MOCK_CUSTOMER_PURSE_CREDENTIALS,
      apiUrl: 'http://calypso.test',
      fetch: (input, init) => world.purse.fetch(new Request(input, init)),
      now: world.now,
      ...client,
    },
    currencies: ['BTC', 'USDT'],
    ...options,
  };
  const s = shop({ customerPurse, ...extra }, world);
  const cp = world.purse.control.customerPurse;
  return {
    ...s,
    cp,
    calls: (path: string) => world.purse.control.requests().filter((r) => r.path === `/api/v1/customer-purse/${path}`).length,
    get: async <T>(path: string, customer?: string) => {
      const response = await s.send('GET', path, { customer });
      return { status: response.status, body: (await response.json()) as T & { code?: string; errors?: { pointer: string }[] } };
    },
  };
}

const created = (s: ReturnType<typeof purseShop>, reference: string) => s.cp.customers().filter((c) => c.externalId === reference);

describe('GET /customer-purse', () => {
  it('a first visit creates the customer once (externalId = the customer reference) and shows one address per family', async () => {
    const s = purseShop();
    const first = await s.get<ShopperPurse>(routes.customerPurse, 'cust_1');
    expect(first.status).toBe(200);
    expect(first.body.blocked).toBe(false);
    expect(first.body.addresses.map((a) => a.currencies)).toEqual([['BTC'], ['ETH', 'USDT', 'USDC']]);
    expect(first.body.addresses[0]!.address).toMatch(/^bc1q/);
    expect(created(s, 'cust_1')).toHaveLength(1);

    const again = await s.get<ShopperPurse>(routes.customerPurse, 'cust_1');
    expect(again.body).toEqual(first.body);
    expect(created(s, 'cust_1')).toHaveLength(1);
    // The mapping is remembered: no second lookup by externalId.
    expect(s.calls('customer/external/get')).toBe(2);
  });

  it('five concurrent first visits create exactly one customer', async () => {
    const s = purseShop();
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.get<ShopperPurse>(routes.customerPurse, 'cust_race')));
    expect(answers.map((a) => a.status).filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers.filter((a) => a.status !== 200)) expect(answer.body.code).toBe('customer_purse_pending');
    expect(created(s, 'cust_race')).toHaveLength(1);
  });

  it('an address Purse answered empty is not shown as somewhere to send funds: 502, as any unreadable answer', async () => {
    const s = purseShop();
    s.purse.control.setFault({ path: '/api/v1/customer-purse/address/get', status: 200, body: { id: 'p-1', address: ' ', currencies: ['BTC'], createdDate: '2026-12-05T06:00:00Z' }, times: 1 });
    expect(await s.get(routes.customerPurse, 'cust_empty')).toMatchObject({ status: 502, body: { code: 'purse_invalid_response' } });
    expect((await s.get<ShopperPurse>(routes.customerPurse, 'cust_empty')).body.addresses[0]!.address).toMatch(/^bc1q/);
  });

  it('a remembered customer Purse no longer knows (sandbox → live on the same store) is found or made again, not an error for a day', async () => {
    const store = createMemoryStore();
    const sandbox = purseShop({}, { store });
    expect((await sandbox.get(routes.customerPurse, 'cust_moved')).status).toBe(200);
    const live = purseShop({}, { store });
    const visit = await live.get<ShopperPurse>(routes.customerPurse, 'cust_moved');
    expect(visit.status).toBe(200);
    expect(visit.body.addresses).toHaveLength(2);
    expect(created(live, 'cust_moved')).toHaveLength(1);
    expect((await live.get(routes.customerPurseTransactions, 'cust_moved')).status).toBe(200);
  });

  it('a blocked customer is told so and gets no address', async () => {
    const s = purseShop();
    expect((await s.get<ShopperPurse>(routes.customerPurse, 'cust_seed_blocked')).body).toEqual({ blocked: true, addresses: [], owner: expect.any(String) });
    expect(s.calls('address/get')).toBe(0);
  });

  it('refuses signed-out shoppers, and answers 501 when the merchant did not configure it', async () => {
    expect((await purseShop().get(routes.customerPurse)).body.code).toBe('no_customer_session');
    const world = purseWorld();
    const response = await shop({}, world).send('GET', routes.customerPurse, { customer: 'cust_1' });
    expect(response.status).toBe(501);
  });

  it('createCustomer: false → 404 and nothing created; a function gives the details, or refuses with null', async () => {
    const never = purseShop({ createCustomer: false });
    expect((await never.get(routes.customerPurse, 'cust_2')).status).toBe(404);
    expect(created(never, 'cust_2')).toHaveLength(0);
    const withEmail = purseShop({ createCustomer: (_request, customer) => (customer === 'cust_3' ? { email: 'c3@example.com' } : null) });
    expect((await withEmail.get(routes.customerPurse, 'cust_3')).status).toBe(200);
    expect(created(withEmail, 'cust_3')).toEqual([expect.objectContaining({ email: 'c3@example.com' })]);
    expect((await withEmail.get(routes.customerPurse, 'cust_4')).status).toBe(404);
  });

  it('a creation that outlasts the lock’s 30 s keeps it: a first visit meanwhile waits, and one customer is created', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const s = purseShop({ client: { timeoutMs: 120_000 } });
      s.purse.control.setFault({ path: '/api/v1/customer-purse/customer/create', latencyMs: 45_000, times: 1 });
      const slow = s.get(routes.customerPurse, 'cust_slow');
      while (s.calls('customer/create') === 0) await new Promise((resolve) => setImmediate(resolve));
      for (let waited = 0; waited < 40_000; waited += 5_000) {
        s.advance(5_000);
        await vi.advanceTimersByTimeAsync(5_000);
      }
      // 40 s into the creation: the lock is still held, so this visit does not create a second customer.
      expect(await s.get(routes.customerPurse, 'cust_slow')).toMatchObject({ status: 503, body: { code: 'customer_purse_pending' } });
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await slow).status).toBe(200);
      expect(created(s, 'cust_slow')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed creation can be retried and still creates one customer', async () => {
    const s = purseShop();
    s.purse.control.setFault({ path: '/api/v1/customer-purse/customer/create', status: 500, times: 1 });
    expect((await s.get(routes.customerPurse, 'cust_5')).status).toBe(500);
    expect((await s.get(routes.customerPurse, 'cust_5')).status).toBe(200);
    expect(created(s, 'cust_5')).toHaveLength(1);
  });

  it('a creation whose answer did not come in time is not made again while Purse may still be making it', async () => {
    // Purse takes 700 ms to create; the client gives up after 200 ms (room for the calls before it on a loaded
    // machine: at 50 ms, a slow lookup timed out instead), but Purse goes on and creates it.
    const s = purseShop({ client: { timeoutMs: 200 } });
    s.purse.control.setFault({ path: '/api/v1/customer-purse/customer/create', latencyMs: 700, times: 1 });
    expect((await s.get(routes.customerPurse, 'cust_lost')).status).toBeGreaterThanOrEqual(500);
    // The shopper retries at once: Purse has not finished, so nothing is found, and nothing must be created yet.
    expect(await s.get(routes.customerPurse, 'cust_lost')).toMatchObject({ status: 503, body: { code: 'customer_purse_pending' } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await s.get(routes.customerPurse, 'cust_lost')).status).toBe(200);
    expect(created(s, 'cust_lost')).toHaveLength(1);
  });

  it('once Purse has surely answered, a creation that never happened is made on the next visit', async () => {
    // The connection is cut before Purse handles the creation (no timing: a 50 ms client timeout let a slow lookup on a
    // loaded machine time out first, and no creation was in doubt).
    const s = purseShop();
    s.purse.control.setFault({ path: '/api/v1/customer-purse/customer/create', drop: true, times: 1 });
    expect((await s.get(routes.customerPurse, 'cust_never')).status).toBeGreaterThanOrEqual(500);
    expect((await s.get(routes.customerPurse, 'cust_never')).status).toBe(503);
    s.advance(60_000);
    expect((await s.get(routes.customerPurse, 'cust_never')).status).toBe(200);
    expect(created(s, 'cust_never')).toHaveLength(1);
  });

  it('wrong keys are the merchant developer’s problem: 502, logged', async () => {
    const s = purseShop({
      client: { ...MOCK_CUSTOMER_PURSE_CREDENTIALS, secretKey: 'wrong', apiUrl: 'http://calypso.test', fetch: (input, init) => purseWorld().purse.fetch(new Request(input, init)) },
    });
    const answer = await s.get(routes.customerPurse, 'cust_6');
    expect(answer).toMatchObject({ status: 502, body: { code: 'purse_credentials_rejected' } });
    expect(s.logs.some((line) => line.level === 'error')).toBe(true);
  });

  it('a store that cannot remember refuses with 503 instead of creating without a record', async () => {
    const memory = createMemoryStore();
    const store: HandlerStore = { ...memory, add: () => Promise.reject(new StoreError('full', 'memory', 'full')) };
    const s = purseShop({}, { store });
    expect(await s.get(routes.customerPurse, 'cust_7')).toMatchObject({ status: 503, body: { code: 'store_full' } });
    expect(created(s, 'cust_7')).toHaveLength(0);
  });
});

describe('GET /customer-purse/transactions', () => {
  it('pages the signed-in customer’s own transactions, newest first, without merchant-only fields', async () => {
    const s = purseShop();
    const first = await s.get<ShopperDepositPage>(`${routes.customerPurseTransactions}?page=0&size=5`, 'cust_seed_ada');
    expect(first.body).toMatchObject({ page: 0, size: 5, total: 3, totalElements: 12 });
    expect(first.body.result[0]).toEqual({
      id: expect.any(String),
      amount: 1.25,
      currency: 'ETH',
      transactionState: 'MEM_POOL_FOUND',
      complianceState: 'UNCHECKED',
      transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      createdDate: expect.any(String),
    });
    const last = await s.get<ShopperDepositPage>(`${routes.customerPurseTransactions}?page=2&size=5`, 'cust_seed_ada');
    expect(last.body.result).toHaveLength(2);
  });

  it('never shows another customer’s transactions, whatever the query says', async () => {
    const s = purseShop();
    const ada = s.cp.customers().find((c) => c.externalId === 'cust_seed_ada')!;
    const other = await s.get<ShopperDepositPage>(`${routes.customerPurseTransactions}?customerId=${ada.id}&externalId=cust_seed_ada`, 'cust_other');
    expect(other.body).toEqual({ result: [], page: 0, size: 10, total: 0, totalElements: 0 });
    // Listing creates nothing.
    expect(created(s, 'cust_other')).toHaveLength(0);
  });

  it('a new deposit is listed first on the next request', async () => {
    const s = purseShop();
    await s.get(routes.customerPurse, 'cust_8');
    s.cp.addDeposit({ externalId: 'cust_8', currency: 'BTC', amount: 0.02 });
    const page = await s.get<ShopperDepositPage>(routes.customerPurseTransactions, 'cust_8');
    expect(page.body.result).toEqual([expect.objectContaining({ amount: 0.02, currency: 'BTC', transactionState: 'MEM_POOL_FOUND' })]);
  });

  it.each([
    ['page=-1', '/page'],
    ['page=abc', '/page'],
    ['size=0', '/size'],
    ['size=51', '/size'],
  ])('refuses %s with a pointer to %s', async (query, pointer) => {
    const answer = await purseShop().get(`${routes.customerPurseTransactions}?${query}`, 'cust_seed_ada');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.pointer)).toEqual([pointer]);
  });
});
