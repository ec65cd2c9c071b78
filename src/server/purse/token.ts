// OAuth2 client credentials for Purse: one cached token, refreshed shortly before it expires, one refresh in flight
// per process — and, with a shared store, one refresh across every instance (token-shared.ts).
import type { HandlerStore } from '../handler/store.ts';
import { PurseApiError } from './error.ts';
import { createSharedToken, type CachedToken } from './token-shared.ts';
import { fetchWithTimeout, readProblem, wrongUrlError, type FetchLike } from './transport-util.ts';

export interface TokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as `scope` when set (Purse's XCO API uses `xco-api`). */
  scope?: string;
  fetch: FetchLike;
  now: () => number;
  timeoutMs: number;
  /** Shares the token with the other instances using this store (Redis); `undefined`: this process only. */
  store?: HandlerStore;
}

export interface TokenSource {
  /** A valid access token: the cached one, or a fresh one shared by every concurrent caller. */
  get(): Promise<string>;
  /** Drops `token` if it is still the cached (or shared) one (a 401 proved it stale); a newer token is kept. */
  invalidate(token: string): Promise<void>;
}

/** Seconds assumed when the token endpoint omits `expires_in` (RFC 6749 makes it optional). */
const DEFAULT_EXPIRES_IN = 300;

/** Stop using a token 60 s before it expires, or 10% of its lifetime for short-lived tokens. */
function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(60_000, expiresInSeconds * 100);
}

// RFC 6749 §2.3.1: the client id and secret are form-encoded before they are joined for HTTP Basic.
const formEncode = (value: string): string => new URLSearchParams([['v', value]]).toString().slice(2);

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const authorization = `Basic ${btoa(`${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`)}`;
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  const shared =
    options.store &&
    createSharedToken({
      store: options.store,
      identity: [options.tokenUrl, options.clientId, options.scope ?? ''].join('\n'),
      now: options.now,
      // A holder that died is replaced once its token request would have timed out.
      lockTtlMs: options.timeoutMs + 1_000,
    });

  async function request(): Promise<CachedToken> {
    // Count the lifetime from before the request: the token may have been issued at any moment while it was in flight.
    const requestedAt = options.now();
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);
    const response = await fetchWithTimeout(options.fetch, options.tokenUrl, {
      method: 'POST',
      headers: {
        authorization,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
    }, options.timeoutMs, 'the Purse token endpoint');

    if (response.status === 404 || response.status === 405) {
      // No token endpoint at this URL, or Purse's documented Not Found there: a setup mistake to name in the log,
      // never an answer to pass to the browser. The client id says which credentials (never the secret).
      throw await wrongUrlError(
        response,
        `The Purse token endpoint, asked for client id "${options.clientId}", answered`,
        'the token URL (tokenUrl, PURSE_TOKEN_URL) and the client id (clientId, PURSE_CLIENT_ID)',
        options.clientSecret,
      );
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      const refused = response.status === 400 || response.status === 401 || response.status === 403;
      throw new PurseApiError({
        kind: refused ? 'auth' : 'http',
        status: response.status,
        problem,
        retryAfter: response.headers.get('retry-after') ?? undefined,
        message: refused
          ? `The Purse token endpoint refused the client credentials (${response.status}${
              problem?.error ? ` ${problem.error}` : ''
            }): check the client id, client secret and token URL.`
          : `The Purse token endpoint answered ${response.status}.`,
      });
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new PurseApiError({
        kind: 'invalid_response',
        status: response.status,
        message: 'The Purse token endpoint answered with a body that is not JSON.',
        cause,
      });
    }
    const token = body as { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
    if (typeof token.access_token !== 'string' || token.access_token === '') {
      throw new PurseApiError({
        kind: 'invalid_response',
        status: response.status,
        message: 'The Purse token endpoint answered without an access_token.',
      });
    }
    if (typeof token.token_type === 'string' && token.token_type.toLowerCase() !== 'bearer') {
      throw new PurseApiError({
        kind: 'invalid_response',
        status: response.status,
        message: `The Purse token endpoint issued a "${token.token_type}" token; only Bearer tokens are supported.`,
      });
    }
    const expiresIn =
      typeof token.expires_in === 'number' && Number.isFinite(token.expires_in) && token.expires_in > 0
        ? token.expires_in
        : DEFAULT_EXPIRES_IN;
    return { value: token.access_token, refreshAt: requestedAt + expiresIn * 1000 - refreshMarginMs(expiresIn) };
  }

  return {
    async get() {
      if (cached && options.now() < cached.refreshAt) return cached.value;
      if (!inflight) {
        inflight = (shared ? shared.get(request) : request()).then(
          (token) => {
            cached = token;
            inflight = undefined;
            return token;
          },
          (error: unknown) => {
            // Every waiter sees this failure; the next call tries again.
            inflight = undefined;
            throw error;
          },
        );
      }
      return (await inflight).value;
    },
    async invalidate(token) {
      if (cached?.value === token) cached = undefined;
      await shared?.drop(token);
    },
  };
}
