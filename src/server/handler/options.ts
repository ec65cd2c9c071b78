import type {
  CaptureMode,
  Currency,
  IntegrationMode,
  MinorUnits,
  PaymentCustomer,
  PaymentOrder,
  ThreeDsAuthenticationOptions,
  Webhook,
} from '../../core/wire/payment.ts';
import type { PurseClient, PurseClientOptions } from '../purse/client.ts';
import type { CustomerPurseClient, CustomerPurseClientOptions } from '../purse/customer-purse.ts';
import type { RedirectVerifierOptions } from '../purse/redirect-token.ts';
import type { HandlerStore } from './store.ts';

/** Receives operational messages. Never given request bodies, OTP codes, tokens or secrets. */
export interface HandlerLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export type MaybePromise<T> = T | Promise<T>;

/** What the merchant's own data says the shopper is paying for. Never built from the request body. */
export interface CheckoutOrder {
  /** Minor units of `currency` (4299 = 42.99 EUR). */
  amount: MinorUnits;
  currency: Currency;
  order: PaymentOrder;
  /** Set `reference` to your customer reference to link the payment to the shopper. */
  customer?: PaymentCustomer;
  capture_mode?: CaptureMode;
  three_ds_authentication_options?: ThreeDsAuthenticationOptions;
  webhook?: Webhook;
  allow_future_usage?: boolean;
}

export interface ResolveOrderInput {
  /** What the browser named (`CheckoutSessionRequest.order_reference`): look it up, never trust it for amounts. */
  order_reference: string | undefined;
  /** `resolveCustomer(request)`. */
  customer: string | null;
}

export interface CheckoutOptions {
  /** Entity UUID for the Payment API. Default: the Purse client's `entityId` (PURSE_ENTITY_ID). */
  entityId?: string;
  /**
   * Where Purse sends the shopper after paying (absolute URL; your return page, which reads `purse-redirection-data`).
   * A function may build it per request (e.g. with the order id).
   */
  shopperRedirectionUrl: string | ((request: Request, order: CheckoutOrder) => MaybePromise<string>);
  /** Integration modes the browser may pick. Default `['EMBEDDED']`; the first is used when the browser names none. */
  allowedIntegrationModes?: IntegrationMode[];
}

export interface MerchantHandlerOptions {
  /** A Purse client, or the options to create one (e.g. from `purseConfigFromEnv(process.env)`). */
  purse: PurseClient | PurseClientOptions;
  /** Path prefix the handler is mounted at. Default `/api/purse`; `''` when the framework strips the prefix. */
  basePath?: string;
  /**
   * The merchant's customer reference for the shopper making this request, from the merchant's own session (cookie,
   * JWT…); `null` when nobody is signed in. Never read from the request body. Needed by createUser, createConsent and
   * getUser (401 without it). Checkout sessions and payments are bound to it: only the customer a session was created
   * for may read or abort it (guests, `null`, share one scope, where the unguessable session id is the credential).
   */
  resolveCustomer(request: Request): MaybePromise<string | null | undefined>;
  /**
   * The shopper's identity for Purse's rate limiting (`caller_id`), normally their IP. Default: the first
   * `X-Forwarded-For` entry, else `X-Real-IP`. These headers are only trustworthy when your server or proxy sets them
   * from the socket and overwrites what the client sent: do that, or pass this option.
   */
  callerId?(request: Request): string | undefined;
  /** Largest accepted request body in bytes (413 beyond). Default 16 KiB. */
  maxBodyBytes?: number;
  /** Default: `console`. */
  logger?: HandlerLogger;
  /**
   * Idempotency records, issued consent challenges and who owns which checkout session and payment. Default: in
   * memory, right for one process; give several instances a shared store (`createRedisStore`) so a retry or a status
   * page landing on another instance is still recognised. When the handler builds the Purse client from options, this
   * store also shares its OAuth2 token between instances (`purse: { …, tokenStore: null }` keeps it per process).
   */
  store?: HandlerStore;
  /** How long a consent challenge from a verified code stays usable. Default 10 minutes, like the code. */
  consentChallengeTtlMs?: number;
  /** How long the answer to an `Idempotency-Key` is replayed. Default 24 hours. */
  idempotencyTtlMs?: number;
  /** How long a duplicate request waits for the first one with the same key before a 409. Default 30 s. */
  idempotencyWaitMs?: number;
  /**
   * The order the shopper is paying for, from your own data (cart, order table): amount, currency, order lines,
   * customer. `null` when there is nothing to pay (404). Needed by the checkout routes (createSession,
   * eligibleSolutions), which answer 501 without it.
   */
  resolveOrder?(request: Request, input: ResolveOrderInput): MaybePromise<CheckoutOrder | null | undefined>;
  /** Checkout configuration; `shopperRedirectionUrl` is required with `resolveOrder`. */
  checkout?: CheckoutOptions;
  /** Options of the redirect-token verifier (clock tolerance, key cache); it always uses the Purse client. */
  redirectVerifier?: Omit<RedirectVerifierOptions, 'client' | 'now'>;
  /**
   * How long the handler remembers which customer a checkout session or payment belongs to (getSession, abortSession,
   * getPayment). Default 24 hours.
   */
  checkoutRecordTtlMs?: number;
  /** The Customer Purse API (deposit addresses and incoming transactions of the signed-in shopper). */
  customerPurse?: CustomerPurseOptions;
  /** Clock of the default in-memory store, the redirect-token checks and payment-link expiry (tests). Default `Date.now`. */
  now?: () => number;
}

export interface CustomerPurseOptions {
  /** A Customer Purse client, or the options to create one (e.g. from `customerPurseConfigFromEnv(process.env)`). */
  client: CustomerPurseClient | CustomerPurseClientOptions;
  /** Currencies whose deposit address the shopper is shown, e.g. `['BTC', 'USDT']` (one address may serve several). */
  currencies: string[];
  /**
   * A signed-in customer without a Customer Purse customer gets one on their first visit, with `externalId` = the
   * customer reference: `true` (default); a function giving its `email`/`description` (or `null` to refuse); `false`.
   */
  createCustomer?: boolean | ((request: Request, customer: string) => MaybePromise<{ email?: string; description?: string } | null>);
  /** Largest page of transactions the browser may ask for. Default 50. */
  maxPageSize?: number;
}
