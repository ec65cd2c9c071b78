// @vitest-environment node
// A request that runs longer than its pending record would live (a Purse call with a long timeout, a slow retry): a
// duplicate must still wait for it, never run the action a second time.
import { afterEach, expect, it, vi } from 'vitest';
import { withIdempotency, type LocalInflight } from './idempotency.ts';
import { linkedStore } from '../../test/store-link.ts';
import { createMemoryStore, StoreError, type HandlerStore } from './store.ts';

afterEach(() => vi.useRealTimers());

// The request's hash (Web Crypto) settles on the event loop, not on a timer: wait for it in real time.
const realTimeout = globalThis.setTimeout;
const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => realTimeout(resolve, 5));
};
const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

it('keeps a long-running request pending past the first minute: a duplicate from another instance never runs it again', async () => {
  fakeClock();
  const store = createMemoryStore();
  const options = { store, ttlMs: 86_400_000, waitMs: 30_000 };
  const runs: string[] = [];
  let finish!: (response: Response) => void;
  // The first instance: its action takes 3 minutes.
  const first = withIdempotency(options, new Map() as LocalInflight, 'key', 'fingerprint-a', () => {
    runs.push('first');
    return new Promise<Response>((resolve) => (finish = resolve));
  });
  await until(() => runs.length === 1);
  await vi.advanceTimersByTimeAsync(150_000);

  // Another instance (its own in-process waiters) gets the shopper's retry.
  const duplicate = withIdempotency(options, new Map() as LocalInflight, 'key', 'fingerprint-a', async () => {
    runs.push('duplicate');
    return new Response('{"again":true}', { status: 201 });
  });
  await new Promise((resolve) => realTimeout(resolve, 50));
  await vi.advanceTimersByTimeAsync(20_000);
  finish(new Response('{"once":true}', { status: 201 }));
  await vi.advanceTimersByTimeAsync(1_000);

  await expect((await first).json()).resolves.toEqual({ once: true });
  const replayed = await duplicate;
  expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  await expect(replayed.json()).resolves.toEqual({ once: true });
  expect(runs).toEqual(['first']);
});

it('lets a retry run once the instance that held the record is gone (no refresh for a minute)', async () => {
  fakeClock();
  const store = createMemoryStore();
  const options = { store, ttlMs: 86_400_000, waitMs: 30_000 };
  // An instance that died mid-request: its pending record, and nothing refreshing it.
  await store.add('key', JSON.stringify({ state: 'pending', fingerprint: 'x' }), 60_000);
  await vi.advanceTimersByTimeAsync(61_000);
  const runs: string[] = [];
  const retry = await withIdempotency(options, new Map() as LocalInflight, 'key', 'fingerprint-a', async () => {
    runs.push('retry');
    return new Response('{"ok":true}', { status: 201 });
  });
  expect(retry.status).toBe(201);
  expect(runs).toEqual(['retry']);
});

/** Instance A's link to the store: while `cut`, every command fails (its renewals are passed over). */
function linkOf(store: HandlerStore) {
  const link: { cut: boolean; store: HandlerStore } = {
    cut: false,
    store: linkedStore(store, (call) => (link.cut ? Promise.reject(new StoreError('unavailable', 'memory', 'cut off')) : call())),
  };
  return link;
}

/**
 * Instance A runs the action and is cut off from the store past its pending record's life; the shopper's retry on
 * instance B runs and its answer is stored; A is back, its next renewal comes, then its action ends with `endA`.
 */
async function cutOffWhileARuns(endA: Response) {
  fakeClock();
  const store = createMemoryStore();
  const linkA = linkOf(store);
  const runs: string[] = [];
  let finish!: (response: Response) => void;
  const first = withIdempotency({ store: linkA.store, ttlMs: 86_400_000, waitMs: 30_000 }, new Map() as LocalInflight, 'key', 'fingerprint-a', () => {
    runs.push('A');
    return new Promise<Response>((resolve) => (finish = resolve));
  });
  await until(() => runs.length === 1);
  linkA.cut = true;
  await vi.advanceTimersByTimeAsync(61_000);
  const options = { store, ttlMs: 86_400_000, waitMs: 30_000 };
  const fromB = await withIdempotency(options, new Map() as LocalInflight, 'key', 'fingerprint-a', async () => {
    runs.push('B');
    return new Response('{"from":"B"}', { status: 201 });
  });
  expect(fromB.status).toBe(201);
  linkA.cut = false;
  await vi.advanceTimersByTimeAsync(20_000);
  finish(endA);
  const answerA = await first;

  // A third try of the same intent.
  const third = withIdempotency(options, new Map() as LocalInflight, 'key', 'fingerprint-a', async () => {
    runs.push('third');
    return new Response('{"from":"third"}', { status: 201 });
  });
  await vi.advanceTimersByTimeAsync(31_000);
  return { answerA, third: await third, runs };
}

it('an instance cut off from the store past its pending record’s life, back later, never takes back the key another instance answered', async () => {
  // A's action ends in a failure to retry (Purse 503).
  const { answerA, third, runs } = await cutOffWhileARuns(new Response('{"title":"Purse unavailable"}', { status: 503 }));
  expect(answerA.status).toBe(503);
  // The third try gets B's answer, and the action never runs a third time.
  expect(third.headers.get('idempotent-replayed')).toBe('true');
  await expect(third.json()).resolves.toEqual({ from: 'B' });
  expect(runs).toEqual(['A', 'B']);
});

it('an instance cut off from the store past its pending record’s life, back later with a final answer, never overwrites the answer another instance stored', async () => {
  const { answerA, third, runs } = await cutOffWhileARuns(new Response('{"from":"A"}', { status: 201 }));
  await expect(answerA.json()).resolves.toEqual({ from: 'A' });
  // What the shopper was answered (B's) is what every later try gets: one answer per key.
  expect(third.headers.get('idempotent-replayed')).toBe('true');
  await expect(third.json()).resolves.toEqual({ from: 'B' });
  expect(runs).toEqual(['A', 'B']);
});

it('an instance cut off past its pending record’s life, back with a final answer nobody stored meanwhile, still stores it', async () => {
  fakeClock();
  const store = createMemoryStore();
  const linkA = linkOf(store);
  const options = { store: linkA.store, ttlMs: 86_400_000, waitMs: 30_000 };
  let finish!: (response: Response) => void;
  const runs: string[] = [];
  const first = withIdempotency(options, new Map() as LocalInflight, 'key', 'fingerprint-a', () => {
    runs.push('A');
    return new Promise<Response>((resolve) => (finish = resolve));
  });
  await until(() => runs.length === 1);
  linkA.cut = true;
  await vi.advanceTimersByTimeAsync(61_000);
  linkA.cut = false;
  await vi.advanceTimersByTimeAsync(20_000);
  finish(new Response('{"from":"A"}', { status: 201 }));
  expect((await first).status).toBe(201);
  const retry = await withIdempotency({ store, ttlMs: 86_400_000, waitMs: 30_000 }, new Map() as LocalInflight, 'key', 'fingerprint-a', async () => {
    runs.push('retry');
    return new Response('{"from":"retry"}', { status: 201 });
  });
  await expect(retry.json()).resolves.toEqual({ from: 'A' });
  expect(runs).toEqual(['A']);
});
