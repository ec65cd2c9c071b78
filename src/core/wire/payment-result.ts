// Payment API v2 wire types, part 3: payments (authorization, captures, voids, refunds). Exported through payment.ts.
import type {
  AuthorizationStatus,
  CaptureMode,
  Currency,
  Link,
  OverviewStatus,
  Webhook,
} from './payment-session.ts';
import type {
  BrowserInfo,
  MinorUnits,
  OpenEnum,
  PaymentCustomer,
  PaymentOperationOrder,
  PaymentOrder,
} from './payment-order.ts';

// ── Payments ────────────────────────────────────────────────────────────────────────────────────────────────────

/** A payment's totals, in minor units. */
export interface PaymentAmounts {
  /** Absent from some responses (the capture sample). */
  authorize_pending?: MinorUnits;
  /** Authorized in total. */
  total_authorized: MinorUnits;
  /** Voided in total. */
  total_voided: MinorUnits;
  /** What can still be voided. */
  available_to_void: MinorUnits;
  /** Captured in total. */
  total_captured: MinorUnits;
  /** What can still be captured. */
  available_to_capture: MinorUnits;
  /** Refunded in total. */
  total_refunded: MinorUnits;
  /** What can still be refunded. */
  available_to_refund: MinorUnits;
}

/** What happened to an authorization. */
export interface PaymentOverview {
  /** How much of the authorization was used. */
  consumed: OverviewStatus;
  /** How much was captured. */
  captured: OverviewStatus;
  /** How much was voided. */
  voided: OverviewStatus;
  /** How much was refunded. */
  refunded: OverviewStatus;
}

/** One part of a payment split over partners; `parent_*` reuse an earlier authorization. */
export interface PaymentSplit {
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** The payment partner. */
  partner?: string;
  /** The payment method ("creditcard"…). */
  method?: string;
  /** The earlier payment whose authorization is reused. */
  parent_payment_id?: string;
  /** The earlier partner transaction reused. */
  parent_partner_transaction_id?: string;
  /** The earlier partner token reused. */
  parent_partner_token?: string;
  /** The earlier partner reference reused. */
  parent_partner_reference?: string | number;
}

/** 3DS results of a card payment. */
export interface CardThreeDs {
  /** Electronic Commerce Indicator. */
  eci?: string;
  /** Challenge or frictionless. */
  flow?: OpenEnum<'CHALLENGE' | 'FRICTIONLESS'>;
  /** Version. */
  version?: string;
  /** The issuer ACS's transaction id. */
  acs_transaction_id?: string;
  /** The directory server's transaction id. */
  ds_transaction_id?: string;
}

/** The card of a payment. */
export interface PaymentCard {
  /** First digits of the card (never shown to shoppers). */
  bin: string;
  /** Last four digits of the card. */
  last_four_digits: string;
  /** Cardholder name. */
  holder_name?: string;
  /** "01" */
  expiry_month?: string;
  /** Two digits ("24"). */
  expiry_year?: string;
  /** ISO 3166-1 alpha-2. */
  country_code?: string;
  /** Identifies the card across payments. */
  fingerprint?: string;
  /** The card network used. */
  selected_network?: OpenEnum<'VISA' | 'MASTERCARD' | 'CB' | 'AMEX'>;
  /** 3DS results. */
  three_ds?: CardThreeDs;
}

/** One partner's part of an authorization or operation. */
export interface PartnerTransaction {
  /** Purse's id of it. */
  id: string;
  /** When it was created (ISO 8601). */
  created_at: string;
  /** When it last changed (ISO 8601). */
  updated_at: string;
  /** AuthorizationStatus for authorizations, "SUCCESS"… for operations. */
  status: OpenEnum<AuthorizationStatus | 'SUCCESS'>;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** The payment partner. */
  partner: string;
  /** The payment method ("creditcard"…). */
  method: string;
  /** The partner's reference. */
  partner_reference?: string;
  /** The partner's status. */
  partner_status?: string;
  /** The partner's status, in words. */
  partner_status_description?: string;
  /** The partner's token for the payment method (a secret of the merchant's server: never show it to shoppers). */
  partner_token?: string;
  /** Partner-specific data, free-form (e.g. `{ "opc": "3x002" }` in the samples). */
  partner_additional_data?: Record<string, unknown>;
  /**
   * What is left, in minor units: on an authorization's part, what can still be captured or voided from it; on an
   * operation's part, what its authorization part still allows after this operation.
   */
  remaining_amount?: MinorUnits;
  /** The payment method is to be saved for later payments (asked through `allow_future_usage`). */
  save_token?: boolean;
  /** The payment method was saved. */
  token_saved?: boolean;
  /** The card used (holder name and fingerprint are personal data: never show them to shoppers). */
  card?: PaymentCard;
}

/** A payment's authorization. */
export interface PaymentAuthorization {
  /** The status. */
  status: AuthorizationStatus;
  /** When it last changed (ISO 8601). */
  updated_at?: string;
  /** Each partner's part. */
  partner_transactions: PartnerTransaction[];
}

/** A capture, void or refund. */
export interface PaymentOperation {
  /** Purse's id of it. */
  id: string;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** When it was created (ISO 8601). */
  created_at: string;
  /** When it last changed (ISO 8601). */
  updated_at?: string;
  /** Who triggered the operation. */
  triggered_by?: OpenEnum<'MERCHANT'>;
  /** The merchant's reference of the operation. */
  merchant_reference?: string;
  /** The status. */
  status: OpenEnum<'SUCCESS'>;
  /** Each partner's part. */
  partner_transactions: PartnerTransaction[];
  /** The order. */
  order?: PaymentOperationOrder;
}

/** A payment's links. */
export interface PaymentLinks {
  /** This resource. */
  self: Link;
  /** Captures the payment. */
  capture?: Link;
  /** Refunds the payment. */
  refund?: Link;
  /** Voids the payment. */
  void?: Link;
}

/**
 * GET /payment/v2/payments/{id}; also the webhook body and what create, capture, refund and void return (a
 * server-to-server payment has a `client_session_id` too).
 */
export interface Payment {
  /** Purse's id of it. */
  id: string;
  /** When it was created (ISO 8601). */
  created_at: string;
  /** Increases with every change. */
  version: number;
  /** The merchant entity at Purse. */
  entity_id: string;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** MANUAL (capture later) or AUTOMATIC. */
  capture_mode: CaptureMode;
  /** The payment method may be saved for later payments. */
  allow_future_usage?: boolean;
  /** The client session. */
  client_session_id?: string;
  /** The payment link. */
  payment_link_id?: string;
  /** The merchant's order reference. */
  order_reference?: string;
  /** The order. */
  order?: PaymentOrder;
  /** The customer. */
  customer?: PaymentCustomer;
  /** Totals in minor units. */
  amounts: PaymentAmounts;
  /** What happened to the authorization. */
  overview: PaymentOverview;
  /** Browser information for 3DS. */
  browser?: BrowserInfo;
  /** How the amount is split over partners. */
  split?: PaymentSplit[];
  /** The authorization and its partner transactions. */
  authorization: PaymentAuthorization;
  /**
   * How the shopper was authenticated (capture, refund and void answers). Its fields are not published; the mock
   * gives the card's 3DS result (`method`, `eci`, `version`, `flow`, transaction ids).
   */
  authentication?: Record<string, unknown>;
  /** Captures so far. */
  captures: PaymentOperation[];
  /** Voids so far. */
  voids: PaymentOperation[];
  /** Refunds so far. */
  refunds: PaymentOperation[];
  /** Links to related resources and actions. */
  links: PaymentLinks;
  /** Where Purse posts payment events. */
  webhook?: Webhook;
  /** Where the shopper must go to act on the payment (the hosted page of its session); in capture, refund and void answers. */
  redirection?: Link;
}

/** POST /payment/v2/payments (server-to-server payment, without a client session). */
export interface CreatePaymentRequest {
  /** The merchant entity at Purse. */
  entity_id: string;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** Where Purse sends the shopper back, with purse-redirection-data. */
  shopper_redirection_url?: string;
  /** MANUAL (capture later) or AUTOMATIC. */
  capture_mode?: CaptureMode;
  /** The order. */
  order: PaymentOrder;
  /** The customer. */
  customer?: PaymentCustomer;
  /** Where Purse posts payment events. */
  webhook?: Webhook;
  /** Browser information for 3DS. */
  browser?: BrowserInfo;
  /** The payment method may be saved for later payments. */
  allow_future_usage?: boolean;
  /** How the amount is split over partners. */
  split?: PaymentSplit[];
}

/** POST /payment/v2/payments/{id}/captures | /refunds | /voids */
export interface PaymentOperationRequest {
  /** > 0. */
  amount: MinorUnits;
  /** The order. */
  order?: PaymentOperationOrder;
  /** The merchant's reference of the operation. */
  merchant_reference?: string;
}
