// The Customer Purse view as a pure reducer. An event that does not apply returns the SAME state object, so a binding
// can tell "ignored" from "moved" with `===`.
import type { ShopperDepositPage } from '../backend/customer-purse.ts';
import type { CustomerPurseEvent, CustomerPurseState, DepositsState } from './types.ts';

/** Deposits per page when the options do not say. */
export const DEFAULT_DEPOSIT_PAGE_SIZE = 10;

/** Addresses and the first page of deposits are asked for at once. */
export function initialCustomerPurseState(keys: { purseKey: string; depositsKey: string }, size = DEFAULT_DEPOSIT_PAGE_SIZE): CustomerPurseState {
  return { status: 'loading', requestKey: keys.purseKey, deposits: { page: 0, size, requestKey: keys.depositsKey, known: [] }, arrived: [] };
}

/**
 * Deposits not seen before on a refresh of the first page (the newest). None on the first answer (those were there
 * before the view opened), nor on other pages, where older deposits shift in as new ones arrive.
 */
function arrivals(deposits: DepositsState, data: ShopperDepositPage): string[] {
  if (deposits.data?.page !== 0 || data.page !== 0) return [];
  const known = new Set(deposits.known);
  return data.result.filter((d) => !known.has(d.id)).map((d) => d.id);
}

function withDeposits(state: CustomerPurseState, deposits: DepositsState, arrived = state.arrived): CustomerPurseState {
  return { ...state, deposits, arrived };
}

/** Every transition of the Customer Purse view: events in, state out (the same object when the event does not apply). */
export function customerPurseReducer(state: CustomerPurseState, event: CustomerPurseEvent): CustomerPurseState {
  const { deposits } = state;
  switch (event.type) {
    case 'PURSE_LOADED':
      if (state.status !== 'loading' || state.requestKey !== event.requestKey) return state;
      return { status: event.purse.blocked ? 'blocked' : 'ready', purse: event.purse, deposits, arrived: state.arrived };

    case 'PURSE_FAILED':
      if (state.status !== 'loading' || state.requestKey !== event.requestKey) return state;
      return { status: 'failed', error: event.error, deposits, arrived: state.arrived };

    case 'DEPOSITS_LOADED': {
      if (deposits.requestKey !== event.requestKey) return state;
      const { data } = event;
      // Another shopper signed in (another tab): these deposits are theirs, the addresses shown are not. Start again.
      // A first page without owner is the creation race of a first visit (listed before the purse existed).
      const owner = 'purse' in state ? state.purse.owner : undefined;
      if (owner !== undefined && data.owner !== owner && (data.owner !== undefined || deposits.data)) {
        return initialCustomerPurseState({ purseKey: `${event.requestKey}p`, depositsKey: `${event.requestKey}d` }, deposits.size);
      }
      const arrived = arrivals(deposits, data);
      const known = [...new Set([...deposits.known, ...data.result.map((d) => d.id)])];
      const next: DepositsState = { page: deposits.page, size: deposits.size, data, known };
      return withDeposits(state, next, arrived.length > 0 ? arrived : state.arrived);
    }

    case 'DEPOSITS_FAILED': {
      if (deposits.requestKey !== event.requestKey) return state;
      const { requestKey: _done, ...rest } = deposits;
      return withDeposits(state, { ...rest, error: event.error });
    }

    case 'SHOW_PAGE': {
      const last = deposits.data ? Math.max(0, deposits.data.total - 1) : 0;
      if (!Number.isInteger(event.page) || event.page < 0 || event.page > last) return state;
      if (event.page === deposits.page && deposits.requestKey !== undefined) return state;
      const { error: _error, ...rest } = deposits;
      return withDeposits(state, { ...rest, page: event.page, requestKey: event.requestKey });
    }

    case 'POLL':
      // Only an open, settled view polls: not while loading, after a failure, or with a request already out.
      if ((state.status !== 'ready' && state.status !== 'blocked') || deposits.requestKey !== undefined) return state;
      return withDeposits(state, { ...deposits, requestKey: event.requestKey });

    case 'RETRY': {
      const depositsFailed = deposits.error !== undefined && deposits.requestKey === undefined;
      if (state.status !== 'failed' && !depositsFailed) return state;
      const { error: _error, ...rest } = deposits;
      const nextDeposits = depositsFailed ? { ...rest, requestKey: event.depositsKey } : deposits;
      if (state.status === 'failed') return { status: 'loading', requestKey: event.purseKey, deposits: nextDeposits, arrived: state.arrived };
      return withDeposits(state, nextDeposits);
    }
  }
}

/** True when a request is wanted or in flight (the view shows it as busy). */
export const isCustomerPurseBusy = (state: CustomerPurseState) => state.status === 'loading' || state.deposits.requestKey !== undefined;
