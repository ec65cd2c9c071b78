// @vitest-environment node
// Two handler instances A and B (each with its own Purse client and Redis connection) over one Purse and one real
// Redis, requests alternating: every journey of issue 8 that broke on per-process memory.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { MOCK_CUSTOMER_PURSE_CREDENTIALS } from '../../mock-server/index.ts';
import { connectRedis } from '../../test/redis-server.ts';
import { CARDS, checkoutShop, cookieJar, purseWorld } from '../test-support.ts';
import { createRedisStore } from './store-redis.ts';

const EXISTING = { email: 'existing@example.com' };
const clients: Awaited<ReturnType<typeof connectRedis>>[] = [];
beforeAll(async () => {
  clients.push(await connectRedis(inject('redisUrl')), await connectRedis(inject('redisUrl')));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

/**
 * A and B: one shop (one key prefix) on two instances; `slow`: Purse takes a few ms per call (a window to race in);
 * `options`: more handler options for both.
 */
function twoInstances(slow = false, options: Parameters<typeof checkoutShop>[0] = {}) {
  const world: ReturnType<typeof purseWorld> = purseWorld(
    slow
      ? {
          fetch: async (input, init) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            return world.purse.fetch(new Request(input, init));
          },
        }
      : {},
    // No resend throttle: only the handler's cap on codes stands between a victim and many codes.
    { rateLimit: { limit: 1000, windowMs: 60_000 }, resendThrottleMs: 0 },
  );
  const prefix = `instances:${randomUUID()}:`;
  const [a, b] = clients.map((client) =>
    checkoutShop({ purse: world.options, store: createRedisStore({ client, prefix }), ...options }, world),
  ) as [ReturnType<typeof checkoutShop>, ReturnType<typeof checkoutShop>];
  return { world, a, b };
}

describe('two handler instances on one Redis', () => {
  it('code sent by A, verified by B, consent by A: the account is linked, one consent at Purse', async () => {
    const { world, a, b } = twoInstances();
    expect((await a.post(routes.startPasswordless, EXISTING, { customer: 'cust_1' })).status).toBe(204);
    const code = world.purse.control.currentCode(EXISTING)!;
    const verified = await b.post(routes.verifyPasswordless, { ...EXISTING, verification_code: code }, { customer: 'cust_1' });
    expect(verified.status).toBe(200);
    const { consent_challenge_id } = (await verified.json()) as { consent_challenge_id: string };

    const consent = await a.post(routes.createConsent, { ...EXISTING, consent_challenge_id }, { customer: 'cust_1' });
    expect(consent.status).toBe(204);
    expect(world.purse.control.consents()).toHaveLength(1);
    // Single use across instances too.
    const again = await b.post(routes.createConsent, { ...EXISTING, consent_challenge_id }, { customer: 'cust_1' });
    expect(again.status).toBe(400);
    expect(world.purse.control.consents()).toHaveLength(1);
  });

  it('a session created on A is read and aborted through B (and only by its customer)', async () => {
    const { world, a, b } = twoInstances();
    const created = (await (await a.post(routes.createSession, {}, { customer: 'cust_1' })).json()) as CheckoutSession;
    expect((await b.send('GET', `${routes.session}${created.id}`, { customer: 'cust_2' })).status).toBe(404);
    const read = await b.send('GET', `${routes.session}${created.id}`, { customer: 'cust_1' });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: created.id });
    expect((await b.post(`${routes.session}${created.id}/abort`, {}, { customer: 'cust_1' })).status).toBe(200);
    expect(world.purse.control.sessions().find((s) => s.id === created.id)?.status).toMatch(/^ABORTED/);
  });

  it('the return page verified on A polls the payment on B; another customer posting the token to B is refused', async () => {
    const { a, b } = twoInstances();
    const { paymentId, token } = await a.checkout('cust_1', CARDS.authorized);
    expect((await a.post(routes.verifyRedirect, { token }, { customer: 'cust_1' })).status).toBe(200);
    const polled = await b.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_1' });
    expect(polled.status).toBe(200);
    expect(await polled.json()).toMatchObject({ id: paymentId, authorization_status: 'AUTHORIZED' });

    const stolen = await b.post(routes.verifyRedirect, { token }, { customer: 'cust_attacker' });
    expect(stolen.status).toBe(404);
    expect((await b.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_attacker' })).status).toBe(404);
  });

  it('20 concurrent creates with one Idempotency-Key split over A and B: one session at Purse, one id for all', async () => {
    const { world, a, b } = twoInstances();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).post(routes.createSession, {}, { customer: 'cust_1', key })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 201));
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as CheckoutSession).id)));
    expect(ids.size).toBe(1);
    expect(world.purse.control.sessions()).toHaveLength(1);
    expect(world.calls('/payment/v2/client-sessions').filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('two tabs of one shopper, one on A and one on B, ask for the same order at once: one payable session', async () => {
    const { world, a, b } = twoInstances(true);
    const answers = await Promise.all([a, b, a, b].map((instance) => instance.post(routes.createSession, {}, { customer: 'cust_1' })));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(world.purse.control.sessions().filter((session) => session.status === 'CREATED')).toHaveLength(1);
  });

  it('codes for one victim asked through A and B by many guests, many at once: the cap holds across instances', async () => {
    const { world, a, b } = twoInstances(true, { codeLimit: { limit: 3, windowMs: 15 * 60_000 }, lookupQuota: { limit: 3, windowMs: 60 * 60_000 } });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).post(routes.startPasswordless, EXISTING, { browser: cookieJar(), headers: { 'x-forwarded-for': `203.0.113.${i}, 10.0.0.1` } }),
      ),
    );
    expect(answers.filter((r) => r.status === 204)).toHaveLength(3);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(7);
    expect(world.calls(`/v1/merchants/${world.options.merchantId}/users/passwordless/start`)).toHaveLength(3);
    // The lookup quota is one count across instances too.
    const lookups = [];
    for (let i = 0; i < 4; i++) {
      lookups.push((await (i % 2 ? a : b).send('GET', `${routes.checkUser}?email=existing%40example.com`, { customer: 'cust_1' })).status);
    }
    expect(lookups).toEqual([200, 200, 200, 429]);
  });

  /**
   * A and B serving deposit addresses over one Customer Purse (the in-process mock). Each instance's clock is its own
   * (B's a minute ahead): on one frozen test clock, both would sign byte-identical bodies, which Purse refuses as replays.
   */
  function twoPurses(timeoutMs = 10_000) {
    const world = purseWorld();
    const prefix = `instances:${randomUUID()}:`;
    const [a, b] = clients.map((client, i) => {
      const customerPurse = {
        client: {
          ...MOCK_CUSTOMER_PURSE_CREDENTIALS,
          apiUrl: 'http://calypso.test',
          timeoutMs,
          now: () => world.now() + i * 60_000,
          fetch: async (input: string | URL | Request, init?: RequestInit) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            return world.purse.fetch(new Request(input, init));
          },
        },
        currencies: ['BTC'],
      };
      return checkoutShop({ purse: world.options, store: createRedisStore({ client, prefix }), customerPurse }, world);
    }) as [ReturnType<typeof checkoutShop>, ReturnType<typeof checkoutShop>];
    const customers = (reference: string) => world.purse.control.customerPurse.customers().filter((c) => c.externalId === reference);
    return { world, a, b, customers };
  }

  it('ten first visits of one shopper split over A and B: one Customer Purse customer, the same address for all', async () => {
    const { a, b, customers } = twoPurses();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).send('GET', routes.customerPurse, { customer: 'cust_cp' })));
    const ok = answers.filter((r) => r.status === 200);
    // The others were told it is being created (503, Retry-After); none made a second customer.
    expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(ok.length).toBeGreaterThan(0);
    const addresses = new Set(await Promise.all(ok.map(async (r) => ((await r.json()) as { addresses: { address: string }[] }).addresses[0]!.address)));
    expect(addresses.size).toBe(1);
    expect(customers('cust_cp')).toHaveLength(1);
  });

  it('a creation timed out on A while Purse goes on: the retry through B waits for it instead of making another', async () => {
    // The client gives up after 200 ms (room for the calls before the creation on a loaded machine), Purse creates at 700.
    const { a, b, world, customers } = twoPurses(200);
    world.purse.control.setFault({ path: '/api/v1/customer-purse/customer/create', latencyMs: 700, times: 1 });
    expect((await a.send('GET', routes.customerPurse, { customer: 'cust_cp_lost' })).status).toBeGreaterThanOrEqual(500);
    expect((await b.send('GET', routes.customerPurse, { customer: 'cust_cp_lost' })).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await b.send('GET', routes.customerPurse, { customer: 'cust_cp_lost' })).status).toBe(200);
    expect((await a.send('GET', routes.customerPurse, { customer: 'cust_cp_lost' })).status).toBe(200);
    expect(customers('cust_cp_lost')).toHaveLength(1);
  });
});
