// The default MerchantBackend: speaks the HTTP contract of createMerchantHandler (routes.ts) with `request`.
import type { CallOptions, MerchantBackend } from './backend.ts';
import { PurseKitFailure } from '../errors.ts';
import { request } from './request.ts';
import type { FetchLike } from './request.ts';
import type { RetryOptions } from './retry.ts';
import { routes } from './routes.ts';
import type { ShopperDepositPage, ShopperPurse } from './customer-purse.ts';
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from './views.ts';
import type { EligibleSolution } from '../wire/payment.ts';
import type { XcoExistsResponse, XcoIdentifier, XcoUser, XcoVerifyResponse } from '../wire/xco.ts';

/** Options of `createHttpBackend`. */
export interface HttpBackendOptions {
  /** Where createMerchantHandler is mounted, e.g. "/api/purse" or "https://shop.example/api/purse". */
  baseUrl: string;
  /**
   * Called as `fetch(url, init)`, looked up at each call.
   * @defaultValue the global `fetch`
   */
  fetch?: FetchLike;
  /** Extra headers on every request (e.g. a CSRF token); a function is read at each call. */
  headers?: HeadersInit | (() => HeadersInit);
  /**
   * Timeout of each attempt, in ms.
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /**
   * Retry policy; `false` for a single attempt.
   * @defaultValue `DEFAULT_RETRY`: 3 attempts, 300 ms base, 5 s cap
   */
  retry?: RetryOptions | false;
  /**
   * The merchant's session cookie identifies the customer.
   * @defaultValue 'same-origin'
   */
  credentials?: RequestCredentials;
}

type Method = 'GET' | 'POST';

/** Throws a `server` failure when a 2xx body does not have the shape the contract promises. */
function expectShape<T>(value: unknown, ok: (v: Record<string, unknown>) => boolean, route: string): T {
  if (typeof value === 'object' && value !== null && ok(value as Record<string, unknown>)) return value as T;
  throw new PurseKitFailure({
    kind: 'server',
    status: 200,
    message: `The merchant backend answered ${route} with an unexpected body; is baseUrl pointing at createMerchantHandler?`,
  });
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null;
const isSession = (v: Record<string, unknown>) => typeof v.id === 'string' && typeof v.status === 'string';
const isPayment = (v: Record<string, unknown>) => typeof v.id === 'string' && typeof v.authorization_status === 'string';
/** Ids go into paths: encode so an id can never change the route. */
const segment = (id: string) => encodeURIComponent(id);

function identifierQuery(identifier: XcoIdentifier): string {
  if (typeof identifier.email === 'string') return new URLSearchParams({ email: identifier.email }).toString();
  if (typeof identifier.phone_number === 'string') {
    // URLSearchParams encodes "+" as %2B; a raw "+" would arrive as a space.
    return new URLSearchParams({ phone_number: identifier.phone_number }).toString();
  }
  throw new Error('checkUser needs an identifier with an email or a phone_number.');
}

/** Only the identifier's own field, so nothing else the caller's object carries is sent along. */
const identifierBody = (identifier: XcoIdentifier) =>
  typeof identifier.email === 'string' ? { email: identifier.email } : { phone_number: identifier.phone_number };

/**
 * The default `MerchantBackend`: speaks the HTTP contract of `createMerchantHandler` at `baseUrl`, with timeouts,
 * retries that are safe (GETs; POSTs with their `Idempotency-Key` on lost answers) and problem+json mapped to
 * `PurseKitError`.
 */
export function createHttpBackend(options: HttpBackendOptions): MerchantBackend {
  if (typeof options?.baseUrl !== 'string') {
    throw new Error('createHttpBackend needs { baseUrl }: the URL where createMerchantHandler is mounted.');
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  function call<T>(method: Method, path: string, body: unknown, callOptions: CallOptions | undefined): Promise<T> {
    const headers = typeof options.headers === 'function' ? options.headers() : options.headers;
    return request<T>(`${baseUrl}${path}`, {
      method,
      body,
      headers,
      credentials: options.credentials ?? 'same-origin',
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      fetch: options.fetch,
      signal: callOptions?.signal,
      idempotencyKey: callOptions?.idempotencyKey,
    });
  }
  const get = <T>(path: string, o?: CallOptions) => call<T>('GET', path, undefined, o);
  const post = <T>(path: string, body: unknown, o?: CallOptions) => call<T>('POST', path, body, o);

  return {
    // XCO signup
    checkUser: async (identifier, o) =>
      expectShape<XcoExistsResponse>(
        await get(`${routes.checkUser}?${identifierQuery(identifier)}`, o),
        (v) => typeof v.exists === 'boolean',
        routes.checkUser,
      ),
    createUser: async (input, o) =>
      expectShape<{ user: XcoUser }>(await post(routes.createUser, { user: input.user }, o), (v) => isObject(v.user), routes.createUser),
    startPasswordless: async (identifier, o) => {
      await post(routes.startPasswordless, identifierBody(identifier), o);
    },
    verifyPasswordless: async (input, o) =>
      expectShape<XcoVerifyResponse>(
        await post(
          routes.verifyPasswordless,
          { ...identifierBody(input.identifier), verification_code: input.verification_code },
          o,
        ),
        (v) => typeof v.consent_challenge_id === 'string',
        routes.verifyPasswordless,
      ),
    createConsent: async (input, o) => {
      await post(
        routes.createConsent,
        { ...identifierBody(input.identifier), consent_challenge_id: input.consent_challenge_id },
        o,
      );
    },
    getUser: async (o) => expectShape<XcoUser>(await get(routes.getUser, o), () => true, routes.getUser),

    // Checkout
    createSession: async (input, o) =>
      expectShape<CheckoutSession>(await post(routes.createSession, input, o), isSession, routes.createSession),
    getSession: async (id, o) =>
      expectShape<CheckoutSession>(await get(`${routes.session}${segment(id)}`, o), isSession, routes.session),
    abortSession: async (id, o) =>
      expectShape<CheckoutSession>(await post(`${routes.session}${segment(id)}/abort`, {}, o), isSession, routes.session),
    getEligibleSolutions: async (input, o) =>
      expectShape<{ eligible_solutions: EligibleSolution[] }>(
        await post(routes.eligibleSolutions, input, o),
        (v) => Array.isArray(v.eligible_solutions),
        routes.eligibleSolutions,
      ).eligible_solutions,

    // Payment status
    verifyRedirect: async (token, o) =>
      expectShape<VerifiedRedirect>(
        await post(routes.verifyRedirect, { token }, o),
        (v) => typeof v.client_session_id === 'string',
        routes.verifyRedirect,
      ),
    getPayment: async (id, o) =>
      expectShape<ShopperPayment>(await get(`${routes.payment}${segment(id)}`, o), isPayment, routes.payment),
    getPaymentLink: async (id, o) =>
      expectShape<ShopperPaymentLink>(
        await get(`${routes.paymentLink}${segment(id)}`, o),
        (v) => typeof v.status === 'string',
        routes.paymentLink,
      ),

    // Customer Purse
    getCustomerPurse: async (o) =>
      expectShape<ShopperPurse>(
        await get(routes.customerPurse, o),
        (v) => typeof v.blocked === 'boolean' && Array.isArray(v.addresses),
        routes.customerPurse,
      ),
    getCustomerPurseTransactions: async ({ page, size }, o) =>
      expectShape<ShopperDepositPage>(
        await get(`${routes.customerPurseTransactions}?${new URLSearchParams({ page: String(page), size: String(size) })}`, o),
        (v) => Array.isArray(v.result) && typeof v.page === 'number' && typeof v.total === 'number',
        routes.customerPurseTransactions,
      ),
  };
}
