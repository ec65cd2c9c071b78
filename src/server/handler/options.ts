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
  /** A mis-wiring or a refused request worth a look (e.g. a base path stripped by the framework). */
  warn(message: string, details?: Record<string, unknown>): void;
  /** The merchant server needs fixing (configuration, credentials refused by Purse, a store down). */
  error(message: string, details?: Record<string, unknown>): void;
}

/** A value, or the promise of one: the merchant's callbacks may be sync or async. */
export type MaybePromise<T> = T | Promise<T>;

/** What the merchant's own data says the shopper is paying for. Never built from the request body. */
export interface CheckoutOrder {
  /** Minor units of `currency` (4299 = 42.99 EUR). */
  amount: MinorUnits;
  /** ISO 4217 code, e.g. `'EUR'`. */
  currency: Currency;
  /** The order as Purse records it: `reference` (required, yours), lines, net and tax amounts. */
  order: PaymentOrder;
  /** Set `reference` to your customer reference to link the payment to the shopper. */
  customer?: PaymentCustomer;
  /**
   * `AUTOMATIC` captures at authorization; `MANUAL` leaves the capture to your back office.
   * @defaultValue Purse's default for the entity
   */
  capture_mode?: CaptureMode;
  /** 3-D Secure preferences passed to Purse. */
  three_ds_authentication_options?: ThreeDsAuthenticationOptions;
  /** Where Purse POSTs payment updates (verify them with `verifyPaymentWebhook`). */
  webhook?: Webhook;
  /** Ask for a token the shopper's card can be charged with later. */
  allow_future_usage?: boolean;
}

/** What `resolveIdentity` returns: at least the email (Purse needs one to create an account). */
export interface VouchedIdentity {
  /** The customer's email, as your own records vouch for it. */
  email?: string;
  /** The customer's phone number in E.164 (`+33612345678`), as your own records vouch for it. */
  phone_number?: string;
}

/** The guest cookie (`MerchantHandlerOptions.guestCookie`). */
export interface GuestCookieOptions {
  /**
   * Signs the cookie (HMAC-SHA256): set the same long random secret on every instance.
   * @defaultValue a random secret per process: cookies then stop being recognised after a restart or on another
   * instance, which refuses guests, never mixes them
   */
  secret?: string;
  /**
   * The cookie's name.
   * @defaultValue 'purse_kit_guest'
   */
  name?: string;
  /**
   * The cookie's `Secure` attribute.
   * @defaultValue true when the request is https
   */
  secure?: boolean;
  /**
   * The cookie's lifetime, in seconds.
   * @defaultValue 86400 (24 hours)
   */
  maxAgeSeconds?: number;
}

/** What `resolveOrder` is given. */
export interface ResolveOrderInput {
  /** What the browser named (`CheckoutSessionRequest.order_reference`): look it up, never trust it for amounts. */
  order_reference: string | undefined;
  /** `resolveCustomer(request)`. */
  customer: string | null;
  /**
   * The shopper's language (`CheckoutSessionRequest.locale`, e.g. "fr-FR"), when the browser sent one. The handler
   * already sends it as `customer.locale` unless the returned order's customer has a locale.
   */
  locale?: string;
}

/** How the handler creates checkout sessions (with `resolveOrder`). */
export interface CheckoutOptions {
  /**
   * Entity UUID for the Payment API.
   * @defaultValue the Purse client's `entityId` (PURSE_ENTITY_ID)
   */
  entityId?: string;
  /**
   * Where Purse sends the shopper after paying (absolute URL; your return page, which reads `purse-redirection-data`).
   * A function may build it per request (e.g. with the order id).
   */
  shopperRedirectionUrl: string | ((request: Request, order: CheckoutOrder) => MaybePromise<string>);
  /**
   * Integration modes the browser may pick; the first is used when the browser names none.
   * @defaultValue ['EMBEDDED']
   */
  allowedIntegrationModes?: IntegrationMode[];
}

/** A Purse client, or the options to create one. */
export type PurseConfig = PurseClient | PurseClientOptions;

/** Options of `createMerchantHandler`. */
export interface MerchantHandlerOptions {
  /**
   * How the handler reaches Purse: a `PurseClient`, its options, or a function returning either (`null` when nothing
   * is configured), called on the first request, e.g. `() => purseConfigFromEnv(process.env)`. Building and importing
   * the handler then needs no secret (Next.js `next build`, Docker images); the first request answers 500
   * `purse_not_configured`, naming what is missing, and logs it once. A function that throws or rejects is called
   * again on the next request.
   * @defaultValue the `PURSE_*` variables of `process.env`, read on the first request
   */
  purse?: PurseConfig | (() => MaybePromise<PurseConfig | null | undefined>) | null;
  /**
   * Path prefix the handler is mounted at; `''` when the framework strips the prefix (Express `app.use('/api/purse', …)`).
   * A request for a known route under another prefix gets a 404 that names the path received and this base.
   * @defaultValue '/api/purse'
   */
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
   * the entries further left are the client's own writing and are ignored. With none, no forwarding header is
   * trusted and Purse gets no `caller_id` (it then rate-limits the merchant as a whole).
   * @defaultValue 0
   */
  trustProxy?: number;
  /**
   * Serve requests the browser marks `Sec-Fetch-Site: cross-site`. Only for pages on another site than the handler
   * (another registrable domain, with CORS middleware of yours in front): any other site's page can then make its
   * visitors' browsers call the handler too (an `<img>` spending their account-lookup quota).
   * @defaultValue false: 403 `cross_site_request`; the same site (`www.` and `api.`) is always served
   */
  allowCrossSite?: boolean;
  /**
   * Guests (no customer) are told apart by a signed HttpOnly cookie the handler issues, so one guest never reads
   * another's checkout session.
   * @defaultValue a cookie signed with a random secret per process (see `GuestCookieOptions.secret`)
   */
  guestCookie?: GuestCookieOptions;
  /** Your own guest id for a request without a customer (e.g. from your cart cookie); replaces the guest cookie. */
  resolveGuest?(request: Request): MaybePromise<string | null | undefined>;
  /**
   * Mutations (POSTs) one shopper may make per window, so no one shopper can fill the store that every shopper's
   * records live in; a guest is also counted per caller IP when one is known. Beyond: 429 with Retry-After. Counted
   * apart with the same bound: payment and payment-link ids looked up at Purse that are not the shopper's.
   * @defaultValue { limit: 300, windowMs: 3600000 } (300 per hour)
   */
  quota?: { limit: number; windowMs: number };
  /**
   * One-time codes sent to one email or phone number per window, whoever asks (any shopper, any IP), so nobody can make
   * your shop flood a victim's mailbox or phone (nor run up your text-message bill). An email counts as its mailbox:
   * case, a `+tag`, Gmail's dots and the domain's spelling (Unicode or punycode) aside. Counted once per shopper intent
   * (a retry with the same `Idempotency-Key` takes no second place); a send Purse refused or throttled gives its place
   * back, one whose outcome is unknown keeps it. Beyond: 429 `too_many_codes` with Retry-After, and Purse is not asked.
   * @defaultValue { limit: 5, windowMs: 900000 } (5 per 15 minutes)
   */
  codeLimit?: { limit: number; windowMs: number };
  /**
   * Account lookups (`GET …/xco/users/exists`) one shopper may make per window, also counted per caller IP for guests
   * when one is known (`trustProxy`, `callerId`): nobody can list which emails and phones have a Purse account, nor use
   * up the Purse rate limit every shopper's signup shares. Beyond: 429 `too_many_lookups` with Retry-After, and Purse
   * is not asked. A signed-in customer's lookup of their own linked account (XcoAccount's, at every visit) never counts.
   * Raise it if many of your guests share one IP (a mobile carrier's, a company's).
   * @defaultValue { limit: 30, windowMs: 3600000 } (30 per hour)
   */
  lookupQuota?: { limit: number; windowMs: number };
  /**
   * Largest accepted request body in bytes (413 beyond).
   * @defaultValue 16384 (16 KiB)
   */
  maxBodyBytes?: number;
  /**
   * Where operational messages go (never bodies, codes, tokens or secrets).
   * @defaultValue console
   */
  logger?: HandlerLogger;
  /**
   * Idempotency records, issued consent challenges and who owns which checkout session and payment. The memory store
   * is right for one process; give several instances a shared store (`createRedisStore`) so a retry or a status page
   * landing on another instance is still recognised. When the handler builds the Purse client from options, this
   * store also shares its OAuth2 token between instances (`purse: { …, tokenStore: null }` keeps it per process).
   * @defaultValue two in-memory stores (`createMemoryStore`), one for idempotency records, one for the rest
   */
  store?: HandlerStore;
  /**
   * How long a consent challenge from a verified code stays usable, in ms (like the code).
   * @defaultValue 600000 (10 minutes)
   */
  consentChallengeTtlMs?: number;
  /**
   * How long the answer to an `Idempotency-Key` is replayed, in ms.
   * @defaultValue 86400000 (24 hours)
   */
  idempotencyTtlMs?: number;
  /**
   * How long a duplicate request waits for the first one with the same key before a 409, in ms.
   * @defaultValue 30000
   */
  idempotencyWaitMs?: number;
  /**
   * The order the shopper is paying for, from your own data (cart, order table): amount, currency, order lines,
   * customer. `null` when there is nothing to pay (404). Needed by the checkout routes (createSession,
   * eligibleSolutions), which answer 501 without it.
   */
  resolveOrder?(request: Request, input: ResolveOrderInput): MaybePromise<CheckoutOrder | null | undefined>;
  /** Checkout configuration; `shopperRedirectionUrl` is required with `resolveOrder`. */
  checkout?: CheckoutOptions;
  /**
   * Options of the redirect-token verifier (clock tolerance, key cache); it always uses the Purse client.
   * @defaultValue the verifier's own defaults (see `RedirectVerifierOptions`)
   */
  redirectVerifier?: Omit<RedirectVerifierOptions, 'client' | 'now'>;
  /**
   * How long the handler remembers which customer a checkout session or payment belongs to (getSession, abortSession,
   * getPayment), in ms.
   * @defaultValue 86400000 (24 hours)
   */
  checkoutRecordTtlMs?: number;
  /** The Customer Purse API (deposit addresses and incoming transactions of the signed-in shopper). */
  customerPurse?: CustomerPurseOptions;
  /**
   * Clock of the default in-memory store, the redirect-token checks, and payment-link and client-session expiry (tests).
   * @defaultValue Date.now
   */
  now?: () => number;
}

/** The Customer Purse part of the handler (`MerchantHandlerOptions.customerPurse`). */
export interface CustomerPurseOptions {
  /** A Customer Purse client, or the options to create one (e.g. from `customerPurseConfigFromEnv(process.env)`). */
  client: CustomerPurseClient | CustomerPurseClientOptions;
  /** Currencies whose deposit address the shopper is shown, e.g. `['BTC', 'USDT']` (one address may serve several). */
  currencies: string[];
  /**
   * A signed-in customer without a Customer Purse customer gets one on their first visit, with `externalId` = the
   * customer reference: `true`; a function giving its `email`/`description` (or `null` to refuse); `false`.
   * @defaultValue true
   */
  createCustomer?: boolean | ((request: Request, customer: string) => MaybePromise<{ email?: string; description?: string } | null>);
  /**
   * Largest page of transactions the browser may ask for (a request without `size` gets 10, or this when smaller).
   * @defaultValue 50
   */
  maxPageSize?: number;
}
