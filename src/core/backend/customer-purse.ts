// What the browser and the merchant handler exchange about the signed-in shopper's Customer Purse (deposit addresses
// and incoming transactions). Field names are the Customer Purse API's; merchant-only members are left out.
import type { PurseComplianceState, PurseTransactionState } from '../wire/customer-purse.ts';

/** One of the shopper's deposit addresses. */
export interface ShopperDepositAddress {
  /** Purse's id of the address. */
  id: string;
  /** Where the shopper sends funds: render as text. */
  address: string;
  /** Currencies this address accepts. */
  currencies: string[];
  /** When the address was created (ISO 8601 date-time). */
  createdDate: string;
}

/** The signed-in shopper's Customer Purse: their deposit addresses, or none when blocked. */
export interface ShopperPurse {
  /**
   * The merchant blocked the shopper's purse: no address is given (funds sent to a blocked customer's address are
   * credited to the merchant, not to the shopper).
   */
  blocked: boolean;
  /** The deposit addresses (empty when `blocked`). */
  addresses: ShopperDepositAddress[];
  /** Names whose purse this is (Purse's customer id), so that a view can tell when another shopper signed in. */
  owner?: string;
}

/** A transaction that reached one of the shopper's addresses. */
export interface ShopperDeposit {
  /** Purse's id of the transaction. */
  id: string;
  /** In the currency's major unit (0.015 BTC). */
  amount: number;
  /** Currency code, e.g. `BTC`. */
  currency: string;
  /** Where the transaction is on the network (see `depositTone`). */
  transactionState: PurseTransactionState;
  /** Where its compliance check is (see `complianceTone`). */
  complianceState: PurseComplianceState;
  /** The transaction's hash on its network, once known. */
  transactionHash?: string;
  /** When Purse saw it (ISO 8601 date-time). */
  createdDate: string;
}

/** One page of the shopper's deposits, newest first. */
export interface ShopperDepositPage {
  /** The page's deposits. */
  result: ShopperDeposit[];
  /** 0 for the first page. */
  page: number;
  /** Deposits per page. */
  size: number;
  /** Number of pages. */
  total: number;
  /** Number of deposits on all pages. */
  totalElements: number;
  /** As `ShopperPurse.owner`; absent while the shopper has no purse yet. */
  owner?: string;
}

/** Which page of deposits to read. */
export interface DepositPageRequest {
  /** 0 for the first page. */
  page: number;
  /** Deposits per page (the handler accepts 1 to its `maxPageSize`). */
  size: number;
}
