// One JSON request over fetch with a timeout, retries and idempotency keys. Failures become `PurseKitFailure`; an
// abort by the caller rejects with the signal's reason (an AbortError) so callers can tell it apart and ignore it.
// An answer that is not ok is mapped by problem.ts, downloaded apart the first time one arrives (PurseProvider
// preloads it when the browser is idle): a page does not pay for the mapping of refusals it may never meet.
import { networkError, PurseKitFailure, type PurseKitError } from '../errors.ts';
import { createIdempotencyKey } from './idempotency.ts';
import { abortable, retryDelay, sleep } from './retry.ts';
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

/** Downloads the mapping of error answers (problem.ts): on the first answer that is not ok, or earlier to preload it. */
export const loadProblemMapping = () => import('./problem.ts');

/** Parsed JSON of the 2xx answer (`undefined` when the body is empty, e.g. 204), or a `PurseKitFailure`. */
export function request<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(url, options, true);
}

/**
 * `request`, with the problem mapping of the route: `xco` adds the XCO signup's refusals (one-time codes, identities,
 * consents) to every route's (see http-methods.ts).
 */
export async function send<T>(url: string, options: RequestOptions, xco?: boolean): Promise<T> {
  const { signal, now, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const method = (options.method ?? 'GET').toUpperCase();
  const safe = method === 'GET' || method === 'HEAD';
  const headers = new Headers(options.headers);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const setDefault = (name: string, value: string) => headers.has(name) || headers.set(name, value);
  setDefault('Accept', 'application/json, application/problem+json');
  if (body !== undefined) setDefault('Content-Type', 'application/json');
  // Fixed once for the whole call: the handler replays its first answer when a retry repeats the key.
  if (!safe) headers.set(IDEMPOTENCY_HEADER, options.idempotencyKey ?? headers.get(IDEMPOTENCY_HEADER) ?? createIdempotencyKey());

  for (let retryIndex = 0; ; retryIndex++) {
    signal?.throwIfAborted();
    // Each attempt ends when the caller aborts or its own timeout passes: when the caller did not, the timeout did.
    const signals = signal ? [signal] : [];
    if (timeoutMs > 0 && timeoutMs < Infinity) signals.push(AbortSignal.timeout(timeoutMs));
    const attemptSignal = AbortSignal.any(signals);
    let error: PurseKitError;
    let retryAfterMs: number | undefined;
    try {
      // abortable(): a custom fetch may ignore the signal; the timeout must hold all the same (body read included).
      // The global fetch is looked up at each attempt, so test tools can patch it.
      const response = await abortable(
        (options.fetch ?? globalThis.fetch)(url, { method, headers, body, credentials: options.credentials, signal: attemptSignal }),
        attemptSignal,
      );
      const text = await abortable(response.text(), attemptSignal);
      if (response.ok) {
        try {
          return (text.trim() === '' ? undefined : JSON.parse(text)) as T;
        } catch {
          // An unreadable body: mapped below, like an answer that is not ok.
        }
      }
      // A mapping that cannot be downloaded leaves a safe error from the status alone: `server`, which the
      // components offer to try again (and trying again downloads it again).
      const mapping = await abortable(loadProblemMapping().catch(() => undefined), attemptSignal);
      [error, retryAfterMs] = mapping?.answerToError(response, text, now, xco) ?? [
        { kind: 'server', status: response.status, message: `The merchant backend answered ${response.status}.` },
      ];
    } catch {
      // fetch rejects with a TypeError for offline/DNS/CORS/reset; whatever it was, no usable answer arrived.
      signal?.throwIfAborted();
      error = networkError(attemptSignal.aborted ? timeoutMs : undefined);
    }
    const delay = retryDelay(error, safe, retryIndex, retryAfterMs, options.retry);
    if (delay === undefined) throw new PurseKitFailure(error);
    // abortable() as well, in case an injected sleep ignores the signal.
    await abortable(((options.retry && options.retry.sleep) || sleep)(delay, signal), signal);
  }
}
