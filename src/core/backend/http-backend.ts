// The default MerchantBackend: speaks the HTTP contract of createMerchantHandler (routes.ts) with `request`. Its
// methods are grouped per component in http-methods.ts.
import type { MerchantBackend } from './backend.ts';
import { checkoutMethods, customerPurseMethods, statusMethods, xcoMethods, type HttpCall } from './http-methods.ts';
import { send } from './request.ts';
import type { FetchLike } from './request.ts';
import type { RetryOptions } from './retry.ts';

/** Options of `createHttpBackend`. */
export interface HttpBackendOptions {
  /** Where createMerchantHandler is mounted, e.g. "/api/purse" or "https://shop.example/api/purse". */
  baseUrl: string;
  /**
   * Called as `fetch(url, init)`, looked up at each call.
   * @defaultValue the global `fetch`
   */
  fetch?: FetchLike;
  /** Extra headers on every request (e.g. a CSRF token); a function is read at each call. */
  headers?: HeadersInit | (() => HeadersInit);
  /**
   * Timeout of each attempt, in ms.
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /**
   * Retry policy; `false` for a single attempt.
   * @defaultValue `DEFAULT_RETRY`: 3 attempts, 300 ms base, 5 s cap
   */
  retry?: RetryOptions | false;
  /**
   * The merchant's session cookie identifies the customer.
   * @defaultValue 'same-origin'
   */
  credentials?: RequestCredentials;
}

/**
 * One request to the handler at `options.baseUrl`, with the options' headers, timeout, retries and credentials.
 * `baseUrl` is not checked here: createHttpBackend and the provider (which takes a plain string) check it first.
 */
export function httpCall(options: HttpBackendOptions): HttpCall {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // The options' own fields (fetch, headers, timeoutMs, retry, credentials) and the call's (signal, idempotencyKey) are
  // `request`'s.
  return async (method, path, body, callOptions, xco) =>
    send(
      baseUrl + path,
      {
        ...options,
        ...callOptions,
        method,
        body,
        headers: typeof options.headers === 'function' ? options.headers() : options.headers,
        credentials: options.credentials ?? 'same-origin',
      },
      xco,
    );
}

/**
 * The default `MerchantBackend`: speaks the HTTP contract of `createMerchantHandler` at `baseUrl`, with timeouts,
 * retries that are safe (GETs; POSTs with their `Idempotency-Key` on lost answers) and problem+json mapped to
 * `PurseKitError`.
 */
export function createHttpBackend(options: HttpBackendOptions): MerchantBackend {
  if (typeof options?.baseUrl !== 'string') {
    throw new Error(
      'createHttpBackend needs { baseUrl }' +
        (process.env.NODE_ENV !== 'production' ? ': the URL where createMerchantHandler is mounted.' : ''),
    );
  }
  const call = httpCall(options);
  return { ...xcoMethods(call), ...checkoutMethods(call), ...statusMethods(call), ...customerPurseMethods(call) };
}
