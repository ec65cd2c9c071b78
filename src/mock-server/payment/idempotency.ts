// Idempotency-Key handling for Payment API mutations: the same key with the same request replays the first result
// (no second operation); the same key with another request is a 409. Only successful results are remembered, so a
// refused request can be corrected and retried under the same key.
import { problem } from '../shared/http.ts';

const MAX_KEYS = 10_000;

/** JSON with sorted object keys, so that {"a":1,"b":2} and {"b":2,"a":1} are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface Remembered {
  fingerprint: string;
  /** Set before the first request is handled, so a concurrent duplicate waits instead of running twice. */
  result: Promise<{ status: number; body: string } | undefined>;
}

export function createIdempotencyStore() {
  let entries = new Map<string, Remembered>();
  const store = {
    /**
     * Runs `handle` once per key. `fingerprint` identifies the request (method, path and canonical body); without a key
     * the request is simply handled.
     */
    async run(key: string | null, fingerprint: string, instance: string, handle: () => Promise<Response>): Promise<Response> {
      if (key === null || key === '') return handle();
      const seen = entries.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return problem({
            status: 409,
            title: 'Conflict',
            detail: 'Idempotency violation: this Idempotency-Key was already used with a different request.',
            code: 'idempotency_conflict',
            instance,
          });
        }
        const result = await seen.result;
        // The first attempt failed and was forgotten: this one is a fresh attempt.
        if (!result) return store.run(key, fingerprint, instance, handle);
        return new Response(result.body, {
          status: result.status,
          headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
        });
      }
      let settle!: (value: { status: number; body: string } | undefined) => void;
      const entry: Remembered = { fingerprint, result: new Promise((resolve) => (settle = resolve)) };
      entries.set(key, entry);
      if (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value!);
      try {
        const response = await handle();
        if (!response.ok) {
          entries.delete(key);
          settle(undefined);
          return response;
        }
        const body = await response.clone().text();
        settle({ status: response.status, body });
        return response;
      } catch (error) {
        entries.delete(key);
        settle(undefined);
        throw error;
      }
    },
    reset() {
      entries = new Map();
    },
  };
  return store;
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
