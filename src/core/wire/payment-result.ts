// Payment API v2 wire types, part 3: payments (authorization, captures, voids, refunds) and payment links. Exported
// through payment.ts.
import type {
  AuthorizationStatus,
  CaptureMode,
  ClientSessionStatus,
  CreateClientSessionRequest,
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

export interface PaymentAmounts {
  /** Absent from some responses (the capture sample). */
  authorize_pending?: MinorUnits;
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

/** EXPIRED: past `expires_at` without being paid or cancelled (the mock reports it; Purse's docs do not list it). */
export type PaymentLinkStatus = OpenEnum<'CREATED' | 'OPENED' | 'PAID' | 'CANCELLED' | 'EXPIRED'>;

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
