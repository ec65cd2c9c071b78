// The contract between the mock's core (create.ts, router.ts) and its route modules (oauth, xco, control, and later
// payment, scripts, hosted page, JWKS). A module is a factory receiving the shared context and returning routes.
import type { MockPurseOptions, MockRequestRecord } from '../types.ts';

export type ResolvedOptions = Required<Omit<MockPurseOptions, 'onOtp' | 'webhookFetch'>> &
  Pick<MockPurseOptions, 'onOtp' | 'webhookFetch'>;

/** OAuth2 bearer tokens: issued by the oauth module (createTokenStore), checked by the router. */
export type TokenVerdict = { ok: true; clientId: string } | { ok: false; reason: string };

export interface TokenStore {
  issue(clientId: string): { access_token: string; expires_in: number };
  verify(authorization: string | null): TokenVerdict;
  /** Successful grants since the last reset. */
  grants(): number;
  resetCounters(): void;
}

/** Shared by all modules of one mock instance. */
export interface MockContext {
  /** The mock's options with every default filled in. */
  readonly options: ResolvedOptions;
  /** The injected clock, in ms. Every expiry, throttle and window reads it. */
  now(): number;
  /** Public origin for absolute links, without a trailing slash. */
  readonly baseUrl: string;
  /** OAuth2 tokens: issued by the oauth module, checked by the router for routes with `auth: 'bearer'`. */
  readonly tokens: TokenStore;
}

/** What a handler gets besides the Request. */
export interface CallContext {
  /** The request's parsed URL. */
  readonly url: URL;
  /** Decoded path parameters (`:name` segments). */
  readonly params: Readonly<Record<string, string>>;
  /** The client id of the bearer token (routes with `auth: 'bearer'`), else undefined. */
  readonly clientId: string | undefined;
  /** This call's entry in the request log; a handler may fill `caller_id` once it has read the body. */
  readonly record: MockRequestRecord | undefined;
}

/** Answers one request of a route. */
export type MockHandler = (request: Request, call: CallContext) => Response | Promise<Response>;

/** One route of a mock module. */
export interface MockRoute {
  /** The HTTP method it answers. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** Pathname pattern; `:name` matches one non-empty segment, e.g. '/v1/merchants/:merchantId/users'. */
  path: string;
  /**
   * 'bearer': a valid, unexpired access token is required, else 401 problem+json. 'api_key': the merchant's API key in
   * `x-api-key` (the reference's `api_key` scheme). 'bearer_or_api_key': either (the reference lists both schemes).
   * @defaultValue 'bearer'
   */
  auth?: 'bearer' | 'api_key' | 'bearer_or_api_key' | 'none';
  /** Answers the matched request. */
  handler: MockHandler;
}

/** A part of the mock (XCO, Payment, Customer Purse): its routes and what `control` may reset or show of it. */
export interface MockModule {
  /** The routes it serves, matched in order. */
  routes: MockRoute[];
  /** Back to the seeded state (called by control.reset and POST /__mock/reset). */
  reset?(): void;
  /** Extra members for GET /__mock/state, e.g. `{ sessions: [...] }`. */
  snapshot?(): Record<string, unknown>;
}

/** Makes a module over the mock's shared context (options, clock, request log). */
export type MockModuleFactory = (context: MockContext) => MockModule;
