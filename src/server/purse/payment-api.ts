// The Payment API v2 calls (purse-docs/payment-api-v2-reference.txt) over the authorized transport: client sessions,
// payments and their operations, payment links, eligible solutions and the signing keys of the redirect token.
import type {
  ClientSession,
  ClientSessionAbortStatus,
  CreateClientSessionRequest,
  CreatePaymentLinkRequest,
  CreatePaymentRequest,
  EligibleSolutionsRequest,
  EligibleSolutionsResponse,
  Payment,
  PaymentLink,
  PaymentOperationRequest,
  SigningJwks,
} from '../../core/wire/payment.ts';
import { isPurseApiError, PurseApiError } from './error.ts';
import { isDotSegment, isObject, shapeChecker } from './transport-util.ts';
import type { PurseRequest, PurseTransport } from './transport.ts';

/** A create request whose `entity_id` defaults to the client's `entityId`. */
export type WithEntity<T extends { entity_id: string }> = Omit<T, 'entity_id'> & { entity_id?: string };

/** Options of the Payment API calls that change something. */
export interface IdempotentCallOptions {
  /**
   * Sent as `Idempotency-Key`: Purse performs the operation once per key. Generated when absent; a failed call's
   * `PurseApiError.idempotencyKey` holds the key used, so a retry can reuse it. Derive it from your own operation id to
   * stay safe across processes.
   * @defaultValue a new random key per call
   */
  idempotencyKey?: string;
}

/** Options of `getPayment`. */
export interface GetPaymentOptions {
  /** Sent as `Cache-Control`, e.g. `max-age=60`: Purse may then answer without asking the payment partners. */
  cacheControl?: string;
}

/**
 * Payment API v2, for the merchant's server and back office. Every method rejects with `PurseApiError`. Every POST
 * carries an `Idempotency-Key` (yours, or a generated one), so a retry with the key of a failed call acts once.
 */
export interface PaymentApi {
  /** `POST /v2/client-sessions`: the session the drop-in or the hosted page pays. */
  createClientSession(request: WithEntity<CreateClientSessionRequest>, options?: IdempotentCallOptions): Promise<ClientSession>;
  /** `GET /v2/client-sessions/{id}`. */
  getClientSession(id: string): Promise<ClientSession>;
  /**
   * `POST /v2/client-sessions/{id}/abort`. Pass `ABORTED_BY_CUSTOMER` when the shopper cancelled.
   * @param status - default `'ABORTED_BY_MERCHANT'`
   */
  abortClientSession(id: string, status?: ClientSessionAbortStatus, options?: IdempotentCallOptions): Promise<ClientSession>;
  /**
   * Server-to-server payment (e.g. reusing an earlier authorization through `split`). Sent with the OAuth2 token and,
   * when configured, the API key (the reference lists both schemes). The payment has a `client_session_id` of its own.
   */
  createPayment(request: WithEntity<CreatePaymentRequest>, options?: IdempotentCallOptions): Promise<Payment>;
  /** `GET /v2/payments/{id}`. */
  getPayment(id: string, options?: GetPaymentOptions): Promise<Payment>;
  /** Captures (part of) an authorization; a 409 (another operation with the same key) is `kind: 'conflict'`. */
  capturePayment(id: string, request: PaymentOperationRequest, options?: IdempotentCallOptions): Promise<Payment>;
  /** Refunds (part of) what was captured. */
  refundPayment(id: string, request: PaymentOperationRequest, options?: IdempotentCallOptions): Promise<Payment>;
  /** Releases (part of) what was authorized and not captured. */
  voidPayment(id: string, request: PaymentOperationRequest, options?: IdempotentCallOptions): Promise<Payment>;
  /** `POST /v2/payment-links`: a link the shopper pays on the hosted page. */
  createPaymentLink(request: WithEntity<CreatePaymentLinkRequest>, options?: IdempotentCallOptions): Promise<PaymentLink>;
  /** `GET /v2/payment-links/{id}`. */
  getPaymentLink(id: string): Promise<PaymentLink>;
  /** Cancels a link that was not paid. */
  cancelPaymentLink(id: string, options?: IdempotentCallOptions): Promise<PaymentLink>;
  /** The payment methods Purse offers for an amount, currency and country. */
  getEligibleSolutions(request: WithEntity<EligibleSolutionsRequest>, options?: IdempotentCallOptions): Promise<EligibleSolutionsResponse>;
  /**
   * The public keys of `purse-redirection-data`, authorized by the API key alone (`apiKey`). `kid` may be a number, as
   * in Purse's sample. Prefer `createRedirectVerifier`, which caches them.
   */
  getSigningJwks(): Promise<SigningJwks>;
}

type Obj = Record<string, unknown>;
const hasId = (value: unknown): value is Obj => isObject(value) && typeof value.id === 'string' && value.id !== '';

/** Absent, or a list of objects: what the views and the timeline walk (a list of anything else is unreadable). */
const isObjectList = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.every(isObject));

const isSession = (v: unknown) => hasId(v) && typeof v.status === 'string' && isObjectList(v.eligible_solutions);
const isPayment = (v: unknown) =>
  hasId(v) &&
  isObject(v.authorization) &&
  typeof v.authorization.status === 'string' &&
  isObjectList(v.authorization.partner_transactions) &&
  isObject(v.amounts) &&
  ['split', 'captures', 'refunds', 'voids'].every((list) => isObjectList(v[list]));
const isLink = (v: unknown) => hasId(v) && typeof v.status === 'string';

const expectShape = shapeChecker('the Payment API v2 reference');
/** Named when a path that always exists is not found (PurseRequest.baseUrlOption). */
const PAYMENT_URL = 'paymentApiUrl (PURSE_PAYMENT_API_URL), the Payment API base, e.g. https://api.purse-sandbox.com/payment';
const PAYMENT_ENTITY_URL = `${PAYMENT_URL}, and the entity id (entity_id, PURSE_ENTITY_ID)`;

/** Ids go into paths: a missing one is a programmer mistake, and encoding keeps any id inside its segment. */
function segment(id: string, what: string): string {
  if (typeof id !== 'string' || id.trim() === '') throw new Error(`${what}: pass the id of the object (a non-empty string).`);
  if (isDotSegment(id)) throw new Error(`${what}: "${id}" is not an id.`);
  return encodeURIComponent(id);
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function createPaymentApi(transport: PurseTransport, options: { paymentApiUrl: string; entityId?: string }): PaymentApi {
  const api = `${options.paymentApiUrl.replace(/\/+$/, '')}/v2`;

  function withEntity<T extends { entity_id?: string }>(request: T, what: string): T & { entity_id: string } {
    const entity = request?.entity_id ?? options.entityId;
    if (typeof entity !== 'string' || entity === '') {
      throw new Error(`${what}: no entity_id. Pass entity_id in the request or entityId to createPurseClient (PURSE_ENTITY_ID).`);
    }
    return { ...request, entity_id: entity };
  }

  async function send<T>(request: PurseRequest, check: (body: unknown) => boolean): Promise<T> {
    const body = await transport.request<unknown>(request);
    return expectShape<T>(body, check(body), request.what);
  }

  /** A POST sent with an Idempotency-Key; every failure carries the key, and a 409 becomes a `conflict`. */
  async function idempotent<T>(request: PurseRequest, check: (body: unknown) => boolean, given: string | undefined): Promise<T> {
    if (given !== undefined && (typeof given !== 'string' || !IDEMPOTENCY_KEY.test(given))) {
      throw new Error(`${request.what}: idempotencyKey must be 1 to 255 visible ASCII characters (a UUID is a good choice).`);
    }
    const key = given ?? globalThis.crypto.randomUUID();
    try {
      return await send<T>({ ...request, headers: { ...request.headers, 'Idempotency-Key': key } }, check);
    } catch (error) {
      if (!isPurseApiError(error)) throw error;
      const conflict = error.kind === 'http' && error.status === 409;
      throw new PurseApiError({
        kind: conflict ? 'conflict' : error.kind,
        status: error.status,
        problem: error.problem,
        retryAfter: error.retryAfter,
        idempotencyKey: key,
        cause: error,
        message: conflict
          ? `Purse refused ${request.what} (409): the Idempotency-Key "${key}" was already used with a different request, ` +
            'or its first request is still running. Nothing was done. Use a new key for a new operation; resend the same ' +
            'request with the same key to get the first result.'
          : error.message,
      });
    }
  }

  const operation = (path: string, what: string) => (id: string, request: PaymentOperationRequest, o?: IdempotentCallOptions) =>
    idempotent<Payment>(
      { method: 'POST', url: `${api}/payments/${segment(id, what)}/${path}`, body: request, what },
      isPayment,
      o?.idempotencyKey,
    );

  return {
    createClientSession: (request, o) =>
      idempotent(
        { method: 'POST', url: `${api}/client-sessions`, body: withEntity(request, 'createClientSession'), what: 'Payment create client session', baseUrlOption: PAYMENT_ENTITY_URL },
        isSession,
        o?.idempotencyKey,
      ),
    getClientSession: (id) =>
      send({ method: 'GET', url: `${api}/client-sessions/${segment(id, 'getClientSession')}`, what: 'Payment get client session' }, isSession),
    abortClientSession: (id, status = 'ABORTED_BY_MERCHANT', o) =>
      idempotent(
        { method: 'POST', url: `${api}/client-sessions/${segment(id, 'abortClientSession')}/abort`, body: { status }, what: 'Payment abort client session' },
        isSession,
        o?.idempotencyKey,
      ),

    createPayment: (request, o) =>
      idempotent(
        { method: 'POST', url: `${api}/payments`, body: withEntity(request, 'createPayment'), what: 'Payment create payment', auth: 'bearer+api_key', baseUrlOption: PAYMENT_ENTITY_URL },
        isPayment,
        o?.idempotencyKey,
      ),
    getPayment: (id, o) =>
      send(
        {
          method: 'GET',
          url: `${api}/payments/${segment(id, 'getPayment')}`,
          what: 'Payment get payment',
          ...(o?.cacheControl !== undefined && { headers: { 'Cache-Control': o.cacheControl } }),
        },
        isPayment,
      ),
    capturePayment: operation('captures', 'Payment capture'),
    refundPayment: operation('refunds', 'Payment refund'),
    voidPayment: operation('voids', 'Payment void'),

    createPaymentLink: (request, o) =>
      idempotent(
        { method: 'POST', url: `${api}/payment-links`, body: withEntity(request, 'createPaymentLink'), what: 'Payment create payment link', baseUrlOption: PAYMENT_ENTITY_URL },
        isLink,
        o?.idempotencyKey,
      ),
    getPaymentLink: (id) =>
      send({ method: 'GET', url: `${api}/payment-links/${segment(id, 'getPaymentLink')}`, what: 'Payment get payment link' }, isLink),
    cancelPaymentLink: (id, o) =>
      idempotent(
        { method: 'POST', url: `${api}/payment-links/${segment(id, 'cancelPaymentLink')}/cancel`, what: 'Payment cancel payment link' },
        isLink,
        o?.idempotencyKey,
      ),

    getEligibleSolutions: (request, o) =>
      idempotent(
        { method: 'POST', url: `${api}/eligible-solutions`, body: withEntity(request, 'getEligibleSolutions'), what: 'Payment eligible solutions', baseUrlOption: PAYMENT_ENTITY_URL },
        (v) => isObject(v) && Array.isArray(v.eligible_solutions) && isObjectList(v.eligible_solutions),
        o?.idempotencyKey,
      ),
    getSigningJwks: () =>
      send({ method: 'GET', url: `${api}/signing-jwks`, what: 'Payment signing JWKS', auth: 'api_key', baseUrlOption: PAYMENT_URL }, (v) => isObject(v) && Array.isArray(v.keys)),
  };
}
