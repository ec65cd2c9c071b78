import type { DepositPageRequest, ShopperDepositPage, ShopperPurse } from './customer-purse.ts';
import type { CheckoutSession, CheckoutSessionRequest, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from './views.ts';
import type { EligibleSolution } from '../wire/payment.ts';
import type { XcoExistsResponse, XcoIdentifier, XcoUser, XcoVerifyResponse } from '../wire/xco.ts';

/** Options every adapter call accepts. */
export interface CallOptions {
  /** Aborts the call at once: it rejects with an `AbortError` (never a `PurseKitError`). */
  signal?: AbortSignal;
  /**
   * Identifies one intent of the shopper (one click). A retried request reuses it, so the merchant handler and Purse
   * perform the side effect once. Adapters generate one when absent.
   */
  idempotencyKey?: string;
}

/** What the browser sends to create an XCO user. The customer reference is the merchant server's business. */
export interface CreateUserInput {
  /** The new shopper's profile; `email` is required by Purse. */
  user: XcoUser;
}

/** What the browser sends to verify a one-time code. */
export interface VerifyInput {
  /** The email or phone number the code was sent to. */
  identifier: XcoIdentifier;
  /** The code as the shopper typed it (digits only). */
  verification_code: string;
}

/** What the browser sends to link a verified XCO account to the merchant's customer. */
export interface ConsentInput {
  /** The identifier the code was verified for. */
  identifier: XcoIdentifier;
  /** From the verification's answer: accepted once, for that identifier only. */
  consent_challenge_id: string;
}

/**
 * The pluggable merchant backend: everything the components need from the merchant's server. Implement it over your
 * own API, or use `createHttpBackend` to speak to `createMerchantHandler`. Methods reject with `PurseKitFailure`.
 */
export interface MerchantBackend {
  // XCO signup
  /** Whether an XCO account exists for the email or phone number. */
  checkUser(identifier: XcoIdentifier, options?: CallOptions): Promise<XcoExistsResponse>;
  /** Creates the XCO account of a new shopper (for the signed-in customer). */
  createUser(input: CreateUserInput, options?: CallOptions): Promise<{ user: XcoUser }>;
  /** Sends a one-time code to an existing shopper (a resend replaces the previous code). */
  startPasswordless(identifier: XcoIdentifier, options?: CallOptions): Promise<void>;
  /** Checks a one-time code; answers the XCO user and a consent challenge. */
  verifyPasswordless(input: VerifyInput, options?: CallOptions): Promise<XcoVerifyResponse>;
  /** Links the verified XCO account to the signed-in customer. */
  createConsent(input: ConsentInput, options?: CallOptions): Promise<void>;
  /** The XCO user linked to the signed-in customer. */
  getUser(options?: CallOptions): Promise<XcoUser>;

  // Checkout
  /** Creates the Purse client session for the shopper's current order (amounts decided by the merchant server). */
  createSession(input: CheckoutSessionRequest, options?: CallOptions): Promise<CheckoutSession>;
  /** A client session this merchant created for the same customer. */
  getSession(id: string, options?: CallOptions): Promise<CheckoutSession>;
  /** The shopper cancelled: ABORTED_BY_CUSTOMER. */
  abortSession(id: string, options?: CallOptions): Promise<CheckoutSession>;
  /** The payment methods Purse offers for the order (shown while the session is created). */
  getEligibleSolutions(input: Pick<CheckoutSessionRequest, 'order_reference'>, options?: CallOptions): Promise<EligibleSolution[]>;

  // Payment status
  /** Verifies `purse-redirection-data` server-side and confirms it against Purse. */
  verifyRedirect(token: string, options?: CallOptions): Promise<VerifiedRedirect>;
  /** A payment as the shopper may see it, read from Purse. */
  getPayment(id: string, options?: CallOptions): Promise<ShopperPayment>;
  /** A payment link as the shopper may see it, read from Purse. */
  getPaymentLink(id: string, options?: CallOptions): Promise<ShopperPaymentLink>;

  // Customer Purse (deposits): always the signed-in customer's own, decided by the merchant server.
  getCustomerPurse(options?: CallOptions): Promise<ShopperPurse>;
  getCustomerPurseTransactions(input: DepositPageRequest, options?: CallOptions): Promise<ShopperDepositPage>;
}
