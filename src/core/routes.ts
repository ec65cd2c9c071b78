// The HTTP contract between createHttpBackend (browser) and createMerchantHandler (server): paths relative to the
// handler's base URL. Bodies are the MerchantBackend inputs as JSON; errors are application/problem+json.
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
} as const;

/** Header carrying the shopper's intent key on POSTs; the handler replays the first answer for a repeated key. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
