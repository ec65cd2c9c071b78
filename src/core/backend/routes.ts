// The HTTP contract between createHttpBackend (browser) and createMerchantHandler (server): paths relative to the
// handler's base URL. Bodies are the MerchantBackend inputs as JSON; errors are application/problem+json.
/** The HTTP contract of `createMerchantHandler`: each `MerchantBackend` method → method and path under the base URL. */
export const routes = {
  /** GET ?email=… | ?phone_number=… → XcoExistsResponse */
  checkUser: '/xco/users/exists',
  /** POST CreateUserInput → { user } (201) */
  createUser: '/xco/users',
  /** POST XcoIdentifier → 204 */
  startPasswordless: '/xco/passwordless/start',
  /** POST VerifyInput → XcoVerifyResponse */
  verifyPasswordless: '/xco/passwordless/verify',
  /** POST ConsentInput → 204 */
  createConsent: '/xco/consents',
  /** GET → XcoUser of the signed-in customer */
  getUser: '/xco/user',

  /** POST CheckoutSessionRequest → CheckoutSession (201) */
  createSession: '/checkout/sessions',
  /** GET → CheckoutSession; POST …/abort → CheckoutSession (ABORTED_BY_CUSTOMER). Suffix the session id. */
  session: '/checkout/sessions/',
  /** POST { order_reference? } → { eligible_solutions } */
  eligibleSolutions: '/checkout/eligible-solutions',
  /** POST { token } → VerifiedRedirect */
  verifyRedirect: '/payments/verify-redirect',
  /** GET → ShopperPayment. Suffix the payment id. */
  payment: '/payments/',
  /** GET → ShopperPaymentLink. Suffix the payment link id. */
  paymentLink: '/payment-links/',

  /** GET → ShopperPurse of the signed-in customer (deposit addresses; none while blocked) */
  customerPurse: '/customer-purse',
  /** GET ?page=0&size=10 → ShopperDepositPage of the signed-in customer, newest first */
  customerPurseTransactions: '/customer-purse/transactions',
} as const;

/** Header carrying the shopper's intent key on POSTs; the handler replays the first answer for a repeated key. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
