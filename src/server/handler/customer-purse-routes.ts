// The Customer Purse routes of the merchant handler: the signed-in shopper's own deposit addresses and transactions.
// The Customer Purse customer is found from the merchant's customer reference (resolveCustomer → `externalId`), never
// from the request; one is created on the first visit when the merchant allows it, once, even across instances.
import type { DepositPageRequest, ShopperDeposit, ShopperDepositPage, ShopperPurse } from '../../core/backend/customer-purse.ts';
import { routes } from '../../core/backend/routes.ts';
import type { PurseTransaction } from '../../core/wire/customer-purse.ts';
import { isPurseApiError, PurseApiError } from '../purse/error.ts';
import { json, problem, validationProblem } from './http.ts';
import type { CustomerPurseContext } from './customer-purse-context.ts';
import { takeLock } from './lock.ts';
import type { RouteContext, RouteDefinition } from './route-types.ts';

const ONE_DAY = 24 * 60 * 60_000;
const CREATE_LOCK_MS = 30_000;
/** After a creation whose answer never came, how long Purse may still be making it (beyond the client's timeout). */
const IN_DOUBT_MS = 15_000;
/** Length-prefixed, so that no customer reference can collide with another. */
const scoped = (customer: string) => `${customer.length}:${customer}`;
const mappingKey = (customer: string) => `purse-kit:customer-purse:customer:${scoped(customer)}`;
const lockKey = (customer: string) => `purse-kit:customer-purse:create:${scoped(customer)}`;
const inDoubtKey = (customer: string) => `purse-kit:customer-purse:in-doubt:${scoped(customer)}`;

const pending = () =>
  problem(
    503,
    { title: 'Deposit account being created', detail: 'The deposit account is being created. Try again in a moment.', code: 'customer_purse_pending' },
    { 'retry-after': '1' },
  );

const noCustomer = () =>
  problem(401, {
    title: 'No customer session',
    detail: 'There is no signed-in customer for this request: a purse is shown only to its own customer, from resolveCustomer().',
    code: 'no_customer_session',
  });

const notConfigured = () =>
  problem(501, {
    title: 'Customer Purse not configured',
    detail: 'Pass customerPurse: { client, currencies } to createMerchantHandler to serve deposit addresses and transactions.',
    code: 'customer_purse_not_configured',
  });

/**
 * The Customer Purse customer id of the signed-in customer: remembered in the store, else found by `externalId`, else
 * created (when `create` and the merchant allow it). A Response when the request must stop here.
 */
async function purseCustomerId(ctx: RouteContext, cp: CustomerPurseContext, customer: string, create: boolean): Promise<string | null | Response> {
  const remembered = await ctx.store.get(mappingKey(customer));
  if (remembered !== undefined) return remembered;
  // Exact match only: the API is asked for this externalId, and nothing else is trusted.
  const found = (await cp.client.findCustomersByExternalId(customer)).find((c) => c.externalId === customer);
  if (found) {
    await ctx.store.set(mappingKey(customer), found.id, ONE_DAY);
    return found.id;
  }
  if (!create || cp.createCustomer === false) return null;
  const details = typeof cp.createCustomer === 'function' ? await cp.createCustomer(ctx.request, customer) : {};
  if (details === null) return null;
  // One creation per customer, also when two first visits race on two instances: the other waits and retries. Renewed
  // while held, since a creation may outlast the lock (two requests, each up to the client's timeout).
  const lock = await takeLock(ctx.store, lockKey(customer), CREATE_LOCK_MS, { renew: true });
  if (!lock) return pending();
  try {
    // An earlier attempt whose answer was lost may have created it: look once more under the lock.
    const again = (await cp.client.findCustomersByExternalId(customer)).find((c) => c.externalId === customer);
    let id = again?.id;
    if (id === undefined) {
      // One whose answer never came (timeout, cut connection) may still be under way at Purse: wait, not make another.
      if ((await ctx.store.get(inDoubtKey(customer))) !== undefined) return pending();
      try {
        id = (await cp.client.createCustomer({ ...details, externalId: customer })).id;
      } catch (error) {
        if (isPurseApiError(error) && (error.kind === 'timeout' || error.kind === 'network')) await ctx.store.set(inDoubtKey(customer), '1', IN_DOUBT_MS);
        throw error;
      }
    }
    await ctx.store.set(mappingKey(customer), id, ONE_DAY);
    return id;
  } finally {
    await lock.release();
  }
}

/** Purse does not know this customer id (the API: 400 CUSTOMER_NOT_FOUND), e.g. remembered for another Purse account. */
const isUnknownCustomer = (error: unknown) => isPurseApiError(error) && (error.status === 404 || error.problem?.code === 'CUSTOMER_NOT_FOUND');

/** Runs `serve`; when Purse does not know the remembered id, forgets it and runs once more (found again, or created). */
async function forgettingStale(ctx: RouteContext, customer: string, serve: () => Promise<Response>): Promise<Response> {
  try {
    return await serve();
  } catch (error) {
    if (!isUnknownCustomer(error)) throw error;
    await ctx.store.delete(mappingKey(customer));
    return serve();
  }
}

/** The shopper's view of a transaction: no sender address, nothing about the merchant's own account. */
const toShopperDeposit = (t: PurseTransaction): ShopperDeposit => ({
  id: t.id,
  amount: t.amount,
  currency: t.currency,
  transactionState: t.transactionState,
  complianceState: t.complianceState,
  ...(t.transactionHash ? { transactionHash: t.transactionHash } : {}),
  createdDate: t.createdDate,
});

function pageRequest(url: URL, cp: CustomerPurseContext): DepositPageRequest | Response {
  const read = (name: string, fallback: number) => {
    const raw = url.searchParams.get(name);
    return raw === null ? fallback : /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  };
  const page = read('page', 0);
  const size = read('size', cp.defaultPageSize);
  const errors = [];
  if (!Number.isInteger(page)) errors.push({ pointer: '/page', detail: 'page must be a whole number, 0 for the first page.' });
  if (!Number.isInteger(size) || size < 1 || size > cp.maxPageSize) errors.push({ pointer: '/size', detail: `size must be from 1 to ${cp.maxPageSize}.` });
  return errors.length ? validationProblem(errors, 'Pass ?page=0&size=10.') : { page, size };
}

export const customerPurseRoutes: Record<string, RouteDefinition> = {
  [routes.customerPurse]: {
    method: 'GET',
    async run(ctx) {
      const cp = ctx.customerPurse;
      if (!cp) return notConfigured();
      const customer = await ctx.customer();
      if (!customer) return noCustomer();
      try {
        return await forgettingStale(ctx, customer, async () => {
          const id = await purseCustomerId(ctx, cp, customer, true);
          if (id instanceof Response) return id;
          if (id === null) {
            return problem(404, { title: 'No deposit account', detail: 'This customer has no deposit account.', code: 'customer_purse_not_found' });
          }
          const { blocked } = await cp.client.getCustomer(id);
          const view: ShopperPurse = { blocked, addresses: [], owner: id };
          if (!blocked) {
            const purses = await Promise.all(cp.currencies.map((currency) => cp.client.getAddress(id, currency)));
            const seen = new Set<string>();
            for (const { id: purseId, address, currencies, createdDate } of purses) {
              // No address, or nothing it accepts, is not somewhere to send funds: an unreadable answer, not a card.
              if (!address.trim() || currencies.length === 0) {
                throw new PurseApiError({ kind: 'invalid_response', status: 200, message: 'The Customer Purse API answered address/get with no address or no currency.' });
              }
              if (seen.has(purseId)) continue;
              seen.add(purseId);
              view.addresses.push({ id: purseId, address, currencies, createdDate });
            }
          }
          return json(200, view);
        });
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },

  [routes.customerPurseTransactions]: {
    method: 'GET',
    async run(ctx) {
      const cp = ctx.customerPurse;
      if (!cp) return notConfigured();
      const request = pageRequest(ctx.url, cp);
      if (request instanceof Response) return request;
      const customer = await ctx.customer();
      if (!customer) return noCustomer();
      try {
        return await forgettingStale(ctx, customer, async () => {
          // Listing never creates: a customer without a purse simply has no deposit yet.
          const id = await purseCustomerId(ctx, cp, customer, false);
          if (id instanceof Response) return id;
          const empty: ShopperDepositPage = { result: [], page: request.page, size: request.size, total: 0, totalElements: 0 };
          if (id === null) return json(200, empty);
          const page = await cp.client.findTransactions({
            customerId: id,
            pageNumber: request.page,
            pageSize: request.size,
            sort: 'DESC',
            properties: 'createdDate',
          });
          const view: ShopperDepositPage = { ...empty, result: page.result.map(toShopperDeposit), total: page.total, totalElements: page.totalElements, owner: id };
          return json(200, view);
        });
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },
};
