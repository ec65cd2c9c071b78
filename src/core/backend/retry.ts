// Retry policy for `request`: which failures are worth another attempt, and how long to wait before it.
import type { PurseKitError } from '../errors.ts';

/** When a failed request is tried again: network errors, 5xx and 429, with exponential backoff and full jitter. */
export interface RetryOptions {
  /**
   * Attempts in total, the first included; 1 turns retries off.
   * @defaultValue 3
   */
  attempts?: number;
  /**
   * First backoff ceiling in ms; each retry doubles it.
   * @defaultValue 300
   */
  baseDelayMs?: number;
  /**
   * Backoff ceiling in ms.
   * @defaultValue 5000
   */
  maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this is not waited for: the failure (`rate_limited` with `retryAfterMs`) goes to the
   * caller at once so the UI can show a countdown.
   * @defaultValue 10000
   */
  maxRetryAfterMs?: number;
  /** Waits between attempts; must reject when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Jitter source in [0, 1). Injectable for tests.
   * @defaultValue `Math.random`
   */
  random?: () => number;
}

/** `RetryOptions` with every default applied (`resolveRetry`). */
export type RetryPolicy = Required<RetryOptions>;

/** The retry policy when none is given: 3 attempts, 300 ms base, 5 s cap, `Retry-After` up to 10 s. */
export const DEFAULT_RETRY: Readonly<Omit<RetryPolicy, 'sleep' | 'random'>> = Object.freeze({
  attempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
});

/** `false` means a single attempt. */
export function resolveRetry(retry: RetryOptions | false | undefined): RetryPolicy {
  const given = retry === false ? { attempts: 1 } : (retry ?? {});
  const attempts = Math.max(1, Math.floor(given.attempts ?? DEFAULT_RETRY.attempts));
  return {
    attempts: Number.isFinite(attempts) ? attempts : DEFAULT_RETRY.attempts,
    baseDelayMs: given.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: given.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    maxRetryAfterMs: given.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs,
    sleep: given.sleep ?? sleep,
    random: given.random ?? Math.random,
  };
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base · 2^retryIndex)). `retryIndex` starts at 0. */
function backoffDelay(retryIndex: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(policy.random() * ceiling);
}

/** GET/HEAD can be repeated freely; anything else only because it carries an idempotency key. */
export const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD';

/** Whether this failure is worth another attempt for this kind of method. */
function isRetryable(error: PurseKitError, safe: boolean): boolean {
  if (error.kind === 'network') return true;
  if (safe) {
    // A 2xx with an unreadable body counts too: the mock's malformed-body fault is transient by nature.
    if (error.kind === 'server') return error.status >= 500 || error.status < 400;
    return error.kind === 'rate_limited';
  }
  // Unsafe methods: only when the request most likely never reached the application (or it said "come back").
  // The same Idempotency-Key makes a repeat harmless even when it did.
  return error.kind === 'server' && (error.status === 502 || error.status === 503 || error.status === 504);
}

/**
 * Milliseconds to wait before retry number `retryIndex` (0-based), or `undefined` to give up now and surface `error`.
 * `retryAfterMs` is the response's own `Retry-After`, when it had one.
 */
export function retryDelay(
  error: PurseKitError,
  options: { safe: boolean; retryIndex: number; retryAfterMs: number | undefined; policy: RetryPolicy },
): number | undefined {
  const { safe, retryIndex, retryAfterMs, policy } = options;
  if (retryIndex + 1 >= policy.attempts || !isRetryable(error, safe)) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs > policy.maxRetryAfterMs ? undefined : retryAfterMs;
  return backoffDelay(retryIndex, policy);
}

/** What an aborted signal rejects with: its reason, or an AbortError for runtimes that leave it empty. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** True for the rejection of an aborted request or sleep, so callers can ignore it. */
export const isAbortError = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';

/** `setTimeout` as a promise that rejects (and clears the timer) as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with the abort reason as soon as `signal` aborts, whichever comes first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined); // the loser's rejection must not surface as unhandled
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
