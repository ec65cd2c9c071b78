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
  /** Waits between attempts (`request` stops waiting as soon as `signal` aborts). Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Jitter source in [0, 1). Injectable for tests.
   * @defaultValue `Math.random`
   */
  random?: () => number;
}

/** The retry policy when none is given: 3 attempts, 300 ms base, 5 s cap, `Retry-After` up to 10 s. */
// Pure: a page that does not import it does not carry it (retryDelay writes its values out).
export const DEFAULT_RETRY: Readonly<Required<Omit<RetryOptions, 'sleep' | 'random'>>> = /* @__PURE__ */ Object.freeze({
  attempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
});

/**
 * Milliseconds to wait before retry number `retryIndex` (0-based), or `undefined` to give up now and surface `error`.
 * `safe`: GET/HEAD, which can be repeated freely; anything else only because it carries an idempotency key.
 * `retryAfterMs` is the response's own `Retry-After`, when it had one. Without one: exponential backoff with full
 * jitter, uniform in [0, min(max, base · 2^retryIndex)). `retry`: the caller's options (`false`: a single attempt);
 * those left undefined keep their default.
 */
export function retryDelay(
  { kind, status = 0 }: PurseKitError & { status?: number },
  safe: boolean,
  retryIndex: number,
  retryAfterMs: number | undefined,
  retry: RetryOptions | false = {},
): number | undefined {
  // DEFAULT_RETRY's values (retry.test.ts checks that they agree), written out so that a page does not carry the object.
  const { attempts = 3, baseDelayMs = 300, maxDelayMs = 5_000, maxRetryAfterMs = 10_000, random = Math.random } = retry || { attempts: 1 };
  const retryable =
    kind === 'network' ||
    (safe
      ? // A 2xx with an unreadable body counts too: the mock's malformed-body fault is transient by nature. Not a 501:
        // a feature the server is not configured for stays so.
        (kind === 'server' && status !== 501 && (status >= 500 || status < 400)) || kind === 'rate_limited'
      : // Unsafe methods: only when the request most likely never reached the application (502, 503, 504), and
        // the same Idempotency-Key makes a repeat harmless even when it did.
        kind === 'server' && status > 501 && status < 505);
  const most = Math.floor(attempts);
  // NaN and Infinity keep the default; 0 or less is one attempt, as 1.
  if (retryIndex + 1 >= (most < Infinity ? most : 3) || !retryable) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs > maxRetryAfterMs ? undefined : retryAfterMs;
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retryIndex));
}

/** True for the rejection of an aborted request or sleep, so callers can ignore it. */
export const isAbortError = (value: unknown): boolean =>
  typeof value === 'object' && (value as { name?: unknown } | null)?.name === 'AbortError';

/**
 * The default `RetryOptions.sleep`: `setTimeout` as a promise; an abort of `signal` clears the timer (the caller stops waiting at once: `request` waits
 * through `abortable`).
 */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const stop = () => clearTimeout(timer);
    // The listener goes when the sleep ends: a long-lived signal must not collect one per retry.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });

/** Settles like `promise`, or rejects with the abort reason as soon as `signal` aborts, whichever comes first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  let onAbort!: () => void;
  // First in the race, so an already aborted signal wins even over a settled promise; the race also handles the
  // loser's rejection, which must not surface as unhandled.
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort);
  });
  return Promise.race([aborted, promise]).finally(() => signal.removeEventListener('abort', onAbort));
}
