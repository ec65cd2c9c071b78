// States and events of the Customer Purse view: the shopper's deposit addresses and their deposits, paged and polled.
// The reducer is pure; a request the state asks for is named by a `requestKey`, and its answer carries the key back
// so that a late answer to a request that was replaced (another page, a retry) is ignored.
import type { ShopperDepositPage, ShopperPurse } from '../backend/customer-purse.ts';
import type { PurseKitError } from '../errors.ts';

export interface DepositsState {
  /** The page shown or asked for (0 is the first, the newest deposits). */
  page: number;
  size: number;
  /** The last page that arrived; kept on screen while another page or a poll is loading. */
  data?: ShopperDepositPage;
  /** A request for `page` is wanted or in flight. */
  requestKey?: string;
  /** The last request for deposits failed (the data shown, if any, is older). */
  error?: PurseKitError;
  /** Ids seen so far, to tell a deposit that arrived while the view was open. */
  known: string[];
}

export interface CustomerPurseStateBase {
  deposits: DepositsState;
  /** Deposits that arrived while the view was open (by the last poll), newest first. */
  arrived: string[];
}

/** Loading the addresses (and the first page of deposits, in parallel). */
export interface PurseLoadingState extends CustomerPurseStateBase {
  status: 'loading';
  requestKey: string;
}

/** The addresses are known; deposits are shown and polled. */
export interface PurseReadyState extends CustomerPurseStateBase {
  status: 'ready';
  purse: ShopperPurse;
}

/** The merchant blocked the shopper's purse: no address is shown; the deposits still are. */
export interface PurseBlockedState extends CustomerPurseStateBase {
  status: 'blocked';
  purse: ShopperPurse;
}

/** The addresses could not be loaded; RETRY loads them again. */
export interface PurseFailedState extends CustomerPurseStateBase {
  status: 'failed';
  error: PurseKitError;
}

export type CustomerPurseState = PurseLoadingState | PurseReadyState | PurseBlockedState | PurseFailedState;
export type CustomerPurseStatus = CustomerPurseState['status'];

export type CustomerPurseEvent =
  | { type: 'PURSE_LOADED'; requestKey: string; purse: ShopperPurse }
  | { type: 'PURSE_FAILED'; requestKey: string; error: PurseKitError }
  | { type: 'DEPOSITS_LOADED'; requestKey: string; data: ShopperDepositPage }
  | { type: 'DEPOSITS_FAILED'; requestKey: string; error: PurseKitError }
  /** The shopper asks for another page. */
  | { type: 'SHOW_PAGE'; page: number; requestKey: string }
  /** The poll timer: ask for the shown page again (ignored while a request is in flight). */
  | { type: 'POLL'; requestKey: string }
  /** Load again what failed (the addresses, the deposits, or both). */
  | { type: 'RETRY'; purseKey: string; depositsKey: string };
