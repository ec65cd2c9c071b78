// What the browser and the merchant handler exchange about checkout and payment status. Shopper-safe views: enough to
// mount the drop-in, redirect, or show a status; no customer data, no partner internals.
import type {
  AuthorizationStatus,
  ClientSessionStatus,
  Currency,
  EligibleSolution,
  IntegrationMode,
  MinorUnits,
  OverviewStatus,
  PaymentLinkStatus,
} from '../wire/payment.ts';

/** The browser may only choose among what the merchant allows; amounts and the order come from the server. */
export interface CheckoutSessionRequest {
  integration_mode?: IntegrationMode;
  /** Names the cart/order for the merchant's `resolveOrder`; never trusted for amounts. */
  order_reference?: string;
}

export interface CheckoutSession {
  id: string;
  status: ClientSessionStatus;
  integration_mode: IntegrationMode;
  amount: MinorUnits;
  currency: Currency;
  /** ISO 8601 date-time. */
  expires_at: string;
  /** EMBEDDED sessions. */
  widget?: { data: string; js_url: string };
  /** HOSTED_PAGE sessions: where to send the shopper (check its origin first). */
  hosted_page_url?: string;
  eligible_solutions: EligibleSolution[];
  payment_id?: string;
}

/** A payment as the shopper may see it. */
export interface ShopperPayment {
  id: string;
  client_session_id?: string;
  payment_link_id?: string;
  amount: MinorUnits;
  currency: Currency;
  authorization_status: AuthorizationStatus;
  overview: { consumed?: OverviewStatus; captured: OverviewStatus; voided: OverviewStatus; refunded: OverviewStatus };
  amounts: {
    authorize_pending: MinorUnits;
    total_authorized: MinorUnits;
    total_captured: MinorUnits;
    total_refunded: MinorUnits;
    total_voided: MinorUnits;
  };
  split: { method: string; partner: string; amount: MinorUnits }[];
  card?: { brand?: string; last_four?: string };
  created_at?: string;
}

/** The verified content of `purse-redirection-data`, confirmed against Purse. */
export interface VerifiedRedirect {
  client_session_id: string;
  client_session_status: ClientSessionStatus;
  payment_id?: string;
  /** From Purse (getPayment), not from the token. */
  payment?: ShopperPayment;
}

export interface ShopperPaymentLink {
  id: string;
  status: PaymentLinkStatus | 'EXPIRED';
  amount: MinorUnits;
  currency: Currency;
  expires_at?: string;
  payments: { id: string; authorization_status: AuthorizationStatus }[];
}
