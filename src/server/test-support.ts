// Test wiring only (imported by *.test.ts): the real Purse mock in process behind a real PurseClient.
import type { CheckoutSession } from '../core/backend/views.ts';
import { isPurseKitFailure, type PurseKitError } from '../core/errors.ts';
import { routes } from '../core/backend/routes.ts';
import { createMockPurse, MOCK_CREDENTIALS } from '../mock-server/index.ts';
import { createMerchantHandler } from './handler/handler.ts';
import type { CheckoutOrder, HandlerLogger, MerchantHandlerOptions, ResolveOrderInput, VouchedIdentity } from './handler/options.ts';
import { createPurseClient, type PurseClientOptions } from './purse/client.ts';
import { isPurseApiError, type PurseApiError } from './purse/error.ts';
import type { FetchLike } from './purse/transport-util.ts';

export const PURSE_ORIGIN = 'http://purse.test';

export function purseWorld(overrides: Partial<PurseClientOptions> = {}, mockOptions: Parameters<typeof createMockPurse>[0] = {}) {
  let clock = Date.parse('2025-03-01T10:00:00Z');
  const now = () => clock;
  const purse = createMockPurse({ testMode: true, now, ...mockOptions });
  const fetch: FetchLike = (input, init) => purse.fetch(new Request(input, init));
  const options: PurseClientOptions = {
    ...MOCK_CREDENTIALS,
    tokenUrl: `${PURSE_ORIGIN}/oauth2/token`,
    xcoApiUrl: PURSE_ORIGIN,
    paymentApiUrl: `${PURSE_ORIGIN}/payment`,
    fetch,
    now,
    ...overrides,
  };
  return {
    purse,
    options,
    client: createPurseClient(options),
    now,
    advance(ms: number) {
      clock += ms;
    },
    /** API calls Purse received on a path (token requests excluded unless asked for). */
    calls(path: string) {
      return purse.control.requests().filter((r) => r.path === path);
    },
  };
}

/** A browser's cookies for the handler's origin: what the handler set is sent back, like a browser would. */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    keep(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    },
    clear: () => cookies.clear(),
  };
}
export type CookieJar = ReturnType<typeof cookieJar>;

export interface SendInit {
  body?: unknown;
  customer?: string;
  /** Idempotency-Key of a POST: a fresh one per call unless given; `null` sends none. */
  key?: string | null;
  headers?: Record<string, string>;
  /** The browser sending it (default: the shop's one browser). */
  browser?: CookieJar;
}

/**
 * A merchant shop: the session travels in an `x-session` header (a cookie in real life), the customers' own emails
 * and phones in `accounts` (resolveIdentity), one browser's cookies in `browser`, the shopper's IP in
 * X-Forwarded-For behind two trusted proxies, and a logger that keeps lines.
 */
export function shop(options: Partial<MerchantHandlerOptions> = {}, world = purseWorld()) {
  const logs: { level: string; message: string; details?: Record<string, unknown> }[] = [];
  const logger: HandlerLogger = {
    warn: (message, details) => logs.push({ level: 'warn', message, details }),
    error: (message, details) => logs.push({ level: 'error', message, details }),
  };
  const accounts = new Map<string, VouchedIdentity>();
  const browser = cookieJar();
  const handler = createMerchantHandler({
    purse: world.client,
    resolveCustomer: (request) => request.headers.get('x-session'),
    resolveIdentity: (request) => accounts.get(request.headers.get('x-session') ?? '') ?? null,
    trustProxy: 2,
    logger,
    now: world.now,
    ...options,
  });
  const send = async (method: string, path: string, init: SendInit = {}) => {
    const jar = init.browser ?? browser;
    const headers: Record<string, string> = { 'x-forwarded-for': '198.51.100.4, 10.0.0.1', ...init.headers };
    if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (init.customer) headers['x-session'] = init.customer;
    const key = init.key === undefined ? (method === 'POST' ? crypto.randomUUID() : null) : init.key;
    if (key !== null) headers['idempotency-key'] = key;
    if (jar.header() && !headers.cookie) headers.cookie = jar.header();
    const response = await handler(
      new Request(`https://shop.test/api/purse${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }),
    );
    jar.keep(response);
    return response;
  };
  const post = (path: string, body: unknown, init: Omit<SendInit, 'body'> = {}) => send('POST', path, { ...init, body });
  return { ...world, handler, send, post, logs, accounts, browser };
}

/** The merchant's return page, where Purse sends the shopper with purse-redirection-data. */
export const RETURN_URL = 'https://shop.test/checkout/return';

/** Test cards of the mock (any future expiry, any 3-digit CVC). */
export const CARDS = { authorized: '4111 1111 1111 1111', refused: '4000 0000 0000 0002', pending: '4000 0000 0000 0077' } as const;

/**
 * A shop with checkout configured: each customer's cart is the merchant's own data (`orders`, default 42.99 EUR),
 * and `pay` pays a session the way the drop-in script does, through the mock's drop-in API.
 */
export function checkoutShop(options: Partial<MerchantHandlerOptions> = {}, world = purseWorld()) {
  const orders = new Map<string, CheckoutOrder>();
  const resolved: ResolveOrderInput[] = [];
  const s = shop(
    {
      resolveOrder: (_request, input) => {
        resolved.push(input);
        const key = input.customer ?? 'guest';
        return orders.get(key) ?? {
          amount: 4299,
          currency: 'EUR',
          order: { reference: `order-${key}` },
          ...(input.customer && { customer: { reference: input.customer, email: `${input.customer}@example.com` } }),
        };
      },
      checkout: { shopperRedirectionUrl: RETURN_URL, allowedIntegrationModes: ['EMBEDDED', 'HOSTED_PAGE'] },
      ...options,
    },
    world,
  );

  async function pay(session: { id: string; widget?: { data: string } }, card: string = CARDS.authorized) {
    const response = await s.purse.fetch(
      new Request(`${PURSE_ORIGIN}/dropin/api/sessions/${session.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${session.widget!.data}`, 'content-type': 'application/json' },
        body: JSON.stringify({ card_number: card, expiry: '12/30', cvc: '123' }),
      }),
    );
    if (response.status !== 201) throw new Error(`the mock refused the payment: ${response.status} ${await response.text()}`);
    const paid = (await response.json()) as { payment_id: string; redirect_url: string };
    return { paymentId: paid.payment_id, token: new URL(paid.redirect_url).searchParams.get('purse-redirection-data')! };
  }

  /** Creates a session through the handler for `customer` and pays it. */
  async function checkout(customer: string | undefined, card?: string, browser?: CookieJar) {
    const response = await s.post(routes.createSession, {}, { customer, browser });
    if (response.status !== 201) throw new Error(`createSession answered ${response.status}: ${await response.text()}`);
    const session = (await response.json()) as CheckoutSession;
    return { session, ...(await pay(session, card)) };
  }

  return { ...s, orders, resolved, pay, checkout };
}

/** The PurseKitError a call fails with (the test fails if it succeeds or throws something else). */
export async function kitError(promise: Promise<unknown>): Promise<PurseKitError> {
  try {
    await promise;
  } catch (error) {
    if (isPurseKitFailure(error)) return error.error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** The PurseApiError a client call fails with (the test fails if it succeeds or throws something else). */
export async function purseApiFailure(promise: Promise<unknown>): Promise<PurseApiError> {
  try {
    await promise;
  } catch (error) {
    if (isPurseApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
