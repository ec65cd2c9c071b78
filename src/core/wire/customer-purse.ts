// Customer Purse API wire types (Calypso Finance; purse-docs/customer-purse-api.txt). Every call is a signed POST of
// `{ account, timestamp, payload }`. The document lists the envelope and the answers; the payload members, the enum
// values and the list shapes it leaves out are from Calypso's public reference (see the README, "Customer Purse API").

/** Every request body. `timestamp` is Unix UTC in ms, accepted within ±3 minutes of the server's clock. */
export interface CustomerPurseEnvelope<P> {
  /** Merchant account id: the request is made for this account. */
  account: string;
  timestamp: number;
  payload?: P;
}

/** State of an incoming transaction (MEM_POOL_FOUND is not guaranteed to be reported). */
export const PURSE_TRANSACTION_STATES = ['MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK', 'CONFIRMED', 'DECLINED'] as const;
export type PurseTransactionState = (typeof PURSE_TRANSACTION_STATES)[number];

/** Compliance check of an incoming transaction (UNCHECKED while in the mempool; DECLINE when it failed). */
export const PURSE_COMPLIANCE_STATES = ['UNCHECKED', 'IN_PROGRESS', 'CHECKED', 'DECLINE'] as const;
export type PurseComplianceState = (typeof PURSE_COMPLIANCE_STATES)[number];

/** "Customer data": create, get, update, block and unblock answer with it. */
export interface PurseCustomer {
  id: string;
  email?: string;
  description?: string;
  /** The merchant's own reference of the customer. */
  externalId?: string;
  /** A blocked customer's addresses still receive funds, but they are credited to the merchant, not the customer. */
  blocked: boolean;
}

/** "Purse data": a deposit address and the currencies it accepts. */
export interface PurseAddress {
  id: string;
  address: string;
  currencies: string[];
  /** ISO 8601 date-time. */
  createdDate: string;
}

/** "Transaction data": an incoming transaction to one of a customer's addresses. */
export interface PurseTransaction {
  id: string;
  /** In the currency's major unit (e.g. 0.015 BTC), as a JSON number. */
  amount: number;
  addressFrom: string;
  currency: string;
  transactionHash?: string;
  transactionState: PurseTransactionState;
  complianceState: PurseComplianceState;
  /** The funds were credited to the merchant's account. */
  translationToAccountCompleted: boolean;
  /** ISO 8601 date-time. */
  createdDate: string;
}

/** "Object with page details" of transaction/find, with the page's transactions in `result`. */
export interface PurseTransactionPage {
  result: PurseTransaction[];
  /** The page number (0 for the first page). */
  page: number;
  size: number;
  /** Number of pages. */
  total: number;
  /** Number of transactions matching the query. */
  totalElements: number;
}

export interface ByCustomerId {
  customerId: string;
}

export interface GetTransactionPayload {
  transactionId: string;
}

export interface GetAddressPayload extends ByCustomerId {
  currency: string;
}

export interface FindCustomersPayload {
  externalId: string;
}

export interface CreateCustomerPayload {
  email?: string;
  description?: string;
  externalId?: string;
}

export interface UpdateCustomerPayload extends ByCustomerId, CreateCustomerPayload {}

/** A filter of transaction/find; every member optional. */
export interface PurseFilter<T extends string> {
  equals?: T;
  notEquals?: T;
  specified?: boolean;
  in?: T[];
  notIn?: T[];
}

export interface FindTransactionsPayload extends ByCustomerId {
  currencyFilter?: PurseFilter<string> & { contains?: string; doesNotContain?: string };
  transactionStateFilter?: PurseFilter<PurseTransactionState>;
  /** 0 for the first page. */
  pageNumber?: number;
  pageSize?: number;
  sort?: 'ASC' | 'DESC';
  /** The property sorted on, e.g. "createdDate". */
  properties?: string;
}

/** An error answer of the Customer Purse API (400, 401, 500…). */
export interface CustomerPurseErrorBody {
  code?: string;
  message?: string;
  [extension: string]: unknown;
}

/** The ten endpoints, below the API's base URL. */
export const CUSTOMER_PURSE_PATHS = {
  getTransaction: '/api/v1/customer-purse/transaction/get',
  findTransactions: '/api/v1/customer-purse/transaction/find',
  getPurses: '/api/v1/customer-purse/purse/get-all',
  updateCustomer: '/api/v1/customer-purse/customer/update',
  unblockCustomer: '/api/v1/customer-purse/customer/unblock',
  getCustomer: '/api/v1/customer-purse/customer/get',
  findCustomersByExternalId: '/api/v1/customer-purse/customer/external/get',
  createCustomer: '/api/v1/customer-purse/customer/create',
  blockCustomer: '/api/v1/customer-purse/customer/block',
  getAddress: '/api/v1/customer-purse/address/get',
} as const;
