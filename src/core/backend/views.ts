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
  /** EMBEDDED (the drop-in) or HOSTED_PAGE; the merchant handler refuses a mode it does not allow. */
  integration_mode?: IntegrationMode;
  /** Names the cart/order for the merchant's `resolveOrder`; never trusted for amounts. */
  order_reference?: string;
  /**
   * The shopper's language as a BCP 47 language-region tag ("fr-FR"). The handler passes it to `resolveOrder` and sends
   * it as the session's `customer.locale` (unless `resolveOrder` set one): the language of Widget v3 and the hosted page.
   * `PurseCheckout` fills it from the provider's locale.
   */
  locale?: string;
}

/** A Purse client session as the browser gets it: enough to mount the drop-in or send the shopper to the hosted page. */
export interface CheckoutSession {
  /** The client session id. */
  id: string;
  /** CREATED until a payment is submitted; ABORTED_BY_* when cancelled. */
  status: ClientSessionStatus;
  /** How the shopper pays: the drop-in in the page, or Purse's hosted page. */
  integration_mode: IntegrationMode;
  /** The order total in the currency's minor units, decided by the merchant server. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** ISO 8601 date-time. */
  expires_at: string;
  /**
   * Past `expires_at` by the merchant server's clock with no payment in it: it can no longer be paid (Purse keeps it
   * CREATED). `createMerchantHandler` sets it; without it, the status page judges by the shopper's clock.
   */
  expired?: boolean;
  /**
   * How long the session had left (ms; 0 once past `expires_at`) by the merchant server's clock when it answered. The
   * checkout's expiry timer counts it from the answer's arrival, so a shopper's clock that is off moves nothing.
   * `createMerchantHandler` sets it; without it, the checkout reads `expires_at` by the shopper's clock.
   */
  expires_in_ms?: number;
  /** EMBEDDED sessions. */
  widget?: { data: string; js_url: string };
  /** HOSTED_PAGE sessions: where to send the shopper (check its origin first). */
  hosted_page_url?: string;
  /** The payment methods Purse offers for this session. */
  eligible_solutions: EligibleSolution[];
  /** Set once a payment was made on the session. */
  payment_id?: string;
  /** The shop's return page, where Purse sends the shopper after paying (and the kit, to a closed session's status). */
  shopper_redirection_url?: string;
}

/** A payment as the shopper may see it. */
export interface ShopperPayment {
  /** The payment id (the reference the shopper may quote). */
  id: string;
  /** The client session the payment was made on. */
  client_session_id?: string;
  /** The payment link the payment was made through. */
  payment_link_id?: string;
  /** The amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** AUTHORIZED, PENDING, REFUSED… as Purse reports it. */
  authorization_status: AuthorizationStatus;
  /** How much of the authorization was consumed, captured, voided and refunded. */
  overview: { consumed?: OverviewStatus; captured: OverviewStatus; voided: OverviewStatus; refunded: OverviewStatus };
  /** Totals in minor units. */
  amounts: {
    authorize_pending: MinorUnits;
    total_authorized: MinorUnits;
    total_captured: MinorUnits;
    total_refunded: MinorUnits;
    total_voided: MinorUnits;
  };
  /** How the amount was paid: method ("creditcard"…), partner and amount of each part. */
  split: { method: string; partner: string; amount: MinorUnits }[];
  /** The card's network and last four digits (never the BIN or the holder). */
  card?: { brand?: string; last_four?: string };
  /** ISO 8601 date-time. */
  created_at?: string;
  /** The payment's life, oldest first: its authorization, then each capture, refund and void (see `paymentTimeline`). */
  timeline?: PaymentTimelineEvent[];
}

/** What happened to a payment at one moment: the authorization's outcome, or one capture, refund or void. */
export type PaymentTimelineKind = 'authorized' | 'pending' | 'refused' | 'failed' | 'captured' | 'refunded' | 'voided';

/** One step of a payment's life. */
export interface PaymentTimelineEvent {
  /** What happened. */
  kind: PaymentTimelineKind;
  /** The amount it concerned, in the currency's minor units. */
  amount: MinorUnits;
  /** When (ISO 8601), when known. */
  at?: string;
}

/** The verified content of `purse-redirection-data`, confirmed against Purse. */
export interface VerifiedRedirect {
  /** The client session the shopper comes back from. */
  client_session_id: string;
  /** Its status, read from Purse (not from the token). */
  client_session_status: ClientSessionStatus;
  /** The payment made on it, if any. */
  payment_id?: string;
  /** From Purse (getPayment), not from the token. */
  payment?: ShopperPayment;
}

/** A payment link as the shopper may see it. */
export interface ShopperPaymentLink {
  /** The payment link id. */
  id: string;
  /** CREATED, OPENED, PAID, CANCELLED; EXPIRED when the merchant handler's clock passed `expires_at`. */
  status: PaymentLinkStatus | 'EXPIRED';
  /** The amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** ISO 8601 date-time. */
  expires_at?: string;
  /** The attempts made through the link, oldest first. */
  payments: { id: string; authorization_status: AuthorizationStatus }[];
}
