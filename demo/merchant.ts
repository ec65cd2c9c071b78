// The demo merchant's backend, shared by `npm start` (one process) and `npm run start:cluster` (several handler
// processes): who the shopper is (a cookie), what they pay (the cart table), where Purse sends them back, and the store.
import { createClient } from 'redis';
import {
  createMemoryStore,
  createMerchantHandler,
  createRedisStore,
  customerPurseConfigFromEnv,
  purseConfigFromEnv,
  type CustomerPurseClient,
  type CustomerPurseClientOptions,
  type HandlerStore,
  type PurseClient,
  type PurseClientOptions,
} from '../src/server/index.ts';
import { MOCK_CREDENTIALS, MOCK_CUSTOMER_PURSE_CREDENTIALS, startMockPurseServer } from '../src/mock-server/index.ts';
import { orderReference, parseOrderReference, priceCart } from './src/catalog.ts';

// Every visitor gets a customer reference in a cookie, standing in for the merchant's session. A real storefront
// resolves it from its own authenticated session.
export const CUSTOMER_COOKIE = 'demo_customer';
export const customerFrom = (cookieHeader: string | null | undefined) =>
  cookieHeader?.split(/;\s*/).find((c) => c.startsWith(`${CUSTOMER_COOKIE}=`))?.slice(CUSTOMER_COOKIE.length + 1) ?? null;

/**
 * The embedded Purse mock, unless PURSE_* variables point at the real sandbox (then `null`). Test mode: the demo's
 * mock inbox and E2E read OTP codes through /__mock/*.
 */
export async function startDemoMock(host: string) {
  // Also serves the Customer Purse API unless CALYPSO_* variables point at the real one.
  if (purseConfigFromEnv(process.env) && customerPurseConfigFromEnv(process.env)) return null;
  return startMockPurseServer({
    port: Number(process.env.PURSE_MOCK_PORT ?? 0),
    host,
    testMode: true,
    // E2E shortens the 30 s resend throttle so a resend can be tested without waiting.
    ...(process.env.PURSE_MOCK_RESEND_THROTTLE_MS ? { resendThrottleMs: Number(process.env.PURSE_MOCK_RESEND_THROTTLE_MS) } : {}),
    // The cluster E2E settles pending payments itself (POST /__mock/payments/:id/settle) rather than after 4 s.
    ...(process.env.PURSE_MOCK_PENDING_SETTLE_MS ? { pendingSettleMs: Number(process.env.PURSE_MOCK_PENDING_SETTLE_MS) } : {}),
    onOtp: ({ identifier, code }) => console.log(`[mock purse] one-time code for ${identifier.email ?? identifier.phone_number}: ${code}`),
  });
}

/** The real Purse sandbox when PURSE_* variables are set, otherwise the mock at `mockUrl`. */
export function purseOptions(mockUrl: string | null): PurseClientOptions {
  const sandbox = purseConfigFromEnv(process.env);
  if (sandbox) return sandbox;
  if (!mockUrl) throw new Error('No PURSE_* variables and no mock server URL.');
  return { ...MOCK_CREDENTIALS, tokenUrl: `${mockUrl}/oauth2/token`, xcoApiUrl: mockUrl, paymentApiUrl: `${mockUrl}/payment` };
}

/** The Redis store at `url` (REDIS_URL), on a node-redis client that reconnects by itself. */
/** The Customer Purse API when CALYPSO_* variables are set, otherwise the mock at `mockUrl`. */
export function customerPurseOptions(mockUrl: string | null): CustomerPurseClientOptions {
  const calypso = customerPurseConfigFromEnv(process.env);
  if (calypso) return calypso;
  if (!mockUrl) throw new Error('No CALYPSO_* variables and no mock server URL.');
  return { ...MOCK_CUSTOMER_PURSE_CREDENTIALS, apiUrl: mockUrl };
}

export function redisStore(url: string, log: (message: string) => void = console.error): HandlerStore {
  const client = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(100 * (retries + 1), 2_000) } });
  client.on('error', (error: Error) => log(`[redis] ${error.message}`));
  return createRedisStore({ client: client.connect(), prefix: 'purse-demo:' });
}

/**
 * The shop's own accounts: the email each visitor gave the "Your shop account" form. That is the email the shop vouches
 * for when an XCO account is created (resolveIdentity). A real storefront vouches only for an email it has verified;
 * this demo takes the one its form was given. Kept in the handler's store, so every instance of a cluster sees it.
 */
export interface DemoAccounts {
  email(customer: string): Promise<string | null>;
  setEmail(customer: string, email: string): Promise<void>;
}

const THIRTY_DAYS = 30 * 24 * 60 * 60_000;

export function demoAccounts(store: HandlerStore = createMemoryStore()): DemoAccounts {
  const key = (customer: string) => `demo:account:${customer}`;
  return {
    email: async (customer) => (await store.get(key(customer))) ?? null,
    setEmail: (customer, email) => store.set(key(customer), email, THIRTY_DAYS),
  };
}

export function createDemoHandler(
  purse: PurseClient | PurseClientOptions,
  store: HandlerStore | undefined,
  accounts: DemoAccounts,
  customerPurse: CustomerPurseClient | CustomerPurseClientOptions,
) {
  return createMerchantHandler({
    purse,
    store,
    basePath: '/api/purse',
    resolveCustomer: (request) => customerFrom(request.headers.get('cookie')),
    resolveIdentity: async (request) => {
      const customer = customerFrom(request.headers.get('cookie'));
      const email = customer ? await accounts.email(customer) : null;
      return email ? { email } : null;
    },
    // One proxy: the storefront's server, which writes the socket's address into X-Forwarded-For.
    trustProxy: 1,
    // The demo's seeded accounts (existing@example.com…) are everyone's, and its E2E browsers all come from 127.0.0.1:
    // roomier limits than a shop's defaults (5 codes per address per 15 minutes, 30 lookups per hour).
    codeLimit: { limit: 100, windowMs: 15 * 60_000 },
    lookupQuota: { limit: 1_000, windowMs: 60 * 60_000 },
    // Guests' cookies must verify on every instance of the cluster: one secret for all. A fixed secret is only
    // acceptable in a local demo; production reads a long random one from its secrets.
    guestCookie: { secret: process.env.DEMO_GUEST_SECRET ?? 'purse-demo-local-guest-secret' },
    // Amounts come from the storefront's own catalogue (the same table its pages price the cart with); the browser
    // only names a cart and a quantity.
    resolveOrder: (_request, { order_reference, customer }) => orderFor(order_reference ?? 'cart-eur', customer),
    checkout: {
      // The order confirmation page, told which cart was paid: it shows the cart, and "Try again" returns to it.
      shopperRedirectionUrl: (request, order) => returnUrl(request.url, order.order.reference),
      allowedIntegrationModes: ['EMBEDDED', 'HOSTED_PAGE'],
    },
    // Deposit addresses and deposits of the signed-in shopper (a Customer Purse customer is made on the first visit).
    customerPurse: { client: customerPurse, currencies: ['BTC', 'USDT'] },
  });
}

/**
 * The Purse order the checkout names ("cart-eur:3/<order id>"), priced from the catalogue; `null` (nothing to pay, 404)
 * for an unknown cart. Without an order id (the bench's naive loader, an old link), each request is an order of its own.
 */
export function orderFor(reference: string, customer: string | null) {
  const named = parseOrderReference(reference);
  if (!named) return null;
  const orderId = named.orderId ?? `${Date.now()}`;
  const priced = priceCart(named.cart, named.quantity);
  return {
    amount: priced.total,
    currency: priced.currency,
    capture_mode: 'MANUAL' as const,
    // Purse's order: `net_amount` is the order's amount, `tax_amount` the part of it that is tax (as in its samples).
    order: { reference: orderReference(named.cart, named.quantity, orderId), net_amount: priced.total, tax_amount: priced.tax },
    ...(customer ? { customer: { reference: customer } } : {}),
  };
}

/**
 * The return page's URL for an order reference made by `orderFor`: /return?cart=cart-jpy&qty=2&order=<id>. Its "Try
 * again" goes back to the same order (paid after all: the checkout shows it closed; refused: a new form to pay it).
 */
export function returnUrl(requestUrl: string, orderReference: string): string {
  const url = new URL('/return', requestUrl);
  const named = parseOrderReference(orderReference);
  if (named) url.search = new URLSearchParams({ cart: named.cart, qty: String(named.quantity), order: named.orderId ?? '' }).toString();
  return url.href;
}
