// Idempotency-Key support: the first answer to a POST is stored and replayed for a repeat of the same intent, so a
// retried or double-submitted request reaches Purse once.
import { sleep } from '../../core/backend/retry.ts';
import { problem } from './http.ts';
import { keepRenewing } from './lock.ts';
import type { HandlerStore } from './store.ts';

/** `owner`: a token of the run that wrote it, so that only that run renews or deletes it. */
type Pending = { state: 'pending'; fingerprint: string; owner: string };
type Done = { state: 'done'; fingerprint: string; status: number; headers: [string, string][]; body: string | null };
type IdempotencyRecord = Pending | Done;

export interface IdempotencyOptions {
  store: HandlerStore;
  /** How long a finished answer is replayed. */
  ttlMs: number;
  /** How long a duplicate waits for the first request before answering 409. */
  waitMs: number;
}

/** The merchant handler's in-process waiters, so a duplicate wakes as soon as the first request finishes here. */
export type LocalInflight = Map<string, Promise<void>>;

/** Longest a pending record may block a retry if the process died mid-request. */
const PENDING_TTL_MS = 60_000;
/** While the request runs, its pending record is renewed this often: a slow one (long Purse timeouts) never expires. */
const RENEW_MS = PENDING_TTL_MS / 3;
const POLL_MS = 50;

export async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function parse(raw: string | undefined): IdempotencyRecord | undefined {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as IdempotencyRecord;
  } catch {
    return undefined;
  }
}

/** 5xx and 429 mean "not done, try again": those are not stored, so the retry runs for real. */
const isFinal = (status: number) => status < 500 && status !== 429;

function replay(record: Done): Response {
  const headers = new Headers(record.headers);
  headers.set('idempotent-replayed', 'true');
  return new Response(record.body, { status: record.status, headers });
}

/** The answer to a key that came again with another body (a fingerprint other than the first one's). */
export const keyReused = () =>
  problem(409, {
    title: 'Idempotency key reused',
    detail: 'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
    code: 'idempotency_key_reused',
  });

export const isValidIdempotencyKey = (key: string) => /^[\x21-\x7e]{1,255}$/.test(key);

/**
 * Runs `run` once per `key` (already scoped to the route and the shopper); `fingerprint` names the body (its SHA-256).
 * A repeat with the same body gets the stored answer; one with another body gets 409; one that arrives while the first
 * is running waits for it. `afterStored` runs once this run's final answer is stored (what only a retry of an unfinished
 * run needed can go). After a run that stored nothing (5xx), the route's attempt record (intent.ts) keeps the body's
 * fingerprint for the 409.
 */
export async function withIdempotency(
  options: IdempotencyOptions,
  local: LocalInflight,
  key: string,
  fingerprint: string,
  run: () => Promise<Response>,
  afterStored?: () => Promise<void>,
): Promise<Response> {
  const deadline = Date.now() + options.waitMs;
  const pending = JSON.stringify({ state: 'pending', fingerprint, owner: globalThis.crypto.randomUUID() } satisfies Pending);
  for (;;) {
    if (await options.store.add(key, pending, PENDING_TTL_MS)) {
      let release!: () => void;
      local.set(key, new Promise<void>((resolve) => (release = resolve)));
      // Renewed while it is still ours: once it expired (this instance cut off from the store for a minute), a retry
      // elsewhere may have written its own record or answer, which this run must not take back. Stopped (its last
      // renewal awaited) before the final write.
      const stopRenewing = keepRenewing(() => options.store.renewIf(key, pending, PENDING_TTL_MS), RENEW_MS);
      try {
        let response: Response;
        try {
          response = await run();
        } finally {
          await stopRenewing();
        }
        const body = response.status === 204 ? null : await response.text();
        const headers = [...response.headers.entries()];
        if (isFinal(response.status)) {
          const done = JSON.stringify({ state: 'done', fingerprint, status: response.status, headers, body } satisfies Done);
          // Over the pending record while it is still ours (renewed here, it cannot expire before the write); once it
          // was lost, only where nothing was written since: another run's answer (the shopper's retry elsewhere, whose
          // answer they were given) or record stays.
          const stored = (await options.store.renewIf(key, pending, PENDING_TTL_MS))
            ? await options.store.set(key, done, options.ttlMs).then(() => true)
            : await options.store.add(key, done, options.ttlMs);
          // Best effort: what it clears only expires later.
          if (stored) await afterStored?.().catch(() => undefined);
        } else {
          await options.store.deleteIf(key, pending);
        }
        return new Response(body, { status: response.status, headers });
      } catch (error) {
        await options.store.deleteIf(key, pending);
        throw error;
      } finally {
        local.delete(key);
        release();
      }
    }

    const raw = await options.store.get(key);
    const record = parse(raw);
    if (record === undefined) {
      // Gone: the first request ended without storing (5xx), so this one runs. Unreadable: replace it.
      if (raw !== undefined) await options.store.delete(key);
      continue;
    }
    if (record.fingerprint !== fingerprint) return keyReused();
    if (record.state === 'done') return replay(record);
    if (Date.now() >= deadline) {
      return problem(409, {
        title: 'Request in progress',
        detail: 'A request with this Idempotency-Key is still being processed. Retry later with the same key.',
        code: 'idempotency_in_progress',
      }, { 'retry-after': '1' });
    }
    // Same process: wake when the first request ends. Another instance: poll the shared store.
    await (local.get(key) ?? sleep(POLL_MS));
  }
}
