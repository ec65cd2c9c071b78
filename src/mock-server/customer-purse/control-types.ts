// What a test or the demo can do with the Customer Purse half of the mock (kept apart from the module, so that the
// mock's public types can name it without importing the module).
import type {
  PurseAddress,
  PurseComplianceState,
  PurseCustomer,
  PurseTransaction,
  PurseTransactionState,
} from '../../core/wire/customer-purse.ts';

/** A deposit for `addDeposit`: give `customerId` or `externalId`. */
export interface MockDepositInput {
  /** The customer, by the API's id. */
  customerId?: string;
  /** The customer, by the merchant's `externalId`. */
  externalId?: string;
  /** Currency code, one of `MOCK_PURSE_CURRENCIES`. */
  currency: string;
  /** In the currency's major unit. */
  amount: number;
  /**
   * Where the transaction is on the network.
   * @defaultValue 'MEM_POOL_FOUND'
   */
  transactionState?: PurseTransactionState;
  /**
   * Where its compliance check is.
   * @defaultValue the one that goes with the state (UNCHECKED, IN_PROGRESS, CHECKED, DECLINE)
   */
  complianceState?: PurseComplianceState;
}

/** The Customer Purse half of `MockPurseControl`. */
export interface CustomerPurseControl {
  /** Every customer, seeded ones first. */
  customers(): PurseCustomer[];
  /** Every deposit address, with its customer. */
  purses(): (PurseAddress & { customerId: string })[];
  /** Every incoming transaction, with its customer. */
  transactions(): (PurseTransaction & { customerId: string })[];
  /** Money arrives at the customer's address for the currency (made when there is none). Throws on bad input. */
  addDeposit(input: MockDepositInput): PurseTransaction;
  /** Moves a transaction on (e.g. MEM_POOL_FOUND → CONFIRMED). Throws when unknown. */
  setTransactionState(id: string, transactionState: PurseTransactionState, complianceState?: PurseComplianceState): PurseTransaction;
}

