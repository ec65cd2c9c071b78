// The Customer Purse API client (Calypso Finance; purse-docs/customer-purse-api.txt): the ten endpoints, each a POST of
// `{ account, timestamp, payload }` signed with `Key` / `Sign`. Server-side only (it holds the secret key).
import {
  CUSTOMER_PURSE_PATHS,
  type CreateCustomerPayload,
  type PurseAddress,
  type CustomerPurseErrorBody,
  type FindTransactionsPayload,
  type PurseCustomer,
  type PurseTransaction,
  type PurseTransactionPage,
  type UpdateCustomerPayload,
} from '../../core/wire/customer-purse.ts';
import type { ProblemDetails } from '../../core/wire/xco.ts';
import { PurseApiError } from './error.ts';
import { signCustomerPurseBody } from './customer-purse-sign.ts';
import { fetchWithTimeout, isObject, shapeChecker, type FetchLike } from './transport-util.ts';

/** Options of `createCustomerPurseClient` (`customerPurseConfigFromEnv` reads them from the environment). */
export interface CustomerPurseClientOptions {
  /** API base URL, e.g. `https://api.calypso.finance` (the paths start with `/api/v1/customer-purse/`). */
  apiUrl: string;
  /** The public key, sent as `Key`. */
  apiKey: string;
  /** The secret key that signs every body (`Sign`). Never sent. */
  secretKey: string;
  /** The merchant account id every request is made for. */
  account: string;
  /**
   * How requests are sent.
   * @defaultValue the global `fetch`, looked up at call time
   */
  fetch?: FetchLike;
  /**
   * Deadline for each answer, in ms.
   * @defaultValue 10000
   */
  timeoutMs?: number;
  /**
   * The local clock (tests).
   * @defaultValue Date.now
   */
  now?: () => number;
}

/** Every method rejects with `PurseApiError` (`auth` for a refused key or signature). */
export interface CustomerPurseClient {
  /** The merchant account id every request is made for. */
  readonly account: string;
  /** One incoming transaction. */
  getTransaction(transactionId: string): Promise<PurseTransaction>;
  /** One page of a customer's incoming transactions (`pageNumber` 0 is the first). */
  findTransactions(payload: FindTransactionsPayload): Promise<PurseTransactionPage>;
  /** Every deposit address of a customer. */
  getPurses(customerId: string): Promise<PurseAddress[]>;
  /** Changes a customer's email, description or external id. */
  updateCustomer(payload: UpdateCustomerPayload): Promise<PurseCustomer>;
  /** Lets a blocked customer's deposits be credited to them again. */
  unblockCustomer(customerId: string): Promise<PurseCustomer>;
  /** One customer, by Purse's id. */
  getCustomer(customerId: string): Promise<PurseCustomer>;
  /** The customers whose `externalId` is exactly this one (none, or one when you create them once per reference). */
  findCustomersByExternalId(externalId: string): Promise<PurseCustomer[]>;
  /** Creates a customer (give `externalId`: your own reference, to find them again). */
  createCustomer(payload: CreateCustomerPayload): Promise<PurseCustomer>;
  /** Blocks a customer: their addresses still receive funds, credited to the merchant instead. */
  blockCustomer(customerId: string): Promise<PurseCustomer>;
  /** The customer's deposit address for a currency (the API gives one when there is none yet). */
  getAddress(customerId: string, currency: string): Promise<PurseAddress>;
  /** What the client believes the API's clock is ahead of ours, in ms (learnt from its `Date` headers). */
  clockOffsetMs(): number;
}

/** The API refuses a timestamp more than 3 minutes away from its clock. */
export const CUSTOMER_PURSE_TIMESTAMP_WINDOW_MS = 3 * 60_000;
/** A measured offset below this is noise of the `Date` header's one-second resolution and the round trip. */
const OFFSET_NOISE_MS = 2_000;

type Obj = Record<string, unknown>;
const isCustomer = (v: unknown): v is Obj => isObject(v) && typeof v.id === 'string' && typeof v.blocked === 'boolean';
const isPurse = (v: unknown): v is Obj =>
  isObject(v) && typeof v.id === 'string' && typeof v.address === 'string' && Array.isArray(v.currencies);
const isTransaction = (v: unknown): v is Obj =>
  isObject(v) && typeof v.id === 'string' && typeof v.amount === 'number' && typeof v.currency === 'string' &&
  typeof v.transactionState === 'string' && typeof v.complianceState === 'string';
const isPage = (v: unknown): v is Obj =>
  isObject(v) && Array.isArray(v.result) && v.result.every(isTransaction) &&
  ['page', 'size', 'total', 'totalElements'].every((key) => typeof v[key] === 'number');
/** List answers: a JSON array, or `{ result: [...] }` like the paged answer. */
const listOf = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : isObject(v) && Array.isArray(v.result) ? v.result : undefined);

const expectShape = shapeChecker('the Customer Purse API reference');

function required(value: string, name: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${what}: pass ${name} (a non-empty string).`);
  return value;
}

function checkOptions(options: CustomerPurseClientOptions): void {
  const missing = (['apiUrl', 'apiKey', 'secretKey', 'account'] as const).filter(
    (key) => typeof options?.[key] !== 'string' || options[key].trim() === '',
  );
  if (missing.length > 0) {
    throw new Error(`createCustomerPurseClient: missing option(s) ${missing.join(', ')}. Pass them, or use customerPurseConfigFromEnv().`);
  }
  let url: URL | undefined;
  try {
    url = new URL(options.apiUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`createCustomerPurseClient: apiUrl must be an absolute http(s) URL, got "${options.apiUrl}".`);
  }
}

async function readErrorBody(response: Response): Promise<CustomerPurseErrorBody | undefined> {
  try {
    const parsed: unknown = JSON.parse(await response.text());
    return isObject(parsed) ? (parsed as CustomerPurseErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** The API's `{ code, message }` in the problem shape every PurseApiError carries. */
function toProblem(status: number, body: CustomerPurseErrorBody | undefined): ProblemDetails {
  const message = typeof body?.message === 'string' ? body.message : undefined;
  const problem: ProblemDetails = { title: message ?? `Customer Purse API error ${status}`, status };
  if (message) problem.detail = message;
  if (typeof body?.code === 'string') problem.code = body.code;
  return problem;
}

/** The server-side Customer Purse client: signs every request with the secret key. Checks its options at once. */
export function createCustomerPurseClient(options: CustomerPurseClientOptions): CustomerPurseClient {
  checkOptions(options);
  const base = options.apiUrl.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  let offset = 0;
  let lastTimestamp = 0;

  /** Strictly increasing: two calls in one millisecond never send the same body (the API refuses a replay). */
  const nextTimestamp = () => (lastTimestamp = Math.max(Math.round(now() + offset), lastTimestamp + 1));

  /** The API's clock from its `Date` header, against the middle of the round trip; adopted when it is off by more than noise. */
  function learnClock(response: Response, sentAt: number): number | undefined {
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(date)) return undefined;
    const measured = date - (sentAt + now()) / 2;
    offset = Math.abs(measured) > OFFSET_NOISE_MS ? measured : 0;
    return date;
  }

  async function call(path: string, payload: unknown, what: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const timestamp = nextTimestamp();
      const body = JSON.stringify(payload === undefined ? { account: options.account, timestamp } : { account: options.account, timestamp, payload });
      const sign = await signCustomerPurseBody(options.secretKey, body);
      const sentAt = now();
      const response = await fetchWithTimeout(
        fetchImpl,
        `${base}${path}`,
        { method: 'POST', headers: { Key: options.apiKey, Sign: sign, 'content-type': 'application/json', accept: 'application/json' }, body },
        timeoutMs,
        `the Customer Purse API (${what})`,
      );
      const serverNow = learnClock(response, sentAt);
      if (!response.ok) {
        const error = await readErrorBody(response);
        // Refused because our clock is off: nothing was done, so sign again once with the API's time.
        const skewed = serverNow !== undefined && Math.abs(timestamp - serverNow) > CUSTOMER_PURSE_TIMESTAMP_WINDOW_MS - OFFSET_NOISE_MS;
        // Refused as a replay: another instance signed this very body in the same millisecond. Ours was not done.
        const replayed = error?.code === 'REPLAYED_REQUEST';
        if (response.status === 400 && (skewed || replayed) && attempt === 0) continue;
        const auth = response.status === 401 || response.status === 403;
        throw new PurseApiError({
          kind: auth ? 'auth' : 'http',
          status: response.status,
          problem: toProblem(response.status, error),
          retryAfter: response.headers.get('retry-after') ?? undefined,
          message: auth
            ? `The Customer Purse API refused the request (${response.status}) for ${what}: check the API key, the secret key and the account.`
            : `The Customer Purse API answered ${response.status} to ${what}${error?.message ? `: ${error.message}` : ''}.`,
        });
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw new PurseApiError({ kind: 'network', status: response.status, message: `The answer to ${what} was cut off.`, cause });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new PurseApiError({ kind: 'invalid_response', status: response.status, message: `The Customer Purse API answered ${what} with a body that is not JSON.`, cause });
      }
    }
  }

  async function one<T>(path: string, payload: unknown, what: string, ok: (v: unknown) => boolean): Promise<T> {
    const body = await call(path, payload, what);
    return expectShape<T>(body, ok(body), what);
  }
  async function list<T>(path: string, payload: unknown, what: string, ok: (v: unknown) => boolean): Promise<T[]> {
    const items = listOf(await call(path, payload, what));
    return expectShape<T[]>(items, items !== undefined && items.every(ok), what);
  }
  const customerCall = (path: string, customerId: string, what: string) =>
    one<PurseCustomer>(path, { customerId: required(customerId, 'customerId', what) }, what, isCustomer);

  return {
    account: options.account,
    getTransaction: (transactionId) =>
      one(CUSTOMER_PURSE_PATHS.getTransaction, { transactionId: required(transactionId, 'transactionId', 'getTransaction') }, 'transaction/get', isTransaction),
    findTransactions: (payload) => {
      required(payload?.customerId, 'customerId', 'findTransactions');
      return one(CUSTOMER_PURSE_PATHS.findTransactions, payload, 'transaction/find', isPage);
    },
    getPurses: (customerId) =>
      list(CUSTOMER_PURSE_PATHS.getPurses, { customerId: required(customerId, 'customerId', 'getPurses') }, 'purse/get-all', isPurse),
    updateCustomer: (payload) => {
      required(payload?.customerId, 'customerId', 'updateCustomer');
      return one(CUSTOMER_PURSE_PATHS.updateCustomer, payload, 'customer/update', isCustomer);
    },
    unblockCustomer: (customerId) => customerCall(CUSTOMER_PURSE_PATHS.unblockCustomer, customerId, 'customer/unblock'),
    getCustomer: (customerId) => customerCall(CUSTOMER_PURSE_PATHS.getCustomer, customerId, 'customer/get'),
    findCustomersByExternalId: (externalId) =>
      list(
        CUSTOMER_PURSE_PATHS.findCustomersByExternalId,
        { externalId: required(externalId, 'externalId', 'findCustomersByExternalId') },
        'customer/external/get',
        isCustomer,
      ),
    createCustomer: (payload) => one(CUSTOMER_PURSE_PATHS.createCustomer, payload ?? {}, 'customer/create', isCustomer),
    blockCustomer: (customerId) => customerCall(CUSTOMER_PURSE_PATHS.blockCustomer, customerId, 'customer/block'),
    getAddress: (customerId, currency) =>
      one(
        CUSTOMER_PURSE_PATHS.getAddress,
        { customerId: required(customerId, 'customerId', 'getAddress'), currency: required(currency, 'currency', 'getAddress') },
        'address/get',
        isPurse,
      ),
    clockOffsetMs: () => offset,
  };
}

/** True for a `CustomerPurseClient` (rather than the options to create one). */
export const isCustomerPurseClient = (value: unknown): value is CustomerPurseClient =>
  isObject(value) && typeof value.findTransactions === 'function' && typeof value.getAddress === 'function';
