// One shopper intent, several attempts: when Purse's answer to an attempt is lost (timeout, dropped connection,
// unreadable body, 5xx after acting), the browser retries with the same Idempotency-Key and the route runs again. The
// record kept here lets that retry send Purse exactly the same request (so Purse's idempotency replays it) and tells
// the XCO routes, whose API takes no idempotency key, to reconcile with what Purse has instead of acting twice.
import { isPurseApiError } from '../purse/error.ts';
import type { RouteContext } from './route-types.ts';

const ATTEMPT_TTL_MS = 24 * 60 * 60_000;
const attemptKey = (intent: string) => `purse-kit:attempt:${intent}`;

export interface Attempt<T> {
  /** What to send to Purse: what the first attempt of this intent sent, else `request`. */
  request: T;
  /** An earlier attempt of this intent reached out to Purse and its outcome is unknown here. */
  retried: boolean;
}

/** What an attempt record holds: the browser body's fingerprint and the request sent to Purse. */
interface AttemptRecord {
  fingerprint: string;
  request: unknown;
}

/**
 * The intent's key came again with another body after an attempt whose outcome is unknown: running it would send Purse
 * the earlier attempt's request and answer the new body with what the old one asked for. The handler answers 409.
 */
export class IntentKeyReusedError extends Error {
  override readonly name = 'IntentKeyReusedError';
}

/**
 * Records the request this intent sends to Purse, or reads back the one an earlier attempt sent. Throws
 * IntentKeyReusedError when that earlier attempt came with another browser body.
 */
export async function beginAttempt<T>(ctx: RouteContext, request: T): Promise<Attempt<T>> {
  if (!ctx.intent) return { request, retried: false };
  const { fingerprint } = ctx.intent;
  const key = attemptKey(ctx.intent.key);
  for (;;) {
    if (await ctx.store.add(key, JSON.stringify({ fingerprint, request } satisfies AttemptRecord), ATTEMPT_TTL_MS)) {
      return { request, retried: false };
    }
    const raw = await ctx.store.get(key);
    if (raw === undefined) continue; // expired between the two calls: this attempt is the first again
    let earlier: AttemptRecord | null;
    try {
      earlier = JSON.parse(raw) as AttemptRecord | null;
    } catch {
      earlier = null;
    }
    if (typeof earlier?.fingerprint !== 'string') {
      // Unreadable (or written by another version): replaced, this attempt is the first again.
      await ctx.store.delete(key);
      continue;
    }
    if (earlier.fingerprint !== fingerprint) throw new IntentKeyReusedError('The Idempotency-Key came again with another body.');
    return { request: earlier.request as T, retried: true };
  }
}

/** The intent's final answer is stored (and replayed to every retry): its attempt record is no longer needed. */
export async function forgetAttempt(ctx: RouteContext): Promise<void> {
  if (ctx.intent) await ctx.store.delete(attemptKey(ctx.intent.key));
}

/** Purse refused for sure (a 4xx it decided on): a later attempt of this intent starts afresh. */
export const isDefinitiveRefusal = (error: unknown): boolean =>
  isPurseApiError(error) &&
  error.kind === 'http' &&
  error.status >= 400 &&
  error.status < 500 &&
  ![401, 403, 408, 409, 425, 429].includes(error.status);

/**
 * After a failed call: forgets the attempt when Purse decided (or `decided` says so), keeps it when in doubt. True when
 * it was decided: a later attempt of this intent starts afresh.
 */
export async function endAttempt(ctx: RouteContext, error: unknown, decided = false): Promise<boolean> {
  const done = decided || isDefinitiveRefusal(error);
  if (ctx.intent && done) await ctx.store.delete(attemptKey(ctx.intent.key));
  return done;
}

/** Purse's problem `code` of a failed call, if any. */
export const purseCode = (error: unknown): string | undefined =>
  isPurseApiError(error) && typeof error.problem?.code === 'string' ? error.problem.code : undefined;
