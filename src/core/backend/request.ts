// One JSON request over fetch with a timeout, retries and idempotency keys. Failures become `PurseKitFailure`; an
// abort by the caller rejects with the signal's reason (an AbortError) so callers can tell it apart and ignore it.
import { PurseKitFailure } from '../errors.ts';
import type { PurseKitError } from '../errors.ts';
import { createIdempotencyKey } from './idempotency.ts';
import { MALFORMED_BODY, networkError, parseRetryAfter, problemToError, responseToError, type ProblemMap } from './problem.ts';
import { abortable, abortReason, isSafeMethod, resolveRetry, retryDelay } from './retry.ts';
import type { RetryOptions } from './retry.ts';
import { IDEMPOTENCY_HEADER } from './routes.ts';

/** `fetch`'s shape, narrowed to what we call. The global `fetch` fits. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Timeout of one attempt, in ms. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Options of `request`. */
export interface RequestOptions {
  /**
   * Methods other than GET/HEAD carry an `Idempotency-Key` and retry only when that is safe.
   * @defaultValue 'GET'
   */
  method?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Extra headers (Accept, Content-Type and Idempotency-Key are set unless given). */
  headers?: HeadersInit;
  /** Aborting rejects at once with the signal's reason, including during a wait between retries. */
  signal?: AbortSignal;
  /**
   * Per attempt, body read included; 0 or Infinity turns it off.
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /**
   * `false` for a single attempt.
   * @defaultValue `DEFAULT_RETRY`
   */
  retry?: RetryOptions | false;
  /**
   * For non-GET methods; every retry of this call reuses it.
   * @defaultValue a new random key per call
   */
  idempotencyKey?: string;
  /**
   * Called as `fetch(url, init)`, looked up at call time so test tools can patch it.
   * @defaultValue the global `fetch`
   */
  fetch?: FetchLike;
  /**
   * The fetch `credentials` mode.
   * @defaultValue fetch's own ('same-origin')
   */
  credentials?: RequestCredentials;
  /**
   * Clock for `Retry-After` HTTP-dates.
   * @defaultValue `Date.now`
   */
  now?: () => number;
}

type Attempt =
  | { ok: true; value: unknown }
  | { ok: false; error: PurseKitError; retryAfterMs: number | undefined };

const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** Parsed JSON of the 2xx answer (`undefined` when the body is empty, e.g. 204), or a `PurseKitFailure`. */
export function request<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(url, options, problemToError);
}

/** `request`, with the problem mapping of the route (see http-methods.ts: only the signup's routes need XCO's). */
export async function send<T>(url: string, options: RequestOptions, map: ProblemMap): Promise<T> {
  const method = (options.method ?? 'GET').toUpperCase();
  const safe = isSafeMethod(method);
  const policy = resolveRetry(options.retry);
  const { signal } = options;

  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  if (!safe) {
    // Fixed once for the whole call: the handler replays its first answer when a retry repeats the key.
    headers.set(IDEMPOTENCY_HEADER, options.idempotencyKey ?? headers.get(IDEMPOTENCY_HEADER) ?? createIdempotencyKey());
  }
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body }) };
  if (options.credentials) init.credentials = options.credentials;

  for (let retryIndex = 0; ; retryIndex++) {
    if (signal?.aborted) throw abortReason(signal);
    const outcome = await attempt(url, init, options, map);
    if (outcome.ok) return outcome.value as T;
    const delay = retryDelay(outcome.error, { safe, retryIndex, retryAfterMs: outcome.retryAfterMs, policy });
    if (delay === undefined) throw new PurseKitFailure(outcome.error);
    // abortable() as well, in case an injected sleep ignores the signal.
    await abortable(policy.sleep(delay, signal), signal);
  }
}

async function attempt(url: string, init: RequestInit, options: RequestOptions, map: ProblemMap): Promise<Attempt> {
  const callerSignal = options.signal;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalFetch;
  // One controller per attempt, aborted by the caller or by our timer; we always know which of the two fired.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(abortReason(callerSignal!));
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`Timed out after ${timeoutMs} ms.`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const failed = (): Attempt => {
    if (callerSignal?.aborted) throw abortReason(callerSignal);
    return { ok: false, error: networkError(timedOut ? timeoutMs : undefined), retryAfterMs: undefined };
  };

  try {
    let response: Response;
    let text: string;
    try {
      // abortable(): a custom fetch may ignore the signal; the timeout must hold all the same.
      response = await abortable(doFetch(url, { ...init, signal: controller.signal }), controller.signal);
      text = await abortable(response.text(), controller.signal);
    } catch {
      // fetch rejects with a TypeError for offline/DNS/CORS/reset; whatever it was, no usable answer arrived.
      return failed();
    }
    const body = parseBody(text);
    if (response.ok && body !== MALFORMED_BODY) return { ok: true, value: body };
    return {
      ok: false,
      error: responseToError(response, body, { now: options.now }, map),
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), options.now),
    };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return MALFORMED_BODY;
  }
}
