// Payment API v2 wire types, part 2: enumerations, client sessions, eligible solutions, signing keys and the redirect
// token (snake_case, as in purse-docs/payment-api-v2-reference.txt and the samples).
import type { MinorUnits, OpenEnum, PaymentCustomer, PaymentOrder } from './payment-order.ts';

/** ISO 4217 codes the Payment API accepts. */
export const CURRENCIES = ['CHF', 'EUR', 'GBP', 'JPY', 'USD'] as const;
/** An ISO 4217 currency code the Payment API accepts. */
export type Currency = (typeof CURRENCIES)[number];

/** MANUAL (default): the merchant captures later. AUTOMATIC: captured at authorization. */
export const CAPTURE_MODES = ['MANUAL', 'AUTOMATIC'] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

/** EMBEDDED (default): the merchant mounts the drop-in. HOSTED_PAGE: the shopper goes to `links.hosted_page`. */
export const INTEGRATION_MODES = ['EMBEDDED', 'HOSTED_PAGE'] as const;
/** How the shopper pays: the drop-in in the merchant's page (EMBEDDED) or Purse's hosted page (HOSTED_PAGE). */
export type IntegrationMode = (typeof INTEGRATION_MODES)[number];

export const CLIENT_SESSION_STATUSES = ['CREATED', 'SUBMITTED', 'ABORTED_BY_CUSTOMER', 'ABORTED_BY_MERCHANT'] as const;
/** CREATED, SUBMITTED (a payment was submitted), ABORTED_BY_CUSTOMER or ABORTED_BY_MERCHANT. */
export type ClientSessionStatus = (typeof CLIENT_SESSION_STATUSES)[number];
export type ClientSessionAbortStatus = Extract<ClientSessionStatus, `ABORTED_${string}`>;

export const AUTHORIZATION_STATUSES = ['AUTHORIZED', 'PENDING', 'ERROR', 'ABORTED', 'REFUSED'] as const;
/** A payment's authorization: AUTHORIZED, PENDING (settles later), ERROR, ABORTED or REFUSED. */
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** How much of the authorized amount an operation kind has consumed. */
export type OverviewStatus = 'TOTALLY' | 'PARTIALLY' | 'NOT';

export type ChallengeIndicator = OpenEnum<
  'NO_CHALLENGE_REQUESTED' | 'CHALLENGE_REQUESTED_BY_MERCHANT' | 'CHALLENGE_REQUESTED_BY_MANDATE'
>;

export interface ThreeDsAuthenticationOptions {
  challenge_indicator?: ChallengeIndicator;
  challenge_exemption?: OpenEnum<'LOW_VALUE'>;
}

export interface WebhookHeader {
  name: string;
  values: string[];
}

/** Purse POSTs the Get Payment object to `url` whenever the payment's amounts change. */
export interface Webhook {
  url: string;
  headers?: WebhookHeader[];
  /** e.g. ["PAYMENT_CAPTURE", "PAYMENT_REFUND", "PAYMENT_VOID"] for operation-level notifications only. */
  event_types?: string[];
}

export interface Link {
  href: string;
  method: OpenEnum<'GET' | 'POST'>;
}

/** A payment method the session offers, e.g. { partner: "dalenys", method: "creditcard" }. */
export interface EligibleSolution {
  /** The payment partner ("dalenys", "paypal"…). */
  partner: string;
  /** The method ("creditcard", "wallet", "giftcard"…). */
  method: string;
}

// ── Client sessions ─────────────────────────────────────────────────────────────────────────────────────────────

/** POST /payment/v2/client-sessions */
export interface CreateClientSessionRequest {
  entity_id: string;
  /** >= 0; 0 only when `allow_future_usage` is true. */
  amount: MinorUnits;
  currency: Currency;
  capture_mode?: CaptureMode;
  integration_mode?: IntegrationMode;
  /** Where the shopper is sent (GET, with `purse-redirection-data`) after paying. */
  shopper_redirection_url: string;
  order: PaymentOrder;
  customer?: PaymentCustomer;
  three_ds_authentication_options?: ThreeDsAuthenticationOptions;
  webhook?: Webhook;
  allow_future_usage?: boolean;
}

/** What the drop-in script needs: `data` is the session token passed to it, `js_url` which script to load. */
export interface ClientSessionWidget {
  data: string;
  js_url: string;
}

export interface ClientSessionLinks {
  self: Link;
  abort?: Link;
  /** Once a payment exists. */
  payment?: Link;
  /** HOSTED_PAGE sessions: where to send the shopper. Check its origin before navigating. */
  hosted_page?: Link;
}

/** A client session, as create, get and abort return it. */
export interface ClientSession {
  id: string;
  entity_id: string;
  status: ClientSessionStatus;
  amount: MinorUnits;
  currency: Currency;
  capture_mode: CaptureMode;
  integration_mode: IntegrationMode;
  allow_future_usage?: boolean;
  shopper_redirection_url?: string;
  order: PaymentOrder;
  customer?: PaymentCustomer;
  /** ISO 8601 date-time with offset. */
  expires_at: string;
  /** Present for EMBEDDED sessions. */
  widget?: ClientSessionWidget;
  eligible_solutions?: EligibleSolution[];
  links: ClientSessionLinks;
  /** Once the shopper submitted a payment. */
  payment_id?: string;
}

/** POST /payment/v2/client-sessions/{id}/abort */
export interface AbortClientSessionRequest {
  status: ClientSessionAbortStatus;
}

// ── Eligible solutions, auth, signing ───────────────────────────────────────────────────────────────────────────

/** POST /payment/v2/eligible-solutions */
export interface EligibleSolutionsRequest {
  entity_id: string;
  amount: MinorUnits;
  currency: Currency;
  order: PaymentOrder;
  customer?: PaymentCustomer;
  allow_future_usage?: boolean;
}

export interface EligibleSolutionsResponse {
  amount: MinorUnits;
  currency: Currency;
  eligible_solutions: EligibleSolution[];
}

/** OAuth2 client-credentials token response. */
export interface OAuthTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
}

/** An RSA public key of GET /payment/v2/signing-jwks. The sample shows a numeric `kid`: compare as strings. */
export interface SigningJwk {
  kty: 'RSA';
  kid: string | number;
  n: string;
  e: string;
  alg?: string;
  use?: string;
}

export interface SigningJwks {
  keys: SigningJwk[];
}

/** Query parameter carrying the signed redirect token on `shopper_redirection_url`. */
export const REDIRECTION_PARAM = 'purse-redirection-data';

/** Payload of the `purse-redirection-data` JWS (RS256). Trust it only after server-side verification. */
export interface RedirectTokenClaims {
  client_session_id: string;
  payment_id: string;
  authorization_status: AuthorizationStatus;
  client_session_status: ClientSessionStatus;
  exp?: number;
  iat?: number;
}
