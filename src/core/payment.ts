// Payment API v2 wire types, part 2: client sessions, payments, payment links, eligible solutions, signing keys and
// the redirect token (snake_case, as in purse-docs/payment-api-v2-reference.txt and the samples). The order and
// customer objects are in payment-order.ts.
import type {
  BrowserInfo,
  MinorUnits,
  OpenEnum,
  PaymentCustomer,
  PaymentOperationOrder,
  PaymentOrder,
} from './payment-order.ts';

export * from './payment-order.ts';

/** ISO 4217 codes the Payment API accepts. */
export const CURRENCIES = ['CHF', 'EUR', 'GBP', 'JPY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** MANUAL (default): the merchant captures later. AUTOMATIC: captured at authorization. */
export const CAPTURE_MODES = ['MANUAL', 'AUTOMATIC'] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

/** EMBEDDED (default): the merchant mounts the drop-in. HOSTED_PAGE: the shopper goes to `links.hosted_page`. */
export const INTEGRATION_MODES = ['EMBEDDED', 'HOSTED_PAGE'] as const;
export type IntegrationMode = (typeof INTEGRATION_MODES)[number];

export const CLIENT_SESSION_STATUSES = ['CREATED', 'SUBMITTED', 'ABORTED_BY_CUSTOMER', 'ABORTED_BY_MERCHANT'] as const;
export type ClientSessionStatus = (typeof CLIENT_SESSION_STATUSES)[number];
export type ClientSessionAbortStatus = Extract<ClientSessionStatus, `ABORTED_${string}`>;

export const AUTHORIZATION_STATUSES = ['AUTHORIZED', 'PENDING', 'ERROR', 'ABORTED', 'REFUSED'] as const;
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
  partner: string;
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

// ── Payments ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PaymentAmounts {
  authorize_pending: MinorUnits;
  total_authorized: MinorUnits;
  total_voided: MinorUnits;
  available_to_void: MinorUnits;
  total_captured: MinorUnits;
  available_to_capture: MinorUnits;
  total_refunded: MinorUnits;
  available_to_refund: MinorUnits;
}

export interface PaymentOverview {
  consumed: OverviewStatus;
  captured: OverviewStatus;
  voided: OverviewStatus;
  refunded: OverviewStatus;
}

/** One part of a payment split over partners; `parent_*` reuse an earlier authorization. */
export interface PaymentSplit {
  amount: MinorUnits;
  partner?: string;
  method?: string;
  parent_payment_id?: string;
  parent_partner_transaction_id?: string;
  parent_partner_token?: string;
  parent_partner_reference?: string | number;
}

export interface CardThreeDs {
  eci?: string;
  flow?: OpenEnum<'CHALLENGE' | 'FRICTIONLESS'>;
  version?: string;
  acs_transaction_id?: string;
  ds_transaction_id?: string;
}

export interface PaymentCard {
  bin: string;
  last_four_digits: string;
  holder_name?: string;
  /** "01" */
  expiry_month?: string;
  /** Two digits ("24"). */
  expiry_year?: string;
  country_code?: string;
  fingerprint?: string;
  selected_network?: OpenEnum<'VISA' | 'MASTERCARD' | 'CB' | 'AMEX'>;
  three_ds?: CardThreeDs;
}

/** One partner's part of an authorization or operation. */
export interface PartnerTransaction {
  id: string;
  created_at: string;
  updated_at: string;
  /** AuthorizationStatus for authorizations, "SUCCESS"… for operations. */
  status: OpenEnum<AuthorizationStatus | 'SUCCESS'>;
  amount: MinorUnits;
  partner: string;
  method: string;
  partner_reference?: string;
  partner_status?: string;
  partner_status_description?: string;
  partner_token?: string;
  partner_additional_data?: Record<string, unknown>;
  remaining_amount?: MinorUnits;
  save_token?: boolean;
  token_saved?: boolean;
  card?: PaymentCard;
}

export interface PaymentAuthorization {
  status: AuthorizationStatus;
  updated_at?: string;
  partner_transactions: PartnerTransaction[];
}

/** A capture, void or refund. */
export interface PaymentOperation {
  id: string;
  amount: MinorUnits;
  created_at: string;
  updated_at?: string;
  triggered_by?: OpenEnum<'MERCHANT'>;
  merchant_reference?: string;
  status: OpenEnum<'SUCCESS'>;
  partner_transactions: PartnerTransaction[];
  order?: PaymentOperationOrder;
}

export interface PaymentLinks {
  self: Link;
  capture?: Link;
  refund?: Link;
  void?: Link;
}

/** GET /payment/v2/payments/{id}; also the webhook body and what capture/refund/void return. */
export interface Payment {
  id: string;
  created_at: string;
  /** Increases with every change. */
  version: number;
  entity_id: string;
  amount: MinorUnits;
  currency: Currency;
  capture_mode: CaptureMode;
  allow_future_usage?: boolean;
  client_session_id?: string;
  payment_link_id?: string;
  order_reference?: string;
  order?: PaymentOrder;
  customer?: PaymentCustomer;
  amounts: PaymentAmounts;
  overview: PaymentOverview;
  browser?: BrowserInfo;
  split?: PaymentSplit[];
  authorization: PaymentAuthorization;
  authentication?: Record<string, unknown>;
  captures: PaymentOperation[];
  voids: PaymentOperation[];
  refunds: PaymentOperation[];
  links: PaymentLinks;
  webhook?: Webhook;
  /** Where the shopper must go to finish (e.g. a 3DS challenge on the hosted page). */
  redirection?: Link;
}

/** POST /payment/v2/payments (server-to-server payment, without a client session). */
export interface CreatePaymentRequest {
  entity_id: string;
  amount: MinorUnits;
  currency: Currency;
  shopper_redirection_url?: string;
  capture_mode?: CaptureMode;
  order: PaymentOrder;
  customer?: PaymentCustomer;
  webhook?: Webhook;
  browser?: BrowserInfo;
  allow_future_usage?: boolean;
  split?: PaymentSplit[];
}

/** POST /payment/v2/payments/{id}/captures | /refunds | /voids */
export interface PaymentOperationRequest {
  /** > 0. */
  amount: MinorUnits;
  order?: PaymentOperationOrder;
  merchant_reference?: string;
}

// ── Payment links ───────────────────────────────────────────────────────────────────────────────────────────────

export type PaymentLinkStatus = OpenEnum<'CREATED' | 'OPENED' | 'PAID' | 'CANCELLED'>;

/** POST /payment/v2/payment-links */
export interface CreatePaymentLinkRequest extends Omit<CreateClientSessionRequest, 'integration_mode'> {
  /** After this date-time the link no longer works. */
  expires_at: string;
}

export interface PaymentLink {
  id: string;
  version: number;
  entity_id: string;
  status: PaymentLinkStatus;
  amount: MinorUnits;
  currency: Currency;
  capture_mode: CaptureMode;
  shopper_redirection_url?: string;
  expires_at: string;
  order: PaymentOrder;
  customer?: PaymentCustomer;
  allow_future_usage?: boolean;
  links: { self: Link; customer_url: Link; cancel?: Link };
  payments: { id: string; authorization_status: AuthorizationStatus }[];
  client_sessions: { id: string; status: ClientSessionStatus }[];
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
