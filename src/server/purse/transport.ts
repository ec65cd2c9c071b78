// Authorized JSON calls to a Purse API: bearer token, one retry with a fresh token on 401, typed errors.
// Shared by every Purse API module (XCO v1, Payment v2).
import { PurseApiError } from './error.ts';
import type { TokenSource } from './token.ts';
import { fetchWithTimeout, readProblem, type FetchLike } from './transport-util.ts';

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
}

export interface PurseTransport {
  /** The parsed JSON body of a 2xx answer, or `undefined` for 204 / an empty body. Rejects with `PurseApiError`. */
  request<T>(request: PurseRequest): Promise<T>;
}

export function createPurseTransport(options: { tokens: TokenSource; fetch: FetchLike; timeoutMs: number }): PurseTransport {
  async function send(request: PurseRequest, token: string): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers, authorization: `Bearer ${token}`, accept: 'application/json' };
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

  return {
    async request<T>(request: PurseRequest): Promise<T> {
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
    },
  };
}
