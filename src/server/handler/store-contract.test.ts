// @vitest-environment node
// The HandlerStore contract, one suite run against every store: the memory store, and the Redis store on a real
// redis-server (two clients, as two handler instances would have). Real time with short TTLs, so both stores expire
// by the same clock.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectRedis } from '../../test/redis-server.ts';
import { createMemoryStore, type HandlerStore } from './store.ts';
import { createRedisStore } from './store-redis.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two handles on the same data: the same object for one process, two connections for Redis. */
type Backend = { name: string; pair(): [HandlerStore, HandlerStore] };

const memory: Backend = {
  name: 'memory store',
  pair() {
    const store = createMemoryStore();
    return [store, store];
  },
};

const redisClients: Awaited<ReturnType<typeof connectRedis>>[] = [];
const redis: Backend = {
  name: 'Redis store (real redis-server)',
  pair() {
    const prefix = `contract:${randomUUID()}:`;
    return [createRedisStore({ client: redisClients[0]!, prefix }), createRedisStore({ client: redisClients[1]!, prefix })];
  },
};

beforeAll(async () => {
  redisClients.push(await connectRedis(inject('redisUrl')), await connectRedis(inject('redisUrl')));
});
afterAll(async () => {
  await Promise.all(redisClients.map((c) => c.quit()));
});

describe.concurrent.each([memory, redis])('HandlerStore contract: $name', (backend) => {
  it('get answers undefined for an absent key and the stored value, byte for byte, after set; set replaces', async () => {
    const [a, b] = backend.pair();
    expect(await a.get('k')).toBeUndefined();
    const value = JSON.stringify({ customer: 'c1:é€😀', nested: { n: 1 } });
    await a.set('k', value, 60_000);
    expect(await b.get('k')).toBe(value);
    await b.set('k', '', 60_000);
    expect(await a.get('k')).toBe('');
    expect(await a.get('other')).toBeUndefined();
  });

  it('a record expires after its TTL (set, add)', async () => {
    const [a, b] = backend.pair();
    await a.set('s', 'v', 300);
    expect(await a.add('n', 'v', 300)).toBe(true);
    expect(await b.get('s')).toBe('v');
    await sleep(450);
    expect(await b.get('s')).toBeUndefined();
    expect(await b.get('n')).toBeUndefined();
  });

  it('add stores only when the key is absent, and never replaces a live value', async () => {
    const [a, b] = backend.pair();
    expect(await a.add('k', 'first', 300)).toBe(true);
    expect(await b.add('k', 'second', 60_000)).toBe(false);
    expect(await b.get('k')).toBe('first');
    await sleep(450);
    expect(await b.add('k', 'third', 60_000)).toBe(true);
    expect(await a.get('k')).toBe('third');
  });

  it('50 concurrent adds of one key from two instances: exactly one wins', async () => {
    const [a, b] = backend.pair();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).add('race', `v${i}`, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await a.get('race')).toBe(`v${winner}`);
  });

  it('take reads and deletes: a value is taken once, even by 20 concurrent takers on two instances', async () => {
    const [a, b] = backend.pair();
    await a.set('once', 'challenge', 60_000);
    expect(await b.take('once')).toBe('challenge');
    expect(await a.take('once')).toBeUndefined();
    expect(await a.get('once')).toBeUndefined();

    await a.set('race', 'challenge', 60_000);
    const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take('race')));
    expect(taken.filter((t) => t !== undefined)).toEqual(['challenge']);
  });

  it('delete removes a record; deleting an absent key is no error', async () => {
    const [a, b] = backend.pair();
    await a.set('k', 'v', 60_000);
    await b.delete('k');
    expect(await a.get('k')).toBeUndefined();
    await expect(a.delete('never-set')).resolves.toBeUndefined();
    expect(await a.add('k', 'again', 60_000)).toBe(true);
  });

  it('increment counts from 1 in a fixed window: later increments do not extend it', async () => {
    const [a, b] = backend.pair();
    expect(await a.increment('quota', 500)).toBe(1);
    expect(await b.increment('quota', 500)).toBe(2);
    await sleep(250);
    expect(await a.increment('quota', 500)).toBe(3);
    // 650 ms after the first increment: that window (500 ms) is over, although the last increment was 400 ms ago.
    await sleep(400);
    expect(await b.increment('quota', 500)).toBe(1);
    expect(await a.increment('other', 500)).toBe(1);
  });

  it('deleteIf deletes only while the key holds the expected value', async () => {
    const [a, b] = backend.pair();
    await a.set('lock', 'owner-a', 60_000);
    expect(await b.deleteIf('lock', 'owner-b')).toBe(false);
    expect(await a.get('lock')).toBe('owner-a');
    expect(await b.deleteIf('lock', 'owner-a')).toBe(true);
    expect(await a.get('lock')).toBeUndefined();
    expect(await a.deleteIf('lock', 'owner-a')).toBe(false);
    expect(await a.deleteIf('never-set', '')).toBe(false);
  });

  it('renewIf gives the key a new TTL only while it holds the expected value, and keeps the value', async () => {
    const [a, b] = backend.pair();
    await a.set('lock', 'owner-a', 300);
    expect(await b.renewIf('lock', 'owner-b', 60_000)).toBe(false);
    expect(await b.renewIf('lock', 'owner-a', 800)).toBe(true);
    // 500 ms after the first TTL (300 ms) would have ended: the renewal (800 ms) keeps it.
    await sleep(500);
    expect(await a.get('lock')).toBe('owner-a');
    expect(await a.add('lock', 'owner-b', 60_000)).toBe(false);
    await sleep(450);
    expect(await a.get('lock')).toBeUndefined();
    expect(await a.renewIf('never-set', '', 60_000)).toBe(false);
    expect(await a.get('never-set')).toBeUndefined();
  });

  it('an expired key is absent for deleteIf and renewIf: neither acts, renewIf does not bring it back', async () => {
    const [a, b] = backend.pair();
    await a.set('lock', 'owner-a', 200);
    await sleep(350);
    expect(await b.renewIf('lock', 'owner-a', 60_000)).toBe(false);
    expect(await a.get('lock')).toBeUndefined();
    expect(await b.deleteIf('lock', 'owner-a')).toBe(false);
    // The next holder's lock is another value: the old holder can neither renew nor delete it.
    expect(await b.add('lock', 'owner-b', 60_000)).toBe(true);
    expect(await a.renewIf('lock', 'owner-a', 60_000)).toBe(false);
    expect(await a.deleteIf('lock', 'owner-a')).toBe(false);
    expect(await b.get('lock')).toBe('owner-b');
  });

  it('50 concurrent deleteIf of one value from two instances: exactly one deletes', async () => {
    const [a, b] = backend.pair();
    await a.set('race', 'owner', 60_000);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).deleteIf('race', 'owner')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.get('race')).toBeUndefined();
  });

  it('100 concurrent increments from two instances count 1..100, none lost', async () => {
    const [a, b] = backend.pair();
    const counts = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).increment('n', 60_000)));
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});

describe('Redis store keys', () => {
  it('a prefix per handler: two shops on one Redis never see each other’s records', async () => {
    const shopA = createRedisStore({ client: redisClients[0]!, prefix: `shop-a:${randomUUID()}:` });
    const shopB = createRedisStore({ client: redisClients[1]!, prefix: `shop-b:${randomUUID()}:` });
    await shopA.set('purse-kit:challenge:1', 'a', 60_000);
    expect(await shopB.get('purse-kit:challenge:1')).toBeUndefined();
    expect(await shopB.add('purse-kit:challenge:1', 'b', 60_000)).toBe(true);
    expect(await shopA.take('purse-kit:challenge:1')).toBe('a');
    expect(await shopB.get('purse-kit:challenge:1')).toBe('b');
  });

  it('stores under the prefix, with the TTL in Redis itself (nothing kept forever)', async () => {
    const prefix = `ttl:${randomUUID()}:`;
    const store = createRedisStore({ client: redisClients[0]!, prefix });
    await store.set('s', 'v', 60_000);
    await store.add('a', 'v', 60_000);
    await store.increment('i', 60_000);
    await store.set('r', 'v', 1_000);
    expect(await store.renewIf('r', 'v', 60_000)).toBe(true);
    for (const key of ['s', 'a', 'i', 'r']) {
      const pttl = Number(await redisClients[1]!.sendCommand(['PTTL', `${prefix}${key}`]));
      expect(pttl).toBeGreaterThan(55_000);
      expect(pttl).toBeLessThanOrEqual(60_000);
    }
  });
});
