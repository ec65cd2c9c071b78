// The PURSE_* variables that point createMerchantHandler (purseConfigFromEnv) at a running mock.
import { MOCK_CREDENTIALS } from './seed.ts';

/**
 * The environment for a merchant handler talking to the mock at `url` (its origin, e.g. `http://127.0.0.1:4010`):
 * what `purse-mock-server` prints, and what `purseConfigFromEnv` reads.
 */
export function mockPurseEnv(url: string): Record<string, string> {
  const origin = url.replace(/\/+$/, '');
  return {
    PURSE_CLIENT_ID: MOCK_CREDENTIALS.clientId,
    PURSE_CLIENT_SECRET: MOCK_CREDENTIALS.clientSecret,
    PURSE_API_KEY: MOCK_CREDENTIALS.apiKey,
    PURSE_MERCHANT_ID: MOCK_CREDENTIALS.merchantId,
    PURSE_ENTITY_ID: MOCK_CREDENTIALS.entityId,
    PURSE_TOKEN_URL: `${origin}/oauth2/token`,
    PURSE_XCO_API_URL: origin,
    PURSE_PAYMENT_API_URL: `${origin}/payment`,
  };
}
