// The methods of createHttpBackend, one group per component: a page's bundle holds only the groups of the components
// it imports (the provider built from baseUrl adds them as their hooks are imported: react/provider/http.ts).
import type { MerchantBackend } from './backend.ts';
import { PurseKitFailure } from '../errors.ts';
import {
  CHECK_USER,
  CREATE_CONSENT,
  CREATE_SESSION,
  CREATE_USER,
  CUSTOMER_PURSE,
  CUSTOMER_PURSE_TRANSACTIONS,
  ELIGIBLE_SOLUTIONS,
  GET_USER,
  PAYMENT,
  PAYMENT_LINK,
  SESSION,
  START_PASSWORDLESS,
  VERIFY_PASSWORDLESS,
  VERIFY_REDIRECT,
} from './route-paths.ts';
import type { CallOptions } from './backend.ts';
import type { ShopperDepositPage, ShopperPurse } from './customer-purse.ts';
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from './views.ts';
import type { EligibleSolution } from '../wire/payment.ts';
import type { XcoExistsResponse, XcoIdentifier, XcoUser, XcoVerifyResponse } from '../wire/xco.ts';

/**
 * One request to the merchant handler: method, path under its base URL, JSON body, and whether its refusals include
 * the XCO signup's (problem.ts).
 */
export type HttpCall = <T>(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: CallOptions | undefined,
  xco?: boolean,
) => Promise<T>;

/** A group of `MerchantBackend` methods over an `HttpCall`. */
export type HttpMethods<K extends keyof MerchantBackend = keyof MerchantBackend> = (call: HttpCall) => Pick<MerchantBackend, K>;

/** Any group, whatever its methods. */
export type AnyHttpMethods = (call: HttpCall) => Partial<MerchantBackend>;

type Body = Record<string, unknown>;


/** The 2xx body, when it has the shape the contract promises; otherwise a `server` failure. */
async function expectShape<T>(answer: Promise<unknown>, ok: (v: Body) => boolean, route: string): Promise<T> {
  const value = await answer;
  if (typeof value === 'object' && value !== null && ok(value as Body)) return value as T;
  throw new PurseKitFailure({
    kind: 'server',
    status: 200,
    message:
      `The merchant backend answered ${route} with an unexpected body` +
      (process.env.NODE_ENV !== 'production' ? '; is baseUrl pointing at createMerchantHandler?' : '.'),
  });
}

const isSession = (v: Body) => typeof v.id === 'string' && typeof v.status === 'string';

/** A GET of one resource by its id under `route`, whose answer `ok` checks. */
const byId =
  <T>(call: HttpCall, route: string, ok: (v: Body) => boolean) =>
  (id: string, o?: CallOptions) =>
    // Ids go into paths: encoded, so an id can never change the route.
    expectShape<T>(call('GET', route + encodeURIComponent(id), undefined, o), ok, route);

/** Only the identifier's own field, so nothing else the caller's object carries is sent along. */
const identifierBody = (identifier: XcoIdentifier) =>
  typeof identifier.email === 'string' ? { email: identifier.email } : { phone_number: identifier.phone_number };

/** XCO signup and account. */
export const xcoMethods: HttpMethods<'checkUser' | 'createUser' | 'startPasswordless' | 'verifyPasswordless' | 'createConsent' | 'getUser'> = (http) => {
  const call: HttpCall = (method, path, body, o) => http(method, path, body, o, true);
  return {
  checkUser: async (identifier, o) => {
    const field = typeof identifier.email === 'string' ? 'email' : 'phone_number';
    const value = identifier[field];
    if (typeof value !== 'string') throw new Error('checkUser needs an identifier with an email or a phone_number.');
    // URLSearchParams encodes "+" as %2B; a raw "+" would arrive as a space.
    const path = `${CHECK_USER}?${new URLSearchParams({ [field]: value })}`;
    return expectShape<XcoExistsResponse>(call('GET', path, undefined, o), (v) => typeof v.exists === 'boolean', CHECK_USER);
  },
  createUser: (input, o) =>
    expectShape<{ user: XcoUser }>(
      call('POST', CREATE_USER, { user: input.user }, o),
      (v) => typeof v.user === 'object' && v.user !== null,
      CREATE_USER,
    ),
  startPasswordless: async (identifier, o) => {
    await call('POST', START_PASSWORDLESS, identifierBody(identifier), o);
  },
  verifyPasswordless: (input, o) =>
    expectShape<XcoVerifyResponse>(
      call('POST', VERIFY_PASSWORDLESS, { ...identifierBody(input.identifier), verification_code: input.verification_code }, o),
      (v) => typeof v.consent_challenge_id === 'string',
      VERIFY_PASSWORDLESS,
    ),
  createConsent: async (input, o) => {
    await call('POST', CREATE_CONSENT, { ...identifierBody(input.identifier), consent_challenge_id: input.consent_challenge_id }, o);
  },
  getUser: (o) => expectShape<XcoUser>(call('GET', GET_USER, undefined, o), () => true, GET_USER),
  };
};

/** PurseCheckout. */
export const checkoutMethods: HttpMethods<'createSession' | 'abortSession' | 'getEligibleSolutions'> = (call) => ({
  createSession: (input, o) => expectShape<CheckoutSession>(call('POST', CREATE_SESSION, input, o), isSession, CREATE_SESSION),
  abortSession: (id, o) =>
    expectShape<CheckoutSession>(call('POST', `${SESSION}${encodeURIComponent(id)}/abort`, {}, o), isSession, SESSION),
  getEligibleSolutions: async (input, o) =>
    (
      await expectShape<{ eligible_solutions: EligibleSolution[] }>(
        call('POST', ELIGIBLE_SOLUTIONS, input, o),
        (v) => Array.isArray(v.eligible_solutions),
        ELIGIBLE_SOLUTIONS,
      )
    ).eligible_solutions,
});

/** PaymentStatus. */
export const statusMethods: HttpMethods<'getSession' | 'verifyRedirect' | 'getPayment' | 'getPaymentLink'> = (call) => ({
  getSession: byId<CheckoutSession>(call, SESSION, isSession),
  verifyRedirect: (token, o) =>
    expectShape<VerifiedRedirect>(
      call('POST', VERIFY_REDIRECT, { token }, o),
      (v) => typeof v.client_session_id === 'string',
      VERIFY_REDIRECT,
    ),
  getPayment: byId<ShopperPayment>(call, PAYMENT, (v) => typeof v.id === 'string' && typeof v.authorization_status === 'string'),
  getPaymentLink: byId<ShopperPaymentLink>(call, PAYMENT_LINK, (v) => typeof v.status === 'string'),
});

/** CustomerPurse. */
export const customerPurseMethods: HttpMethods<'getCustomerPurse' | 'getCustomerPurseTransactions'> = (call) => ({
  getCustomerPurse: (o) =>
    expectShape<ShopperPurse>(
      call('GET', CUSTOMER_PURSE, undefined, o),
      (v) => typeof v.blocked === 'boolean' && Array.isArray(v.addresses),
      CUSTOMER_PURSE,
    ),
  getCustomerPurseTransactions: ({ page, size }, o) =>
    expectShape<ShopperDepositPage>(
      call('GET', `${CUSTOMER_PURSE_TRANSACTIONS}?${new URLSearchParams({ page: String(page), size: String(size) })}`, undefined, o),
      (v) => Array.isArray(v.result) && typeof v.page === 'number' && typeof v.total === 'number',
      CUSTOMER_PURSE_TRANSACTIONS,
    ),
});
