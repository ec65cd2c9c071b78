// @vitest-environment node
// The OAuth2 token shared by handler instances through a real Redis: one token request per lifetime across all of
// them, and a refresh lock that a dead holder cannot keep.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import { connectRedis } from '../../test/redis-server.ts';
import { linkedStore } from '../../test/store-link.ts';
import { createRedisStore } from '../handler/store-redis.ts';
import type { HandlerStore } from '../handler/store.ts';
import { purseWorld, shop } from '../test-support.ts';
import { createPurseClient } from './client.ts';
import { createSharedToken, type CachedToken } from './token-shared.ts';

const clients: Awaited<ReturnType<typeof connectRedis>>[] = [];
beforeAll(async () => {
  for (let i = 0; i < 4; i++) clients.push(await connectRedis(inject('redisUrl')));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

/** One Redis store per instance (each on its own connection), all under one prefix: one shop's shared Redis. */
function instanceStores(count: number): HandlerStore[] {
  const prefix = `token:${randomUUID()}:`;
  return Array.from({ length: count }, (_, i) => createRedisStore({ client: clients[i % clients.length]!, prefix }));
}

const CHECK = `${routes.checkUser}?email=existing%40example.com`;

describe('the OAuth2 token shared through the Redis store', () => {
  it('50 concurrent calls at expiry over 4 handler instances: 1 token request (on by default with a store)', async () => {
    const world = purseWorld({}, { tokenTtlSeconds: 3600, rateLimit: { limit: 1000, windowMs: 60_000 } });
    // Each instance builds its own Purse client from options, as a merchant's handler does.
    // 150 lookups from one IP: past the handler's own lookup quota, which this test is not about.
    const lookupQuota = { limit: 10_000, windowMs: 60_000 };
    const instances = instanceStores(4).map((store) => shop({ purse: world.options, store, lookupQuota }, world));
    const spread = async () => {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => instances[i % 4]!.send('GET', CHECK)));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
    };

    await spread();
    expect(world.purse.control.tokenRequests()).toBe(1);
    world.advance(3600_000); // every instance's token is now past its refresh time
    await spread();
    expect(world.purse.control.tokenRequests()).toBe(2);
    await spread();
    expect(world.purse.control.tokenRequests()).toBe(2);
  });

  it('without a shared store each instance asks for its own token (what the shared one saves)', async () => {
    const world = purseWorld();
    const instances = Array.from({ length: 4 }, () => shop({ purse: world.options }, world));
    await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 4]!.send('GET', CHECK)));
    expect(world.purse.control.tokenRequests()).toBe(4);
  });

  it('tokenStore: null keeps the token per process even with a shared store', async () => {
    const world = purseWorld();
    const instances = instanceStores(2).map((store) => shop({ purse: { ...world.options, tokenStore: null }, store }, world));
    await Promise.all(instances.map((s) => s.send('GET', CHECK)));
    expect(world.purse.control.tokenRequests()).toBe(2);
  });

  it('a holder whose token request fails releases the lock: the next instance refreshes at once', async () => {
    const world = purseWorld({ timeoutMs: 5_000 });
    const [a, b] = instanceStores(2).map((tokenStore) => createPurseClient({ ...world.options, tokenStore }));
    world.purse.control.setFault({ path: '/oauth2/token', status: 503, latencyMs: 100, times: 1 });
    const started = Date.now();
    const answers = await Promise.allSettled([a!.checkUser({ email: 'existing@example.com' }), b!.checkUser({ email: 'existing@example.com' })]);
    // Whichever took the lock got the 503; the other one refreshed right after and got its answer.
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(answers.find((a) => a.status === 'fulfilled')).toEqual({ status: 'fulfilled', value: { exists: true, token_count: 2 } });
    // Well under the lock's own expiry (timeout 5 s + 1 s): B did not wait for the lock to lapse.
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(world.calls('/oauth2/token')).toHaveLength(2);
    expect(world.purse.control.tokenRequests()).toBe(1);
  });

  it('a 401 drops the shared token: one refresh, which the other instances then use', async () => {
    const world = purseWorld();
    const [a, b] = instanceStores(2).map((tokenStore) => createPurseClient({ ...world.options, tokenStore }));
    await a!.checkUser({ email: 'existing@example.com' });
    world.purse.control.setFault({ path: '/v1/users/exists', status: 401, times: 1 });
    await a!.checkUser({ email: 'existing@example.com' });
    expect(world.purse.control.tokenRequests()).toBe(2);
    await b!.checkUser({ email: 'existing@example.com' }); // a fresh instance: reads the new shared token
    expect(world.purse.control.tokenRequests()).toBe(2);
  });

  it('a late drop of the token Purse refused leaves the new token another instance fetched since', async () => {
    const [storeA, storeB] = instanceStores(2);
    const shared = (store: HandlerStore) => createSharedToken({ store, identity: 'merchant', now: Date.now, lockTtlMs: 1_000 });
    let requests = 0;
    const request = async (): Promise<CachedToken> => ({ value: `token-${++requests}`, refreshAt: Date.now() + 60_000 });
    // A's answer to its next command reaches it only after B, also refused with token-1, dropped it and refreshed.
    let stall: (() => Promise<void>) | undefined;
    const stalledA = linkedStore(storeA!, async (call) => {
      const answer = await call();
      const during = stall;
      stall = undefined;
      await during?.();
      return answer;
    });
    const [a, b] = [shared(stalledA), shared(storeB!)];
    expect((await a.get(request)).value).toBe('token-1');
    stall = async () => {
      await b.drop('token-1');
      expect((await b.get(request)).value).toBe('token-2');
    };
    await a.drop('token-1');
    // Every instance goes on with token-2: no third token request.
    expect((await a.get(request)).value).toBe('token-2');
    expect((await shared(storeB!).get(request)).value).toBe('token-2');
    expect(requests).toBe(2);
  });

  it('with the store down, each instance still gets a token from Purse itself', async () => {
    const world = purseWorld();
    const down = createRedisStore({ client: Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')) });
    const s = shop({ purse: world.options, store: down }, world);
    expect((await s.send('GET', CHECK)).status).toBe(200);
    expect(world.purse.control.tokenRequests()).toBe(1);
  });
});

describe('the refresh lock', () => {
  it('cannot deadlock: a holder that died mid-refresh blocks the others only until its lock expires', async () => {
    const stores = instanceStores(4);
    let requests = 0;
    const request = async (): Promise<CachedToken> => {
      requests++;
      return { value: `token-${requests}`, refreshAt: Date.now() + 60_000 };
    };
    const shared = (store: HandlerStore) => createSharedToken({ store, identity: 'merchant', now: Date.now, lockTtlMs: 400 });

    // The holder takes the lock, then its process dies: its request never ends and it never releases the lock.
    void shared(stores[0]!).get(() => new Promise<CachedToken>(() => undefined));
    const lock = async () => (await clients[0]!.keys('token:*:lock')).length;
    await expect.poll(lock).toBeGreaterThan(0);

    const started = Date.now();
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => shared(stores[1 + (i % 3)]!).get(request)));
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(['token-1']));
    expect(requests).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('a holder whose lock expired releases late without letting a third instance in beside the new holder', async () => {
    const [storeA, storeB, storeC] = instanceStores(3);
    // Long enough that B's lock outlives what follows even on a loaded machine (at 600 ms, a CI runner's pauses let it
    // expire before B's answer, and C rightly took it).
    const lockTtlMs = 2_000;
    const shared = (store: HandlerStore) => createSharedToken({ store, identity: 'merchant', now: Date.now, lockTtlMs, pollMs: 5 });
    /** A token request that ends when `end` is called (without a token: Purse did not answer). */
    const gated = (name: string) => {
      let end!: (token?: CachedToken) => void;
      let started!: () => void;
      const start = new Promise<void>((resolve) => (started = resolve));
      const request = () =>
        new Promise<CachedToken>((resolve, reject) => {
          started();
          end = (token) => (token ? resolve(token) : reject(new Error(`${name}: Purse did not answer`)));
        });
      return { request, start, end: (token?: CachedToken) => end(token) };
    };
    // A's answers reach it 30 ms after Redis ran each command (a slow link): a window between two of its commands.
    const slowA = linkedStore(storeA!, async (call) => {
      const answer = await call();
      await new Promise((resolve) => setTimeout(resolve, 30));
      return answer;
    });

    const a = gated('A');
    const b = gated('B');
    // C asks Purse at once if it ever gets the lock.
    let askedByC = 0;
    const c = async (): Promise<CachedToken> => {
      askedByC++;
      return { value: 'token-c', refreshAt: Date.now() + 60_000 };
    };
    const fromA = shared(slowA).get(a.request).catch((error: unknown) => error);
    await a.start;
    // B waits for A's lock, which expires while A's token request still runs: B takes it and refreshes. (B comes
    // halfway through A's lock: B gives up on a holder only a lock's life after it first saw it.)
    await new Promise((resolve) => setTimeout(resolve, lockTtlMs / 2));
    const fromB = shared(storeB!).get(b.request);
    await b.start;
    const fromC = shared(storeC!).get(c);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A's request fails, late: A lets go of a lock that is B's now. C, waiting for B, must go on waiting.
    a.end();
    await fromA;
    await new Promise((resolve) => setTimeout(resolve, 100));
    b.end({ value: 'token-b', refreshAt: Date.now() + 60_000 });

    expect(await fromB).toEqual({ value: 'token-b', refreshAt: expect.any(Number) });
    // C waited for B's token: it never asked Purse beside B.
    expect((await fromC).value).toBe('token-b');
    expect(askedByC).toBe(0);
  });
});
