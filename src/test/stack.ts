// The real in-process stack for tests and stories: browser adapter → merchant handler → Purse emulator, wired with
// fetch functions instead of sockets. Nothing here is stubbed: every request goes through all three layers.
import { createHttpBackend } from '../core/backend/http-backend.ts';
import type { MerchantBackend } from '../core/backend/backend.ts';
import { createMockPurse, MOCK_CREDENTIALS, MOCK_CUSTOMER_PURSE_CREDENTIALS } from '../mock-server/index.ts';
import type { MockPurse, MockPurseOptions } from '../mock-server/index.ts';
import { createMemoryStore, createMerchantHandler } from '../server/index.ts';
import type { MerchantHandler, MerchantHandlerOptions } from '../server/index.ts';
import type { HttpBackendOptions } from '../core/backend/http-backend.ts';

export interface TestStackOptions {
  /** The signed-in merchant customer. Default 'cust_test_1'; `null`: nobody is signed in. */
  customerReference?: string | null;
  /**
   * The email (and phone) the merchant vouches for as the customer's own: the only identity an XCO account can be
   * created with (resolveIdentity). Default `{ email: 'new.shopper@example.com' }`; `null`: none.
   */
  identity?: { email?: string; phone_number?: string } | null;
  /** The guest id the merchant gives a shopper who is not signed in (resolveGuest). Default 'guest_test_1'. */
  guest?: string | null;
  /** Extra options of the Purse emulator (testMode is always on). */
  purse?: Omit<MockPurseOptions, 'testMode'>;
  /** Extra options of the merchant handler. */
  handler?: Partial<Omit<MerchantHandlerOptions, 'purse' | 'resolveCustomer' | 'resolveIdentity' | 'resolveGuest'>>;
  /** Extra options of the browser adapter (e.g. `retry: false`). */
  backend?: Partial<Omit<HttpBackendOptions, 'baseUrl' | 'fetch'>>;
}

export interface TestStack {
  purse: MockPurse;
  handler: MerchantHandler;
  backend: MerchantBackend;
}

const silent = { warn() {}, error() {} };

export function createTestStack(options: TestStackOptions = {}): TestStack {
  const purse = createMockPurse({ ...options.purse, testMode: true });
  const handler = createMerchantHandler({
    logger: silent,
    ...options.handler,
    purse: {
      ...MOCK_CREDENTIALS,
      tokenUrl: 'http://purse.test/oauth2/token',
      xcoApiUrl: 'http://purse.test',
      paymentApiUrl: 'http://purse.test/payment',
      fetch: (input, init) => purse.fetch(new Request(input, init)),
    },
    customerPurse: {
      client: { ...MOCK_CUSTOMER_PURSE_CREDENTIALS, apiUrl: 'http://calypso.test', fetch: (input, init) => purse.fetch(new Request(input, init)), ...(options.purse?.now ? { now: options.purse.now } : {}) },
      currencies: ['BTC', 'USDT'],
      ...options.handler?.customerPurse,
    },
    resolveCustomer: () => (options.customerReference === undefined ? 'cust_test_1' : options.customerReference),
    resolveIdentity: () => (options.identity === undefined ? { email: 'new.shopper@example.com' } : options.identity),
    // One browser per stack: in process there are no cookies (browsers forbid setting them on a Request), so the test
    // merchant names its one guest itself, as a merchant with its own guest session would.
    resolveGuest: () => (options.guest === undefined ? 'guest_test_1' : options.guest),
  });
  const backend = createHttpBackend({
    ...options.backend,
    baseUrl: 'http://merchant.test/api/purse',
    fetch: (input, init) => handler(new Request(input, init)),
  });
  return { purse, handler, backend };
}

/** A handler store that has no room for any record: every write is refused as a full store (503 store_full). */
export const fullStore = () => createMemoryStore({ maxEntries: 0 });
