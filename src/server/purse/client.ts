// The Purse API client: one OAuth2 token source shared by every API module. Server-side only (it holds the secret).
import type { HandlerStore } from '../handler/store.ts';
import { createPaymentApi, type PaymentApi } from './payment-api.ts';
import { createTokenSource } from './token.ts';
import { createPurseTransport } from './transport.ts';
import type { FetchLike } from './transport-util.ts';
import { createXcoApi, type XcoApi } from './xco-api.ts';

/** Options of `createPurseClient` (`purseConfigFromEnv` reads them from `PURSE_*` variables). */
export interface PurseClientOptions {
  /** OAuth2 client id (`PURSE_CLIENT_ID`). */
  clientId: string;
  /** OAuth2 client secret (`PURSE_CLIENT_SECRET`). Server-side only; never logged. */
  clientSecret: string;
  /**
   * The merchant's API key (`PURSE_API_KEY`), for the endpoints the reference authorizes with `api_key`: the signing
   * JWKS that `createRedirectVerifier` needs (sent as `x-api-key`, never with the OAuth2 token), and create payment
   * (sent beside the token). Server-side only; never logged.
   * @defaultValue none: `getSigningJwks` (and so redirect verification) rejects with a `PurseApiError` of kind `auth`
   */
  apiKey?: string;
  /** Merchant UUID from the Purse integration team. */
  merchantId: string;
  /**
   * Entity UUID, needed by the Payment API (the default `entity_id` of its create requests).
   * @defaultValue none: pass `entity_id` in each create request
   */
  entityId?: string;
  /** OAuth2 token endpoint, e.g. `https://…/oauth2/token`. */
  tokenUrl: string;
  /** XCO API base URL (without `/v1`), e.g. `https://xco-api.purse-sandbox.com`. */
  xcoApiUrl: string;
  /** Payment API base URL (without `/v2`), e.g. `https://api.purse-sandbox.com/payment`. */
  paymentApiUrl: string;
  /** OAuth2 scope to request, e.g. `xco-api`. Not sent when absent. */
  scope?: string;
  /**
   * How requests are sent.
   * @defaultValue the global `fetch`, looked up at call time (so request interceptors keep working)
   */
  fetch?: FetchLike;
  /**
   * Deadline for each answer of Purse, in ms (under the browser adapter's 15 s per attempt).
   * @defaultValue 10000
   */
  timeoutMs?: number;
  /**
   * Clock for token expiry (tests).
   * @defaultValue Date.now
   */
  now?: () => number;
  /**
   * Shares the OAuth2 token with every instance using this store (e.g. `createRedisStore`): one token request per
   * token lifetime across them all. `createMerchantHandler` passes its `store` unless this is `null`.
   * @defaultValue none: the token is cached in this process only
   */
  tokenStore?: HandlerStore | null;
}

/** Every XCO and Payment API call, sharing one OAuth2 token cache. */
export interface PurseClient extends XcoApi, PaymentApi {
  /** The merchant UUID it was created with. */
  readonly merchantId: string;
  /** The default entity UUID of Payment API requests, if any. */
  readonly entityId: string | undefined;
}

const REQUIRED = ['clientId', 'clientSecret', 'merchantId', 'tokenUrl', 'xcoApiUrl', 'paymentApiUrl'] as const;
const URLS = ['tokenUrl', 'xcoApiUrl', 'paymentApiUrl'] as const;
/** The version each API's paths start with: the client adds it, so a base URL that ends with it is a copying mistake. */
const VERSIONED = { xcoApiUrl: ['/v1', 'PURSE_XCO_API_URL'], paymentApiUrl: ['/v2', 'PURSE_PAYMENT_API_URL'] } as const;

function checkOptions(options: PurseClientOptions): void {
  const missing = REQUIRED.filter((key) => typeof options[key] !== 'string' || options[key].trim() === '');
  if (missing.length > 0) {
    throw new Error(`createPurseClient: missing option(s) ${missing.join(', ')}. Pass them, or use purseConfigFromEnv().`);
  }
  for (const key of URLS) {
    let url: URL | undefined;
    try {
      url = new URL(options[key]);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new Error(`createPurseClient: ${key} must be an absolute http(s) URL, got "${options[key]}".`);
    }
  }
  for (const [key, [version, variable]] of Object.entries(VERSIONED)) {
    const url = options[key as keyof typeof VERSIONED];
    if (url.replace(/\/+$/, '').toLowerCase().endsWith(version)) {
      throw new Error(`createPurseClient: ${key} (${variable}) is the API's base URL without ${version}, which the client adds; got "${url}".`);
    }
  }
}

/** The server-side Purse client: every XCO and Payment API call, with one OAuth2 token cache. Checks its options at once. */
export function createPurseClient(options: PurseClientOptions): PurseClient {
  checkOptions(options);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const tokens = createTokenSource({
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    scope: options.scope,
    fetch: fetchImpl,
    now: options.now ?? Date.now,
    timeoutMs,
    store: options.tokenStore ?? undefined,
  });
  const apiKey = options.apiKey?.trim() || undefined;
  const transport = createPurseTransport({ tokens, fetch: fetchImpl, timeoutMs, ...(apiKey && { apiKey }) });
  return {
    merchantId: options.merchantId,
    entityId: options.entityId,
    ...createXcoApi(transport, { xcoApiUrl: options.xcoApiUrl, merchantId: options.merchantId }),
    ...createPaymentApi(transport, { paymentApiUrl: options.paymentApiUrl, entityId: options.entityId }),
  };
}

/** True for a `PurseClient` (rather than the options to create one). */
export const isPurseClient = (value: unknown): value is PurseClient =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as Partial<PurseClient>).checkUser === 'function' &&
  typeof (value as Partial<PurseClient>).getPayment === 'function';
