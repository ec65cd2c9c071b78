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

/** What `resolveIdentity` returns: at least the email (Purse needs one to create an account). */
export interface VouchedIdentity {
  email?: string;
  phone_number?: string;
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
   * for may read or abort it. Guests (`null`) are bound to their browser instead (`guestCookie` or `resolveGuest`).
   */
  resolveCustomer(request: Request): MaybePromise<string | null | undefined>;
  /**
   * The email and phone number your server vouches for as the signed-in customer's own (from your account records,
   * never from the request body). An XCO account created through the handler gets exactly these: a create request
   * naming another email or phone is refused (403 `identity_mismatch`). Without this option createUser answers 501;
   * return `null` when you vouch for nothing (403 `identity_not_vouched`).
   */
  resolveIdentity?(request: Request): MaybePromise<VouchedIdentity | null | undefined>;
  /**
   * The shopper's IP for Purse's rate limiting (`caller_id`), e.g. from your framework's socket address. Takes
   * precedence over `trustProxy`.
   */
  callerId?(request: Request): string | undefined;
  /**
   * How many proxies you run in front of the handler, each appending the address it was reached from to
   * `X-Forwarded-For` (nginx `$proxy_add_x_forwarded_for`: 1). The caller is the entry this many places from the right;
   * the entries further left are the client's own writing and are ignored. Default: no forwarding header is trusted,
   * and Purse gets no `caller_id` (it then rate-limits the merchant as a whole).
   */
  trustProxy?: number;
  /**
   * Guests (no customer) are told apart by a signed HttpOnly cookie the handler issues, so one guest never reads
   * another's checkout session. `secret` signs it (HMAC-SHA256): set the same long random secret on every instance;
   * the default is a random secret per process (cookies then stop being recognised after a restart or on another
   * instance, which refuses, never mixes, guests). `secure` defaults to the request being https.
   */
  guestCookie?: { secret?: string; name?: string; secure?: boolean; maxAgeSeconds?: number };
  /** Your own guest id for a request without a customer (e.g. from your cart cookie); replaces the guest cookie. */
  resolveGuest?(request: Request): MaybePromise<string | null | undefined>;
  /**
   * Mutations (POSTs) one shopper may make per window, so no one shopper can fill the store that every shopper's
   * records live in; a guest is also counted per caller IP when one is known. Beyond: 429 with Retry-After.
   * Default 300 per hour.
   */
  quota?: { limit: number; windowMs: number };
  /** Largest accepted request body in bytes (413 beyond). Default 16 KiB. */
  maxBodyBytes?: number;
  /** Default: `console`. */
  logger?: HandlerLogger;
  /**
   * Idempotency records, issued consent challenges and who owns which checkout session and payment. Default: in
   * memory, right for one process; give several instances a shared store (e.g. Redis) so a retry or a status page
   * landing on another instance is still recognised.
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
  /** Clock of the default in-memory store, the redirect-token checks and payment-link expiry (tests). Default `Date.now`. */
  now?: () => number;
}
