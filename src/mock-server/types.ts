// Public types of the Purse mock server. Web-standard: shared by the in-process emulator and the node entry.
import type { DropinGeneration } from '../core/dropin/types.ts';
import type { AuthorizationStatus, ClientSession, Payment, PaymentLink } from '../core/wire/payment.ts';
import type { XcoIdentifier, XcoUser } from '../core/wire/xco.ts';
import type { CustomerPurseControl } from './customer-purse/control-types.ts';

/** How the mock POSTs webhooks (default: the global fetch, looked up at delivery time). */
export type WebhookFetch = (url: string, init: { method: string; headers: Headers; body: string }) => Promise<Response>;

export interface MockPurseOptions {
  /** Enables the /__mock/* control endpoints (default false: they answer 404, as on the real Purse). */
  testMode?: boolean;
  /** Public origin used for absolute links (default 'http://localhost'). */
  baseUrl?: string;
  /** Clock in milliseconds (default Date.now); tests inject a fake one to cross expiries. */
  now?: () => number;
  /** Lifetime of access tokens (default 3600). */
  tokenTtlSeconds?: number;
  /** Lifetime of one-time codes (default 10 minutes). */
  otpTtlMs?: number;
  /** Minimum delay between two codes sent to one identifier (default 30 s). */
  resendThrottleMs?: number;
  /** Wrong codes accepted before the code locks (default 5). */
  maxCodeAttempts?: number;
  /** Per caller_id (fallback: per client id) over exists, passwordless start and verify (default 30 per 60 s). */
  rateLimit?: { limit: number; windowMs: number };
  /** "Delivers" each code sent, e.g. prints it in a dev console. The mock itself never logs codes. */
  onOtp?: (delivery: { identifier: XcoIdentifier; code: string }) => void;
  /** Lifetime of a client session (default 30 minutes); `expires_at` = creation + this, by the clock above. */
  sessionTtlMs?: number;
  /** Which drop-in script the `widget.js_url` of new sessions names (default 'dropin-checkout'). */
  dropinGeneration?: DropinGeneration;
  /** A PENDING authorization (test card 4000 0000 0000 0077) becomes AUTHORIZED this long after (default 4000 ms). */
  pendingSettleMs?: number;
  /** Sends webhooks; failures are recorded in control.webhooks(), never thrown. */
  webhookFetch?: WebhookFetch;
}

/** One webhook POST, as control.webhooks() and /__mock/state report it. */
export interface MockWebhookDelivery {
  url: string;
  payment_id: string;
  /** The payment's `version` that was sent. */
  version: number;
  status: 'pending' | 'delivered' | 'failed';
  http_status?: number;
  error?: string;
}

export interface MockUserRecord {
  user: XcoUser;
  created_by: 'seed' | 'api';
  customer_references: string[];
}

export interface MockConsentRecord {
  customer_reference: string;
  user_email?: string;
  user_phone_number?: string;
  via: 'create_user' | 'consent_challenge';
}

export interface MockRequestRecord {
  method: string;
  path: string;
  caller_id?: string;
}

export interface MockPurseControl {
  /** The latest code sent to the identifier until it is used (expired or locked codes included, to test refusals). */
  currentCode(identifier: XcoIdentifier): string | undefined;
  users(): MockUserRecord[];
  consents(): MockConsentRecord[];
  /** Successful token grants so far. */
  tokenRequests(): number;
  /** API calls received, oldest first (not /__mock/*). */
  requests(): MockRequestRecord[];
  setFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Client sessions as GET /payment/v2/client-sessions/{id} returns them, oldest first. */
  sessions(): ClientSession[];
  /** Payments as GET /payment/v2/payments/{id} returns them (pending ones due to settle are settled first). */
  payments(): Payment[];
  paymentLinks(): PaymentLink[];
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

export interface MockPurse {
  fetch(request: Request): Promise<Response>;
  control: MockPurseControl;
}

export interface FaultRule {
  /** Any method when absent. */
  method?: string;
  /** Exact pathname, or a prefix ending in '*'. */
  path: string;
  /** Respond with this instead of handling the request (status defaults to 500 when only headers or body are set). */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Delay before handling (or before the fault response). */
  latencyMs?: number;
  /** 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Connection dropped: fetch() rejects with a TypeError in process; the socket is destroyed by node.ts. */
  drop?: boolean;
  /** Apply N times then remove; unlimited when absent. */
  times?: number;
}
