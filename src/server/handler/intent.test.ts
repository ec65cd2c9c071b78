// @vitest-environment node
// An intent's attempt record: the first attempt's request for its retries, only for the same browser body.
import { describe, expect, it } from 'vitest';
import { beginAttempt, IntentKeyReusedError } from './intent.ts';
import type { RouteContext } from './route-types.ts';
import { createMemoryStore } from './store.ts';

const contextOf = (store = createMemoryStore(), fingerprint = 'body-a') =>
  ({ store, intent: { key: 'intent-1', purseKey: 'purse-kit-1', fingerprint } }) as unknown as RouteContext;

describe('beginAttempt', () => {
  it('gives a retry of the same body the first request, and refuses another body', async () => {
    const store = createMemoryStore();
    expect(await beginAttempt(contextOf(store), { amount: 1 })).toEqual({ request: { amount: 1 }, retried: false });
    expect(await beginAttempt(contextOf(store), { amount: 2 })).toEqual({ request: { amount: 1 }, retried: true });
    await expect(beginAttempt(contextOf(store, 'body-b'), { amount: 2 })).rejects.toBeInstanceOf(IntentKeyReusedError);
  });

  it('replaces a record it cannot read (garbage, or another version’s plain request): this attempt is the first', async () => {
    for (const raw of ['not json', 'null', '{"amount":1}']) {
      const store = createMemoryStore();
      await store.set('purse-kit:attempt:intent-1', raw, 60_000);
      expect(await beginAttempt(contextOf(store), { amount: 2 })).toEqual({ request: { amount: 2 }, retried: false });
    }
  });
});
