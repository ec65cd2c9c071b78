// Payment API v2 wire types, part 4: payment links. Exported through payment.ts.
import type { MinorUnits, OpenEnum, PaymentCustomer, PaymentOrder } from './payment-order.ts';
import type {
  AuthorizationStatus,
  CaptureMode,
  ClientSessionStatus,
  CreateClientSessionRequest,
  Currency,
  Link,
} from './payment-session.ts';

/** EXPIRED: past `expires_at` without being paid or cancelled (the mock reports it; Purse's docs do not list it). */
export type PaymentLinkStatus = OpenEnum<'CREATED' | 'OPENED' | 'PAID' | 'CANCELLED' | 'EXPIRED'>;

/** POST /payment/v2/payment-links */
export interface CreatePaymentLinkRequest extends Omit<CreateClientSessionRequest, 'integration_mode'> {
  /** After this date-time the link no longer works. */
  expires_at: string;
}

/** A Purse payment link. */
export interface PaymentLink {
  /** Purse's id of it. */
  id: string;
  /** Version. */
  version: number;
  /** The merchant entity at Purse. */
  entity_id: string;
  /** The status. */
  status: PaymentLinkStatus;
  /** Amount in the currency's minor units. */
  amount: MinorUnits;
  /** ISO 4217 code. */
  currency: Currency;
  /** MANUAL (capture later) or AUTOMATIC. */
  capture_mode: CaptureMode;
  /** Where Purse sends the shopper back, with purse-redirection-data. */
  shopper_redirection_url?: string;
  /** When it expires (ISO 8601). */
  expires_at: string;
  /** The order. */
  order: PaymentOrder;
  /** The customer. */
  customer?: PaymentCustomer;
  /** The payment method may be saved for later payments. */
  allow_future_usage?: boolean;
  /** Links to related resources and actions; the samples show `cancel` in every status (it fails once paid or cancelled). */
  links: { self: Link; customer_url: Link; cancel?: Link };
  /** Payments made through it. */
  payments: { id: string; authorization_status: AuthorizationStatus }[];
  /** The same attempts, under the name of the reference's Get sample. */
  payment_attempts?: { id: string; authorization_status: AuthorizationStatus }[];
  /** Client sessions opened through it. */
  client_sessions: { id: string; status: ClientSessionStatus }[];
}
