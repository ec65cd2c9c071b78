// @vitest-environment node
// The Redis store when Redis fails, on a redis-server of this file's own: down, frozen (slow), restarted mid-flow,
// out of memory. The handler answers 503 naming the store, and nothing that needs a record passes without it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { connectRedis, startRedisServer, type RedisServer } from '../../test/redis-server.ts';
import { checkoutShop, purseWorld } from '../test-support.ts';
import type { StoreError } from './store.ts';
import { isStoreError } from './store.ts';
import { createRedisStore } from './store-redis.ts';

const EXISTING = { email: 'existing@example.com' };
const CUSTOMER = 'cust_1';
const TIMEOUT_MS = 300;

let server: RedisServer;
let client: Awaited<ReturnType<typeof connectRedis>>;
const aofDir = mkdtempSync(join(tmpdir(), 'purse-redis-'));

beforeAll(async () => {
  server = await startRedisServer({ appendOnlyDir: aofDir });
  client = await connectRedis(server.url);
});
afterAll(async () => {
  await client.quit().catch(() => undefined);
  await server.stop();
  rmSync(aofDir, { recursive: true, force: true });
});

function redisShop(options: { idempotencyWaitMs?: number } = {}) {
  const world = purseWorld({}, { rateLimit: { limit: 1000, windowMs: 60_000 } });
  const store = createRedisStore({ client, prefix: `faults:${randomUUID()}:`, commandTimeoutMs: TIMEOUT_MS });
  return { store, ...checkoutShop({ purse: world.options, store, ...options }, world) };
}
type Shop = ReturnType<typeof redisShop>;

/** A verified code's consent challenge, while Redis is up (a command slower than TIMEOUT_MS on a loaded machine is a 503, retried as the browser adapter does). */
async function verifiedChallenge(s: Shop): Promise<string> {
  const [start, verify] = [randomUUID(), randomUUID()];
  expect((await untilNot503(() => s.post(routes.startPasswordless, EXISTING, { key: start }))).status).toBe(204);
  const code = s.purse.control.currentCode(EXISTING)!;
  const response = await untilNot503(() =>
    s.post(routes.verifyPasswordless, { ...EXISTING, verification_code: code }, { customer: CUSTOMER, key: verify }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { consent_challenge_id: string }).consent_challenge_id;
}

async function expectStoreUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  const body = (await response.json()) as { code: string; detail: string };
  expect(body.code).toBe('store_unavailable');
  expect(body.detail).toContain('redis store');
}

/** What the browser adapter does with a 503 on a POST: the same request again, same Idempotency-Key. */
async function untilNot503(send: () => Promise<Response>): Promise<Response> {
  for (let i = 0; ; i++) {
    const response = await send();
    if (response.status !== 503 || i >= 40) return response;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Redis down', () => {
  it('every route that needs a record answers 503 naming the store, within the command timeout; nothing reaches Purse', async () => {
    const s = redisShop();
    const challenge = await verifiedChallenge(s);
    const { session, paymentId, token } = await s.checkout(CUSTOMER);
    const sessionsBefore = s.purse.control.sessions().length;

    await server.stop();
    try {
      const started = Date.now();
      const asCustomer = { customer: CUSTOMER };
      const answers = [
        await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, asCustomer),
        await s.send('GET', `${routes.session}${session.id}`, asCustomer),
        await s.post(`${routes.session}${session.id}/abort`, {}, asCustomer),
        await s.post(routes.verifyRedirect, { token }, asCustomer),
        await s.send('GET', `${routes.payment}${paymentId}`, asCustomer),
        await s.post(routes.createSession, {}, { ...asCustomer, key: randomUUID() }),
      ];
      for (const answer of answers) await expectStoreUnavailable(answer);
      // Without the command timeout each would wait for Redis forever (the test's own timeout); the slack is for a
      // loaded CI machine.
      expect(Date.now() - started).toBeLessThan(answers.length * TIMEOUT_MS + 10_000);

      expect(s.purse.control.consents()).toHaveLength(0);
      expect(s.purse.control.sessions()).toHaveLength(sessionsBefore);
      expect(s.purse.control.sessions().find((x) => x.id === session.id)?.status).not.toMatch(/ABORTED/);
      expect(s.logs.filter((l) => l.message.includes('the redis store failed'))).toHaveLength(answers.length);
      // A route that keeps no record still works.
      expect((await s.send('GET', `${routes.checkUser}?email=existing%40example.com`)).status).toBe(200);
    } finally {
      await server.restart();
    }
  });

  it('the store rejects with StoreError("unavailable", "redis") when the client cannot connect at all', async () => {
    const refused = createRedisStore({ client: Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')) });
    const error = await refused.get('k').catch((e: unknown) => e);
    expect(isStoreError(error) && error.kind === 'unavailable' && error.store === 'redis').toBe(true);
    expect((error as StoreError).message).toMatch(/Redis failed on GET: connect ECONNREFUSED/);

    const never = createRedisStore({ client: new Promise(() => undefined), commandTimeoutMs: 100 });
    await expect(never.add('k', 'v', 1000)).rejects.toThrow(/Redis did not answer SET NX within 100 ms/);
    expect(() => createRedisStore({} as never)).toThrow(/createRedisStore needs \{ client \}/);
  });

  it('a write given up on (503) never lands later, even when the client connects just after', async () => {
    const prefix = `late:${randomUUID()}:`;
    const late = createRedisStore({ client: new Promise((resolve) => setTimeout(() => resolve(client), 250)), prefix, commandTimeoutMs: 100 });
    await expect(late.add('pending', 'v', 60_000)).rejects.toThrow(/did not answer SET NX within 100 ms/);
    await new Promise((r) => setTimeout(r, 400));
    expect(await client.get(`${prefix}pending`)).toBeNull();
    expect(await late.add('pending', 'v', 60_000)).toBe(true);
  });

  it('a connecting function is called at the first command, and again after a failed connection', async () => {
    let attempts = 0;
    const store = createRedisStore({
      client: async () => {
        attempts++;
        if (attempts === 1) throw new Error('connect ECONNREFUSED');
        return client;
      },
      prefix: `lazy:${randomUUID()}:`,
    });
    expect(attempts).toBe(0);
    await expect(store.set('k', 'v', 60_000)).rejects.toThrow(/Redis failed on SET: connect ECONNREFUSED/);
    await store.set('k', 'v', 60_000);
    expect(await store.get('k')).toBe('v');
    expect(attempts).toBe(2);
  });
});

describe('Redis restarted mid-flow', () => {
  it('with its data kept (append-only file): code verified before, consent after the restart; one consent, one session', async () => {
    const s = redisShop();
    const challenge = await verifiedChallenge(s);
    const key = randomUUID();
    // A loaded machine may make a store command time out (503): a client retries with the same key, as here.
    const created = await untilNot503(() => s.post(routes.createSession, {}, { customer: CUSTOMER, key }));
    expect(created.status).toBe(201);
    const first = (await created.json()) as CheckoutSession;

    await server.restart();

    const consent = await untilNot503(() =>
      s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: CUSTOMER, key: randomUUID() }),
    );
    expect(consent.status).toBe(204);
    expect(s.purse.control.consents()).toHaveLength(1);
    const replay = await untilNot503(() => s.post(routes.createSession, {}, { customer: CUSTOMER, key }));
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as CheckoutSession).id).toBe(first.id);
    expect(s.purse.control.sessions()).toHaveLength(1);
  });

  it('with its data lost (no persistence): the challenge and the session record are gone, so consent and reads are refused', async () => {
    const volatile = await startRedisServer();
    const volatileClient = await connectRedis(volatile.url);
    const world = purseWorld();
    const store = createRedisStore({ client: volatileClient, commandTimeoutMs: TIMEOUT_MS });
    const s = { store, ...checkoutShop({ purse: world.options, store }, world) };
    const challenge = await verifiedChallenge(s);
    const created = (await (await s.post(routes.createSession, {}, { customer: CUSTOMER })).json()) as CheckoutSession;

    await volatile.restart();
    const consent = await untilNot503(() =>
      s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: CUSTOMER }),
    );
    expect(consent.status).toBe(400);
    expect(await consent.json()).toMatchObject({ code: 'consent_challenge_unknown' });
    expect(s.purse.control.consents()).toHaveLength(0);
    expect((await s.send('GET', `${routes.session}${created.id}`, { customer: CUSTOMER })).status).toBe(404);
    await volatileClient.quit();
    await volatile.stop();
  });
});

describe('Redis slow (frozen process)', () => {
  it('a request waits at most the command timeout, then 503; after Redis wakes the shopper retries and links once', async () => {
    const s = redisShop({ idempotencyWaitMs: 300 });
    const challenge = await verifiedChallenge(s);
    const key = randomUUID();

    server.pause();
    try {
      const started = Date.now();
      await expectStoreUnavailable(await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: CUSTOMER }));
      await expectStoreUnavailable(await s.post(routes.createSession, {}, { customer: CUSTOMER, key }));
      // A frozen Redis never answers: without the command timeout these would hang (slack for a loaded machine).
      expect(Date.now() - started).toBeLessThan(2 * TIMEOUT_MS + 8_000);
    } finally {
      server.resume();
    }
    expect(s.purse.control.consents()).toHaveLength(0);

    const consent = await untilNot503(() =>
      s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: CUSTOMER }),
    );
    expect(consent.status).toBe(204);
    expect(s.purse.control.consents()).toHaveLength(1);
    // Whether the frozen Redis still ran the timed-out "pending" write (and the release that followed it) when it woke
    // depends on what had reached its socket: the key is then either free (the retry creates the one session) or
    // blocked until that record expires (409, retry later). Never run twice either way.
    const retried = await s.post(routes.createSession, {}, { customer: CUSTOMER, key });
    if (retried.status === 409) {
      expect(await retried.json()).toMatchObject({ code: 'idempotency_in_progress' });
      expect(s.purse.control.sessions()).toHaveLength(0);
    } else {
      expect(retried.status).toBe(201);
      expect(s.purse.control.sessions()).toHaveLength(1);
    }
  });
});

describe('Redis out of memory (maxmemory, noeviction)', () => {
  it('a write is refused as StoreError("full"): 503 store_full, nothing created at Purse; reads still work', async () => {
    const s = redisShop();
    await s.store.set('kept', 'v', 60_000);
    await client.configSet('maxmemory', '1');
    try {
      const error = await s.store.set('new', 'v', 60_000).catch((e: unknown) => e);
      expect(isStoreError(error) && error.kind === 'full').toBe(true);
      expect(await s.store.get('kept')).toBe('v');
      const answer = await s.post(routes.createSession, {}, { customer: CUSTOMER, key: randomUUID() });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ code: 'store_full' });
      expect(s.purse.control.sessions()).toHaveLength(0);
    } finally {
      await client.configSet('maxmemory', '0');
    }
  });
});
