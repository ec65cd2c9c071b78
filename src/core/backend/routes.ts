// The HTTP contract between createHttpBackend (browser) and createMerchantHandler (server): paths relative to the
// handler's base URL. Bodies are the MerchantBackend inputs as JSON; errors are application/problem+json.
import * as paths from './route-paths.ts';

/** The HTTP contract of `createMerchantHandler`: each `MerchantBackend` method → method and path under the base URL. */
export const routes = {
  /** GET ?email=… | ?phone_number=… → XcoExistsResponse */
  checkUser: paths.CHECK_USER,
  /** POST CreateUserInput → { user } (201) */
  createUser: paths.CREATE_USER,
  /** POST XcoIdentifier → 204 */
  startPasswordless: paths.START_PASSWORDLESS,
  /** POST VerifyInput → XcoVerifyResponse */
  verifyPasswordless: paths.VERIFY_PASSWORDLESS,
  /** POST ConsentInput → 204 */
  createConsent: paths.CREATE_CONSENT,
  /** GET → XcoUser of the signed-in customer */
  getUser: paths.GET_USER,

  /** POST CheckoutSessionRequest → CheckoutSession (201) */
  createSession: paths.CREATE_SESSION,
  /** GET → CheckoutSession; POST …/abort → CheckoutSession (ABORTED_BY_CUSTOMER, or ABORTED_BY_MERCHANT when aborted already). Suffix the session id. */
  session: paths.SESSION,
  /** POST { order_reference? } → { eligible_solutions } */
  eligibleSolutions: paths.ELIGIBLE_SOLUTIONS,
  /** POST { token } → VerifiedRedirect */
  verifyRedirect: paths.VERIFY_REDIRECT,
  /** GET → ShopperPayment. Suffix the payment id. */
  payment: paths.PAYMENT,
  /** GET → ShopperPaymentLink. Suffix the payment link id. */
  paymentLink: paths.PAYMENT_LINK,

  /** GET → ShopperPurse of the signed-in customer (deposit addresses; none while blocked) */
  customerPurse: paths.CUSTOMER_PURSE,
  /** GET ?page=0&size=10 → ShopperDepositPage of the signed-in customer, newest first */
  customerPurseTransactions: paths.CUSTOMER_PURSE_TRANSACTIONS,
} as const;

/** Header carrying the shopper's intent key on POSTs; the handler replays the first answer for a repeated key. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
