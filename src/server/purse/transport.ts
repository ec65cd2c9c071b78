// Authorized JSON calls to a Purse API: bearer token (one retry with a fresh token on 401) or the merchant's API key,
// as each endpoint's documented scheme says; typed errors. Shared by every Purse API module (XCO v1, Payment v2).
import { API_KEY_HEADER } from '../../core/wire/payment-session.ts';
import { PurseApiError } from './error.ts';
import type { TokenSource } from './token.ts';
import { fetchWithTimeout, readProblem, wrongUrlError, type FetchLike } from './transport-util.ts';

export interface PurseRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, query string included. */
  url: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Named in error messages, e.g. "XCO passwordless/verify". */
  what: string;
  /** Extra request headers (e.g. `Idempotency-Key`, `Cache-Control`); they cannot replace the authorization. */
  headers?: Record<string, string>;
  /**
   * The reference's scheme: `bearer` (OAuth2, the default), `api_key` (the API key alone, e.g. the signing JWKS) or
   * `bearer+api_key` (both listed: the token, plus the API key when one is configured).
   */
  auth?: 'bearer' | 'api_key' | 'bearer+api_key';
  /**
   * On a call whose path always exists (no id of an object in it): the options its URL is built from, e.g.
   * "xcoApiUrl (PURSE_XCO_API_URL)". A 404 or 405 there says one of them is wrong, so it is an `invalid_response`
   * naming them rather than Purse's answer to pass on to the shopper.
   */
  baseUrlOption?: string;
}

export interface PurseTransport {
  /** The parsed JSON body of a 2xx answer, or `undefined` for 204 / an empty body. Rejects with `PurseApiError`. */
  request<T>(request: PurseRequest): Promise<T>;
}

export function createPurseTransport(options: { tokens: TokenSource; fetch: FetchLike; timeoutMs: number; apiKey?: string }): PurseTransport {
  async function send(request: PurseRequest, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (request.auth === 'api_key' || (request.auth === 'bearer+api_key' && options.apiKey)) headers[API_KEY_HEADER] = options.apiKey!;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return fetchWithTimeout(
      options.fetch,
      request.url,
      {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      },
      options.timeoutMs,
      `Purse (${request.what})`,
    );
  }

  /** The API key alone: no token to refresh, so a 401 means the key itself is wrong. */
  async function sendWithApiKey(request: PurseRequest): Promise<Response> {
    if (!options.apiKey) {
      throw new PurseApiError({
        kind: 'auth',
        status: 0,
        message: `${request.what} needs the merchant's API key: pass apiKey to createPurseClient (PURSE_API_KEY).`,
      });
    }
    const response = await send(request, undefined);
    if (response.status === 401 || response.status === 403) {
      throw new PurseApiError({
        kind: 'auth',
        status: response.status,
        problem: await readProblem(response),
        message: `Purse refused the API key for ${request.what} (${response.status}): check apiKey (PURSE_API_KEY).`,
      });
    }
    return response;
  }

  return {
    async request<T>(request: PurseRequest): Promise<T> {
      if (request.auth === 'api_key') return readAnswer<T>(request, await sendWithApiKey(request));
      let token = await options.tokens.get();
      let response = await send(request, token);
      if (response.status === 401) {
        // The token may have been revoked or expired early: try once more with a fresh one, never more.
        await response.body?.cancel().catch(() => undefined);
        await options.tokens.invalidate(token);
        token = await options.tokens.get();
        response = await send(request, token);
        if (response.status === 401) {
          const problem = await readProblem(response);
          throw new PurseApiError({
            kind: 'auth',
            status: 401,
            problem,
            message: `Purse refused a fresh access token for ${request.what} (401): check the client credentials, their scopes and the API URL.`,
          });
        }
      }
      return readAnswer<T>(request, response);
    },
  };
}

/** The parsed JSON body of a 2xx answer, or `undefined` for an empty one; any other answer is a `PurseApiError`. */
async function readAnswer<T>(request: PurseRequest, response: Response): Promise<T> {
  if (request.baseUrlOption && (response.status === 404 || response.status === 405)) {
    throw await wrongUrlError(response, `Purse, asked ${request.what} (a path that always exists), answered`, request.baseUrlOption);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new PurseApiError({
      kind: 'http',
      status: response.status,
      problem,
      retryAfter: response.headers.get('retry-after') ?? undefined,
      message: `Purse answered ${response.status} to ${request.what}${problem?.title ? `: ${problem.title}` : ''}.`,
    });
  }

  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new PurseApiError({
      kind: 'network',
      status: response.status,
      message: `The answer of Purse to ${request.what} was cut off.`,
      cause,
    });
  }
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new PurseApiError({
      kind: 'invalid_response',
      status: response.status,
      message: `Purse answered ${request.what} with a body that is not JSON.`,
      cause,
    });
  }
}
