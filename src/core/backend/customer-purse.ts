// What the browser and the merchant handler exchange about the signed-in shopper's Customer Purse (deposit addresses
// and incoming transactions). Field names are the Customer Purse API's; merchant-only members are left out.
import type { PurseComplianceState, PurseTransactionState } from '../wire/customer-purse.ts';

export interface ShopperDepositAddress {
  id: string;
  /** Where the shopper sends funds: render as text. */
  address: string;
  /** Currencies this address accepts. */
  currencies: string[];
  createdDate: string;
}

export interface ShopperPurse {
  /**
   * The merchant blocked the shopper's purse: no address is given (funds sent to a blocked customer's address are
   * credited to the merchant, not to the shopper).
   */
  blocked: boolean;
  addresses: ShopperDepositAddress[];
}

export interface ShopperDeposit {
  id: string;
  /** In the currency's major unit (0.015 BTC). */
  amount: number;
  currency: string;
  transactionState: PurseTransactionState;
  complianceState: PurseComplianceState;
  transactionHash?: string;
  createdDate: string;
}

/** One page of the shopper's deposits, newest first. */
export interface ShopperDepositPage {
  result: ShopperDeposit[];
  /** 0 for the first page. */
  page: number;
  size: number;
  /** Number of pages. */
  total: number;
  totalElements: number;
}

export interface DepositPageRequest {
  /** 0 for the first page. */
  page: number;
  size: number;
}
