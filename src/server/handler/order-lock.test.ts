// @vitest-environment node
// The order's lock on two handler instances sharing one real Redis: an instance that stalled while its lock expired
// and another instance took it must neither renew nor release that other instance's lock, or a third request for the
// order would run beside the second.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { connectRedis } from '../../test/redis-server.ts';
import { linkedStore } from '../../test/store-link.ts';
import { aloneForOrder, type GuardedOrder } from './order-guard.ts';
import type { RouteContext } from './route-types.ts';
import { createRedisStore } from './store-redis.ts';
import type { HandlerStore } from './store.ts';

const clients: Awaited<ReturnType<typeof connectRedis>>[] = [];
beforeAll(async () => {
  for (let i = 0; i < 3; i++) clients.push(await connectRedis(inject('redisUrl')));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});
afterEach(() => {
  vi.useRealTimers();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ORDER: GuardedOrder = { reference: 'order-1', purchase: '9999 EUR order-1', amount: 9999, currency: 'EUR' };

/**
 * Instances A and B of one shop (one prefix, a connection each). `stallA(during)`: the answer to A's next command on
 * the order's lock reaches A only after `during` ran (A stalled: a pause, a slow link), whatever that command was.
 */
function twoInstances() {
  const prefix = `order-lock:${randomUUID()}:`;
  const storeA = createRedisStore({ client: clients[0]!, prefix });
  const storeB = createRedisStore({ client: clients[1]!, prefix });
  let stall: { during: () => Promise<void>; done: () => void } | undefined;
  const stalledA = linkedStore(storeA, async (call, [key]) => {
    const answer = await call();
    const now = stall;
    if (now && String(key).includes('order-lock')) {
      stall = undefined;
      await now.during();
      now.done();
    }
    return answer;
  });
  const stallA = (during: () => Promise<void>) => new Promise<void>((done) => (stall = { during, done }));
  /** What time does to A's lock: its TTL runs out (the last renewal that reached Redis was a minute ago). */
  const expireLock = async () => {
    const [key] = await clients[2]!.keys(`${prefix}*order-lock*`);
    if (key) await clients[2]!.sendCommand(['PEXPIRE', key, '1']);
    await sleep(5);
  };
  const ctx = (store: HandlerStore) => ({ store }) as unknown as RouteContext;
  return { a: ctx(stalledA), b: ctx(storeB), stallA, expireLock };
}

/** A run of the guarded request that ends when told to; `running()` while it has started and not ended. */
function gatedRun() {
  let state: 'waiting' | 'running' | 'ended' = 'waiting';
  let end!: () => void;
  let started!: () => void;
  const start = new Promise<void>((resolve) => (started = resolve));
  const body = () =>
    new Promise<Response>((resolve) => {
      state = 'running';
      started();
      end = () => {
        state = 'ended';
        resolve(new Response(null, { status: 201 }));
      };
    });
  return { body, start, end: () => end(), running: () => state === 'running', waiting: () => state === 'waiting' };
}

/**
 * A runs the order's request; `stalled`: A's next command on the lock stalls while A's lock expires and B takes it
 * and runs its own (`fromB()`).
 */
async function aRunsThenStalls() {
  const { a, b, stallA, expireLock } = twoInstances();
  const [runA, runB] = [gatedRun(), gatedRun()];
  const fromA = aloneForOrder(a, 'scope', ORDER, runA.body);
  await runA.start;
  let fromB!: Promise<Response>;
  const stalled = stallA(async () => {
    await expireLock();
    fromB = aloneForOrder(b, 'scope', ORDER, runB.body);
    await runB.start;
  });
  return { a, runA, fromA, runB, fromB: () => fromB, stalled };
}

/** A third request for the order, on A while B's runs: it waits for B's to end, then runs. */
async function thirdWaitsForB(a: RouteContext, runB: ReturnType<typeof gatedRun>, fromB: Promise<Response>) {
  const runC = gatedRun();
  const fromC = aloneForOrder(a, 'scope', ORDER, runC.body);
  await sleep(300);
  expect(runB.running()).toBe(true);
  expect(runC.waiting()).toBe(true);
  runB.end();
  await runC.start;
  runC.end();
  expect([(await fromB).status, (await fromC).status]).toEqual([201, 201]);
}

describe('the order’s lock across two instances on one Redis', () => {
  it('released late by A, whose lock expired and B took: B keeps it, a third request waits for B', async () => {
    const { a, runA, fromA, runB, fromB, stalled } = await aRunsThenStalls();
    runA.end();
    await stalled;
    expect((await fromA).status).toBe(201);

    await thirdWaitsForB(a, runB, fromB());
  });

  it('renewed late by A, whose lock expired and B took: A does not take it back, a third request waits for B', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { a, runA, fromA, runB, fromB, stalled } = await aRunsThenStalls();
    // A's renewal comes due (every third of the lock's life) and stalls.
    await vi.advanceTimersByTimeAsync(20_000);
    await stalled;
    await sleep(50);
    runA.end();
    expect((await fromA).status).toBe(201);

    await thirdWaitsForB(a, runB, fromB());
  });
});
