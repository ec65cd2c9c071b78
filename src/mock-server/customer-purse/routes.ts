// The ten Customer Purse API endpoints (purse-docs/customer-purse-api.txt), each a signed POST (see auth.ts).
import {
  CUSTOMER_PURSE_PATHS as PATHS,
  PURSE_TRANSACTION_STATES,
  type PurseTransactionState,
} from '../../core/wire/customer-purse.ts';
import type { MockContext, MockRoute } from '../shared/context.ts';
import { UUID_PATTERN, uuid } from '../shared/util.ts';
import { cpError, cpJson, verifySigned, type KeyPair } from './auth.ts';
import {
  customerToWire,
  familyOf,
  MOCK_PURSE_CURRENCIES,
  addPurse,
  purseFor,
  purseToWire,
  transactionToWire,
  type World,
} from './world.ts';

type Payload = Record<string, unknown>;
type Handler = (payload: Payload) => Response;

const MAX_PAGE_SIZE = 100;
const optionalString = (value: unknown) => value === undefined || (typeof value === 'string' && value.length <= 255);

export function customerPurseRoutes(context: MockContext, world: World, keys: KeyPair[]): MockRoute[] {
  const bad = (code: string, message: string) => cpError(context, 400, code, message);
  const uuidOf = (payload: Payload, name: string) => (typeof payload[name] === 'string' && UUID_PATTERN.test(payload[name]) ? (payload[name] as string) : undefined);
  const nowIso = () => new Date(context.now()).toISOString();

  /** The customer named by `payload.customerId`, or the 400 that says why not. */
  function customerOf(payload: Payload) {
    const id = uuidOf(payload, 'customerId');
    if (!id) return { response: bad('VALIDATION_ERROR', 'payload.customerId is required (a UUID).') };
    const customer = world.customers.get(id);
    return customer ? { customer } : { response: bad('CUSTOMER_NOT_FOUND', 'No customer has this id.') };
  }

  function customerDetails(payload: Payload): Response | undefined {
    for (const name of ['email', 'description', 'externalId']) {
      if (!optionalString(payload[name])) return bad('VALIDATION_ERROR', `payload.${name} must be a string of at most 255 characters.`);
    }
    if (typeof payload.email === 'string' && !/^[^\s@]+@[^\s@]+$/.test(payload.email)) return bad('VALIDATION_ERROR', 'payload.email is not an email address.');
    return undefined;
  }

  const handlers: Record<string, Handler> = {
    [PATHS.getTransaction](payload) {
      const id = uuidOf(payload, 'transactionId');
      if (!id) return bad('VALIDATION_ERROR', 'payload.transactionId is required (a UUID).');
      const transaction = world.transactions.get(id);
      return transaction ? cpJson(context, transactionToWire(transaction)) : bad('TRANSACTION_NOT_FOUND', 'No transaction has this id.');
    },

    [PATHS.findTransactions](payload) {
      const found = customerOf(payload);
      if (found.response) return found.response;
      const pageNumber = payload.pageNumber ?? 0;
      const pageSize = payload.pageSize ?? 20;
      if (!Number.isInteger(pageNumber) || (pageNumber as number) < 0) return bad('VALIDATION_ERROR', 'payload.pageNumber must be an integer >= 0 (0 is the first page).');
      if (!Number.isInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > MAX_PAGE_SIZE) {
        return bad('VALIDATION_ERROR', `payload.pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
      }
      if (payload.sort !== undefined && payload.sort !== 'ASC' && payload.sort !== 'DESC') return bad('VALIDATION_ERROR', 'payload.sort must be ASC or DESC.');
      const currency = (payload.currencyFilter ?? {}) as Payload;
      const state = (payload.transactionStateFilter ?? {}) as Payload;
      const states = [state.equals, state.notEquals, ...((state.in as unknown[]) ?? []), ...((state.notIn as unknown[]) ?? [])];
      if (states.some((s) => s !== undefined && !PURSE_TRANSACTION_STATES.includes(s as PurseTransactionState))) {
        return bad('VALIDATION_ERROR', `transactionStateFilter values must be among ${PURSE_TRANSACTION_STATES.join(', ')}.`);
      }
      const passes = (filter: Payload, value: string) =>
        (filter.equals === undefined || value === filter.equals) &&
        (filter.notEquals === undefined || value !== filter.notEquals) &&
        (!Array.isArray(filter.in) || filter.in.includes(value)) &&
        (!Array.isArray(filter.notIn) || !filter.notIn.includes(value)) &&
        (typeof filter.contains !== 'string' || value.includes(filter.contains)) &&
        (typeof filter.doesNotContain !== 'string' || !value.includes(filter.doesNotContain));
      const direction = payload.sort === 'ASC' ? 1 : -1;
      const matching = [...world.transactions.values()]
        .filter((t) => t.customerId === found.customer.id && passes(currency, t.currency) && passes(state, t.transactionState))
        .sort((a, b) => direction * (Date.parse(a.createdDate) - Date.parse(b.createdDate) || a.id.localeCompare(b.id)));
      const page = pageNumber as number;
      const size = pageSize as number;
      return cpJson(context, {
        result: matching.slice(page * size, (page + 1) * size).map(transactionToWire),
        page,
        size,
        total: Math.ceil(matching.length / size),
        totalElements: matching.length,
      });
    },

    [PATHS.getPurses](payload) {
      const found = customerOf(payload);
      if (found.response) return found.response;
      return cpJson(context, [...world.purses.values()].filter((p) => p.customerId === found.customer.id).map(purseToWire));
    },

    [PATHS.getAddress](payload) {
      const found = customerOf(payload);
      if (found.response) return found.response;
      const { currency } = payload;
      if (typeof currency !== 'string' || !familyOf(currency)) {
        return bad('UNSUPPORTED_CURRENCY', `payload.currency must be one of ${MOCK_PURSE_CURRENCIES.join(', ')}.`);
      }
      const purse = purseFor(world, found.customer.id, currency) ?? addPurse(world, found.customer.id, currency, nowIso());
      return cpJson(context, purseToWire(purse));
    },

    [PATHS.createCustomer](payload) {
      const invalid = customerDetails(payload);
      if (invalid) return invalid;
      const customer = { id: uuid(), blocked: false, ...pick(payload) };
      world.customers.set(customer.id, customer);
      return cpJson(context, customerToWire(customer));
    },

    [PATHS.getCustomer](payload) {
      const found = customerOf(payload);
      return found.response ?? cpJson(context, customerToWire(found.customer));
    },

    [PATHS.findCustomersByExternalId](payload) {
      const { externalId } = payload;
      if (typeof externalId !== 'string' || externalId === '') return bad('VALIDATION_ERROR', 'payload.externalId is required.');
      return cpJson(context, [...world.customers.values()].filter((c) => c.externalId === externalId).map(customerToWire));
    },

    [PATHS.updateCustomer](payload) {
      const found = customerOf(payload);
      if (found.response) return found.response;
      const invalid = customerDetails(payload);
      if (invalid) return invalid;
      Object.assign(found.customer, pick(payload));
      return cpJson(context, customerToWire(found.customer));
    },

    [PATHS.blockCustomer]: (payload) => setBlocked(payload, true),
    [PATHS.unblockCustomer]: (payload) => setBlocked(payload, false),
  };

  function setBlocked(payload: Payload, blocked: boolean): Response {
    const found = customerOf(payload);
    if (found.response) return found.response;
    found.customer.blocked = blocked;
    return cpJson(context, customerToWire(found.customer));
  }

  return Object.entries(handlers).map(([path, handle]) => ({
    method: 'POST',
    path,
    // Not OAuth2: every request is signed with Key / Sign instead.
    auth: 'none',
    async handler(request) {
      const verified = await verifySigned(context, world, keys, request);
      return verified.ok ? handle(verified.payload) : verified.response;
    },
  }));
}

function pick(payload: Payload): { email?: string; description?: string; externalId?: string } {
  const out: Record<string, string> = {};
  for (const name of ['email', 'description', 'externalId']) if (typeof payload[name] === 'string') out[name] = payload[name] as string;
  return out;
}
