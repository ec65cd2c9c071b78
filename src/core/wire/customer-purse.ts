// Customer Purse API wire types (Calypso Finance; purse-docs/customer-purse-api.txt). Every call is a signed POST of
// `{ account, timestamp, payload }`. The document lists the envelope and the answers; the payload members, the enum
// values and the list shapes it leaves out are from Calypso's public reference (see the README, "Customer Purse API").

/** Every request body. `timestamp` is Unix UTC in ms, accepted within ±3 minutes of the server's clock. */
export interface CustomerPurseEnvelope<P> {
  /** Merchant account id: the request is made for this account. */
  account: string;
  /** Unix UTC time in ms; refused when more than 3 minutes away from the server's clock. */
  timestamp: number;
  /** The endpoint's own members (absent for calls that need none). */
  payload?: P;
}

/** State of an incoming transaction (MEM_POOL_FOUND is not guaranteed to be reported). */
export const PURSE_TRANSACTION_STATES = ['MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK', 'CONFIRMED', 'DECLINED'] as const;
/** One of `PURSE_TRANSACTION_STATES`. */
export type PurseTransactionState = (typeof PURSE_TRANSACTION_STATES)[number];

/** Compliance check of an incoming transaction (UNCHECKED while in the mempool; DECLINE when it failed). */
export const PURSE_COMPLIANCE_STATES = ['UNCHECKED', 'IN_PROGRESS', 'CHECKED', 'DECLINE'] as const;
/** One of `PURSE_COMPLIANCE_STATES`. */
export type PurseComplianceState = (typeof PURSE_COMPLIANCE_STATES)[number];

/** "Customer data": create, get, update, block and unblock answer with it. */
export interface PurseCustomer {
  /** Purse's id of the customer (the `customerId` of the other calls). */
  id: string;
  /** The customer's email, when the merchant gave one. */
  email?: string;
  /** The merchant's free text about the customer. */
  description?: string;
  /** The merchant's own reference of the customer. */
  externalId?: string;
  /** A blocked customer's addresses still receive funds, but they are credited to the merchant, not the customer. */
  blocked: boolean;
}

/** "Purse data": a deposit address and the currencies it accepts. */
export interface PurseAddress {
  /** Purse's id of the address. */
  id: string;
  /** The address on its network, as the shopper sends funds to it. */
  address: string;
  /** Currency codes this address accepts (e.g. `['ETH', 'USDT']`). */
  currencies: string[];
  /** ISO 8601 date-time. */
  createdDate: string;
}

/** "Transaction data": an incoming transaction to one of a customer's addresses. */
export interface PurseTransaction {
  /** Purse's id of the transaction (a UUID). */
  id: string;
  /** In the currency's major unit (e.g. 0.015 BTC), as a JSON number. */
  amount: number;
  /** The sending address. */
  addressFrom: string;
  /** Currency code, e.g. `BTC`. */
  currency: string;
  /** The transaction's hash on its network, once known. */
  transactionHash?: string;
  /** Where the transaction is on the network. */
  transactionState: PurseTransactionState;
  /** Where its compliance check is. */
  complianceState: PurseComplianceState;
  /** The funds were credited to the merchant's account. */
  translationToAccountCompleted: boolean;
  /** ISO 8601 date-time. */
  createdDate: string;
}

/** "Object with page details" of transaction/find, with the page's transactions in `result`. */
export interface PurseTransactionPage {
  /** The page's transactions. */
  result: PurseTransaction[];
  /** The page number (0 for the first page). */
  page: number;
  /** The page size asked for. */
  size: number;
  /** Number of pages. */
  total: number;
  /** Number of transactions matching the query. */
  totalElements: number;
}

/** The payload of the calls about one customer (get, block, unblock, get-all purses). */
export interface ByCustomerId {
  /** Purse's id of the customer (`PurseCustomer.id`). */
  customerId: string;
}

/** The payload of transaction/get. */
export interface GetTransactionPayload {
  /** Purse's id of the transaction. */
  transactionId: string;
}

/** The payload of address/get: the customer's address for a currency (created when there is none). */
export interface GetAddressPayload extends ByCustomerId {
  /** Currency code, e.g. `BTC`. */
  currency: string;
}

/** The payload of customer/external/get. */
export interface FindCustomersPayload {
  /** The merchant's own reference of the customer. */
  externalId: string;
}

/** The payload of customer/create. */
export interface CreateCustomerPayload {
  /** The customer's email. */
  email?: string;
  /** The merchant's free text about the customer. */
  description?: string;
  /** The merchant's own reference of the customer (what the handler finds them by). */
  externalId?: string;
}

/** The payload of customer/update: the customer, and the members to change. */
export interface UpdateCustomerPayload extends ByCustomerId, CreateCustomerPayload {}

/** A filter of transaction/find; every member optional. */
export interface PurseFilter<T extends string> {
  /** Only this value. */
  equals?: T;
  /** Every value but this one. */
  notEquals?: T;
  /** Only with (true) or without (false) a value. */
  specified?: boolean;
  /** Only these values. */
  in?: T[];
  /** Every value but these. */
  notIn?: T[];
}

/** The payload of transaction/find: one customer's transactions, filtered, one page at a time. */
export interface FindTransactionsPayload extends ByCustomerId {
  /** On the currency code; also by part of it (`contains`, `doesNotContain`). */
  currencyFilter?: PurseFilter<string> & { contains?: string; doesNotContain?: string };
  /** On the transaction state. */
  transactionStateFilter?: PurseFilter<PurseTransactionState>;
  /** 0 for the first page. */
  pageNumber?: number;
  /** Transactions per page. */
  pageSize?: number;
  /** The order of `properties`. */
  sort?: 'ASC' | 'DESC';
  /** The property sorted on, e.g. "createdDate". */
  properties?: string;
}

/** An error answer of the Customer Purse API (400, 401, 500…). */
export interface CustomerPurseErrorBody {
  /** A machine-readable code, when the API gives one. */
  code?: string;
  /** What went wrong, for developers. */
  message?: string;
  /** Other members the API may add. */
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
