// Payment API v2 wire types, part 2: enumerations, client sessions, eligible solutions, signing keys and the redirect
// token (snake_case, as in purse-docs/payment-api-v2-reference.txt and the samples).
import type { MinorUnits, OpenEnum, PaymentCustomer, PaymentOrder } from './payment-order.ts';

/** ISO 4217 codes the Payment API accepts. */
export const CURRENCIES = ['CHF', 'EUR', 'GBP', 'JPY', 'USD'] as const;
/** An ISO 4217 currency code the Payment API accepts. */
export type Currency = (typeof CURRENCIES)[number];

/** MANUAL (default): the merchant captures later. AUTOMATIC: captured at authorization. */
export const CAPTURE_MODES = ['MANUAL', 'AUTOMATIC'] as const;
/** When the payment is captured. */
export type CaptureMode = (typeof CAPTURE_MODES)[number];

/** EMBEDDED (default): the merchant mounts the drop-in. HOSTED_PAGE: the shopper goes to `links.hosted_page`. */
export const INTEGRATION_MODES = ['EMBEDDED', 'HOSTED_PAGE'] as const;
/** How the shopper pays: the drop-in in the merchant's page (EMBEDDED) or Purse's hosted page (HOSTED_PAGE). */
export type IntegrationMode = (typeof INTEGRATION_MODES)[number];

/** Every client session status. */
export const CLIENT_SESSION_STATUSES = ['CREATED', 'SUBMITTED', 'ABORTED_BY_CUSTOMER', 'ABORTED_BY_MERCHANT'] as const;
/** CREATED, SUBMITTED (a payment was submitted), ABORTED_BY_CUSTOMER or ABORTED_BY_MERCHANT. */
export type ClientSessionStatus = (typeof CLIENT_SESSION_STATUSES)[number];
/** How a session can be aborted. */
export type ClientSessionAbortStatus = Extract<ClientSessionStatus, `ABORTED_${string}`>;

/** Every authorization status. */
export const AUTHORIZATION_STATUSES = ['AUTHORIZED', 'PENDING', 'ERROR', 'ABORTED', 'REFUSED'] as const;
/** A payment's authorization: AUTHORIZED, PENDING (settles later), ERROR, ABORTED or REFUSED. */
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** How much of the authorized amount an operation kind has consumed. */
export type OverviewStatus = 'TOTALLY' | 'PARTIALLY' | 'NOT';

/** The merchant's 3DS challenge preference. */
export type ChallengeIndicator = OpenEnum<
  'NO_CHALLENGE_REQUESTED' | 'CHALLENGE_REQUESTED_BY_MERCHANT' | 'CHALLENGE_REQUESTED_BY_MANDATE'
>;

/** 3DS options of a session. */
export interface ThreeDsAuthenticationOptions {
  /** Whether the merchant asks for a 3DS challenge. */
  challenge_indicator?: ChallengeIndicator;
  /** The 3DS exemption asked for. */
  challenge_exemption?: OpenEnum<'LOW_VALUE'>;
}

/** A header Purse sends with each webhook event. */
export interface WebhookHeader {
  /** Its name. */
  name: string;
  /** The header's values. */
  values: string[];
}

/** Purse POSTs the Get Payment object to `url` whenever the payment's amounts change. */
export interface Webhook {
  /** Where Purse POSTs the events. */
  url: string;
  /** Headers Purse sends with each event. */
  headers?: WebhookHeader[];
  /** e.g. ["PAYMENT_CAPTURE", "PAYMENT_REFUND", "PAYMENT_VOID"] for operation-level notifications only. */
  event_types?: string[];
}

/** A related resource or action. */
export interface Link {
  /** The URL. */
  href: string;
  /** The HTTP method to use. */
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
  /** The merchant entity at Purse. */
  entity_id: string;
  /** >= 0; 0 only when `allow_future_usage` is true. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** MANUAL (capture later) or AUTOMATIC. */
  capture_mode?: CaptureMode;
  /** EMBEDDED (drop-in) or HOSTED_PAGE. */
  integration_mode?: IntegrationMode;
  /** Where the shopper is sent (GET, with `purse-redirection-data`) after paying. */
  shopper_redirection_url: string;
  /** The order. */
  order: PaymentOrder;
  /** The customer. */
  customer?: PaymentCustomer;
  /** 3DS options. */
  three_ds_authentication_options?: ThreeDsAuthenticationOptions;
  /** Where Purse posts payment events. */
  webhook?: Webhook;
  /** The payment method may be saved for later payments. */
  allow_future_usage?: boolean;
}

/** What the drop-in script needs: `data` is the session token passed to it, `js_url` which script to load. */
export interface ClientSessionWidget {
  /** Opaque session data for the drop-in script. */
  data: string;
  /** The drop-in script to load. */
  js_url: string;
}

/** A client session's links. */
export interface ClientSessionLinks {
  /** This resource. */
  self: Link;
  /** SUBMITTED sessions whose payment holds no money (the samples show none at creation; CREATED sessions abort too). */
  abort?: Link;
  /** SUBMITTED sessions: their payment. */
  payment?: Link;
  /** HOSTED_PAGE sessions: where to send the shopper. Check its origin before navigating. */
  hosted_page?: Link;
}

/** A client session, as create, get and abort return it. */
export interface ClientSession {
  /** Purse's id of it. */
  id: string;
  /** The merchant entity at Purse. */
  entity_id: string;
  /** The status. */
  status: ClientSessionStatus;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** MANUAL (capture later) or AUTOMATIC. */
  capture_mode: CaptureMode;
  /** EMBEDDED (drop-in) or HOSTED_PAGE. */
  integration_mode: IntegrationMode;
  /** The payment method may be saved for later payments. */
  allow_future_usage?: boolean;
  /** Where Purse sends the shopper back, with purse-redirection-data. */
  shopper_redirection_url?: string;
  /** The order. */
  order: PaymentOrder;
  /** The customer. */
  customer?: PaymentCustomer;
  /** ISO 8601 date-time with offset. */
  expires_at: string;
  /** Present for EMBEDDED sessions. */
  widget?: ClientSessionWidget;
  /** The payment methods Purse offers. */
  eligible_solutions?: EligibleSolution[];
  /** Links to related resources and actions. */
  links: ClientSessionLinks;
  /** Once the shopper submitted a payment. */
  payment_id?: string;
}

/** POST /payment/v2/client-sessions/{id}/abort */
export interface AbortClientSessionRequest {
  /** The status. */
  status: ClientSessionAbortStatus;
}

// ── Eligible solutions, auth, signing ───────────────────────────────────────────────────────────────────────────

/** POST /payment/v2/eligible-solutions */
export interface EligibleSolutionsRequest {
  /** The merchant entity at Purse. */
  entity_id: string;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** The order. */
  order: PaymentOrder;
  /** The customer. */
  customer?: PaymentCustomer;
  /** The payment method may be saved for later payments. */
  allow_future_usage?: boolean;
}

/** The eligible methods. */
export interface EligibleSolutionsResponse {
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** The payment methods Purse offers. */
  eligible_solutions: EligibleSolution[];
}

/** OAuth2 client-credentials token response. */
export interface OAuthTokenResponse {
  /** The bearer token. */
  access_token: string;
  /** Always Bearer. */
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
  /** Only when a scope was requested: the scope granted. */
  scope?: string;
}

/**
 * The header carrying the merchant's API key, for the endpoints the reference marks `api_key` (the signing JWKS; create
 * payment lists it beside OAuth2). The reference does not name the header; `x-api-key` is the usual one.
 */
export const API_KEY_HEADER = 'x-api-key';

/** An RSA public key of GET /payment/v2/signing-jwks. The sample shows a numeric `kid`: compare as strings. */
export interface SigningJwk {
  /** Key type. */
  kty: 'RSA';
  /** Key id, matched against the token header. */
  kid: string | number;
  /** RSA modulus (base64url). */
  n: string;
  /** RSA exponent (base64url). */
  e: string;
  /** Algorithm (RS256). */
  alg?: string;
  /** Key use ("sig"). */
  use?: string;
}

/** GET /signing-jwks. */
export interface SigningJwks {
  /** The signing keys. */
  keys: SigningJwk[];
}

/** Query parameter carrying the signed redirect token on `shopper_redirection_url`. */
export const REDIRECTION_PARAM = 'purse-redirection-data';

/**
 * Query parameter naming a client session on the return page, where the kit sends a shopper whose session can no longer
 * be paid (PurseCheckout's `closed`): PaymentStatus follows that session (the merchant server checks it is the
 * shopper's). Not Purse's: the kit's own.
 */
export const SESSION_PARAM = 'purse-client-session-id';

/** Payload of the `purse-redirection-data` JWS (RS256). Trust it only after server-side verification. */
export interface RedirectTokenClaims {
  /** The client session. */
  client_session_id: string;
  /** The payment made, if any. */
  payment_id: string;
  /** The payment's authorization status. */
  authorization_status: AuthorizationStatus;
  /** The client session's status. */
  client_session_status: ClientSessionStatus;
  /** Expiry (seconds since epoch). */
  exp?: number;
  /** Issued at (seconds since epoch). */
  iat?: number;
}
