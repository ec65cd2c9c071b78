// Public types of the Purse mock server. Web-standard: shared by the in-process emulator and the node entry.
import type { DropinGeneration } from '../core/dropin/types.ts';
import type { AuthorizationStatus, ClientSession, Payment, PaymentLink } from '../core/wire/payment.ts';
import type { XcoIdentifier, XcoUser } from '../core/wire/xco.ts';
import type { CustomerPurseControl } from './customer-purse/control-types.ts';

/** How the mock POSTs webhooks (default: the global fetch, looked up at delivery time). */
export type WebhookFetch = (url: string, init: { method: string; headers: Headers; body: string }) => Promise<Response>;

export interface MockPurseOptions {
  /**
   * Enables the /__mock/* control endpoints (codes, state, faults, reset); without it they answer 404, as on the real
   * Purse.
   * @default false
   */
  testMode?: boolean;
  /**
   * Public origin used for absolute links (drop-in script URLs, hosted page). `startMockPurseServer` sets its own URL.
   * @default 'http://localhost'
   */
  baseUrl?: string;
  /**
   * Clock in milliseconds; tests inject a fake one to cross expiries.
   * @default Date.now
   */
  now?: () => number;
  /**
   * Lifetime of access tokens, in seconds.
   * @default 3600
   */
  tokenTtlSeconds?: number;
  /**
   * Lifetime of one-time codes, in ms.
   * @default 600000 (10 minutes)
   */
  otpTtlMs?: number;
  /**
   * Minimum delay between two codes sent to one identifier, in ms.
   * @default 30000
   */
  resendThrottleMs?: number;
  /**
   * Wrong codes accepted before the code locks.
   * @default 5
   */
  maxCodeAttempts?: number;
  /**
   * Failed verifications allowed per identifier in any sliding window, across resends; then start and verify answer
   * 429 `verification_locked` with Retry-After until the oldest failure leaves the window.
   * @default { limit: 100, windowMs: 3600000 }
   */
  verifyBudget?: { limit: number; windowMs: number };
  /**
   * Per caller_id (fallback: per client id) over exists, passwordless start and verify.
   * @default { limit: 30, windowMs: 60000 }
   */
  rateLimit?: { limit: number; windowMs: number };
  /** "Delivers" each code sent, e.g. prints it in a dev console. The mock itself never logs codes. */
  onOtp?: (delivery: { identifier: XcoIdentifier; code: string }) => void;
  /**
   * Lifetime of a client session in ms; `expires_at` = creation + this, by the clock above.
   * @default 1800000 (30 minutes)
   */
  sessionTtlMs?: number;
  /**
   * Which drop-in script the `widget.js_url` of new sessions names.
   * @default 'dropin-checkout'
   */
  dropinGeneration?: DropinGeneration;
  /**
   * A PENDING authorization (test card 4000 0000 0000 0077) becomes AUTHORIZED this long after, in ms.
   * @default 4000
   */
  pendingSettleMs?: number;
  /**
   * Sends webhooks; failures are recorded in control.webhooks(), never thrown.
   * @default the global fetch, looked up at delivery time
   */
  webhookFetch?: WebhookFetch;
}

/** One webhook POST, as control.webhooks() and /__mock/state report it. */
export interface MockWebhookDelivery {
  /** Where it was POSTed: the `webhook.url` of the payment's session. */
  url: string;
  /** The payment it reports. */
  payment_id: string;
  /** The payment's `version` that was sent. */
  version: number;
  /** `pending` until the POST settles; `failed` for a network error or a non-2xx answer. */
  status: 'pending' | 'delivered' | 'failed';
  /** The receiver's HTTP status, when it answered. */
  http_status?: number;
  /** Why the delivery failed. */
  error?: string;
}

/** An XCO account of the mock, as control.users() and /__mock/state report it. */
export interface MockUserRecord {
  /** The account's profile, in XCO's wire shape. */
  user: XcoUser;
  /** `seed`: one of SEEDED_USERS; `api`: created through the XCO API. */
  created_by: 'seed' | 'api';
  /** Merchant customer references linked to the account (by creation or consent). */
  customer_references: string[];
}

/** A link between an XCO account and a merchant customer. */
export interface MockConsentRecord {
  /** The merchant's customer reference. */
  customer_reference: string;
  /** The account's email, when it has one. */
  user_email?: string;
  /** The account's phone (E.164), when it has one. */
  user_phone_number?: string;
  /** `create_user`: the account was created for this customer; `consent_challenge`: linked after a verified code. */
  via: 'create_user' | 'consent_challenge';
}

/** One API call the mock received (control.requests(), /__mock/state). */
export interface MockRequestRecord {
  /** HTTP method. */
  method: string;
  /** Pathname, without the query. */
  path: string;
  /** The `caller_id` the call carried (query or body), when it had one. */
  caller_id?: string;
}

export interface MockPurseControl {
  /** The latest code sent to the identifier until it is used (expired or locked codes included, to test refusals). */
  currentCode(identifier: XcoIdentifier): string | undefined;
  /** Every XCO account, seeded ones first. */
  users(): MockUserRecord[];
  /** Every account–customer link. */
  consents(): MockConsentRecord[];
  /** Successful token grants so far. */
  tokenRequests(): number;
  /** API calls received, oldest first (not /__mock/*). */
  requests(): MockRequestRecord[];
  /** Adds a fault rule (the first matching rule applies). */
  setFault(rule: FaultRule): void;
  /** Removes every fault rule. */
  clearFaults(): void;
  /** Client sessions as GET /payment/v2/client-sessions/{id} returns them, oldest first. */
  sessions(): ClientSession[];
  /** Payments as GET /payment/v2/payments/{id} returns them (pending ones due to settle are settled first). */
  payments(): Payment[];
  /** Payment links as GET /payment/v2/payment-links/{id} returns them, oldest first. */
  paymentLinks(): PaymentLink[];
  /** Webhook deliveries, oldest first. */
  webhooks(): MockWebhookDelivery[];
  /** Which script the `js_url` of sessions created from now on names. */
  setDropinGeneration(generation: DropinGeneration): void;
  /** A new signing key becomes current; the former one stays published as the previous key. */
  rotateSigningKey(): Promise<{ kid: string }>;
  /** Settles a PENDING authorization now. Throws when the payment is unknown or not pending. */
  settlePayment(id: string, status: Extract<AuthorizationStatus, 'AUTHORIZED' | 'REFUSED'>): Payment;
  /** Makes a client session expire now (its `expires_at` becomes the clock's now). Throws when unknown. */
  expireSession(id: string): ClientSession;
  /** Makes a payment link expire now. Throws when unknown. */
  expirePaymentLink(id: string): PaymentLink;
  /** Resolves once every webhook sent so far was delivered or failed. */
  webhooksSettled(): Promise<void>;
  /** The Customer Purse API's customers, addresses and transactions; `addDeposit` makes money arrive. */
  customerPurse: CustomerPurseControl;
  /**
   * Back to the seeded state: users, consents, codes, rate limits, faults, counters, sessions, payments, payment links,
   * webhooks and the drop-in generation option. Issued tokens and the signing keys stay valid.
   */
  reset(): void;
}

/** The emulator: a web-standard request handler and its in-process control. */
export interface MockPurse {
  /** Answers one request to any Purse API, drop-in script, hosted page or (in test mode) /__mock/* route. */
  fetch(request: Request): Promise<Response>;
  /** Read and change the mock's state in process (the same as /__mock/* over HTTP). */
  control: MockPurseControl;
}

/** A fault to inject (control.setFault, POST /__mock/faults). Never applies to /__mock/*. */
export interface FaultRule {
  /**
   * Only requests of this method.
   * @default any method
   */
  method?: string;
  /** Exact pathname, or a prefix ending in '*'. */
  path: string;
  /**
   * Respond with this status instead of handling the request.
   * @default 500 when only `headers` or `body` are set; none (the request is handled) otherwise
   */
  status?: number;
  /** Headers of the fault response (e.g. `Retry-After`; a 429 gets `Retry-After: 1` when none is given). */
  headers?: Record<string, string>;
  /** Body of the fault response: a string as is (text/plain unless `headers` set a type), anything else as JSON. */
  body?: unknown;
  /** Delay before handling (or before the fault response). */
  latencyMs?: number;
  /** 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Connection dropped: fetch() rejects with a TypeError in process; the socket is destroyed by node.ts. */
  drop?: boolean;
  /**
   * Apply N times, then remove the rule.
   * @default unlimited (until cleared or reset)
   */
  times?: number;
  /**
   * Apply once the route has acted: the user, code, consent or session exists, and then the answer is late
   * (`latencyMs` alone), cut (`drop`), unreadable (`malformed`) or replaced (`status`). How a lost answer looks.
   */
  after?: boolean;
}
