import type { DepositPageRequest, ShopperDepositPage, ShopperPurse } from './customer-purse.ts';
import type { CheckoutSession, CheckoutSessionRequest, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from './views.ts';
import type { EligibleSolution } from '../wire/payment.ts';
import type { XcoExistsResponse, XcoIdentifier, XcoUser, XcoVerifyResponse } from '../wire/xco.ts';

/** Options every adapter call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Identifies one intent of the shopper (one click). A retried request reuses it, so the merchant handler and Purse
   * perform the side effect once. Adapters generate one when absent.
   */
  idempotencyKey?: string;
}

/** What the browser sends to create an XCO user. The customer reference is the merchant server's business. */
export interface CreateUserInput {
  user: XcoUser;
}

export interface VerifyInput {
  identifier: XcoIdentifier;
  verification_code: string;
}

export interface ConsentInput {
  identifier: XcoIdentifier;
  consent_challenge_id: string;
}

/**
 * The pluggable merchant backend: everything the components need from the merchant's server. Implement it over your
 * own API, or use `createHttpBackend` to speak to `createMerchantHandler`. Methods reject with `PurseKitFailure`.
 */
export interface MerchantBackend {
  // XCO signup
  checkUser(identifier: XcoIdentifier, options?: CallOptions): Promise<XcoExistsResponse>;
  createUser(input: CreateUserInput, options?: CallOptions): Promise<{ user: XcoUser }>;
  startPasswordless(identifier: XcoIdentifier, options?: CallOptions): Promise<void>;
  verifyPasswordless(input: VerifyInput, options?: CallOptions): Promise<XcoVerifyResponse>;
  createConsent(input: ConsentInput, options?: CallOptions): Promise<void>;
  /** The XCO user linked to the signed-in customer. */
  getUser(options?: CallOptions): Promise<XcoUser>;

  // Checkout
  /** Creates the Purse client session for the shopper's current order (amounts decided by the merchant server). */
  createSession(input: CheckoutSessionRequest, options?: CallOptions): Promise<CheckoutSession>;
  getSession(id: string, options?: CallOptions): Promise<CheckoutSession>;
  /** The shopper cancelled: ABORTED_BY_CUSTOMER. */
  abortSession(id: string, options?: CallOptions): Promise<CheckoutSession>;
  getEligibleSolutions(input: Pick<CheckoutSessionRequest, 'order_reference'>, options?: CallOptions): Promise<EligibleSolution[]>;

  // Payment status
  /** Verifies `purse-redirection-data` server-side and confirms it against Purse. */
  verifyRedirect(token: string, options?: CallOptions): Promise<VerifiedRedirect>;
  getPayment(id: string, options?: CallOptions): Promise<ShopperPayment>;
  getPaymentLink(id: string, options?: CallOptions): Promise<ShopperPaymentLink>;

  // Customer Purse (deposits): always the signed-in customer's own, decided by the merchant server.
  getCustomerPurse(options?: CallOptions): Promise<ShopperPurse>;
  getCustomerPurseTransactions(input: DepositPageRequest, options?: CallOptions): Promise<ShopperDepositPage>;
}
