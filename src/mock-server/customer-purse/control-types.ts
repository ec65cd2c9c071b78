// What a test or the demo can do with the Customer Purse half of the mock (kept apart from the module, so that the
// mock's public types can name it without importing the module).
import type {
  PurseAddress,
  PurseComplianceState,
  PurseCustomer,
  PurseTransaction,
  PurseTransactionState,
} from '../../core/wire/customer-purse.ts';

export interface MockDepositInput {
  /** The customer, by the API's id or by the merchant's `externalId`. */
  customerId?: string;
  externalId?: string;
  currency: string;
  /** In the currency's major unit. */
  amount: number;
  /** Default MEM_POOL_FOUND. */
  transactionState?: PurseTransactionState;
  /** Default: the one that goes with the state (UNCHECKED, IN_PROGRESS, CHECKED, DECLINE). */
  complianceState?: PurseComplianceState;
}

export interface CustomerPurseControl {
  customers(): PurseCustomer[];
  purses(): (PurseAddress & { customerId: string })[];
  transactions(): (PurseTransaction & { customerId: string })[];
  /** Money arrives at the customer's address for the currency (made when there is none). Throws on bad input. */
  addDeposit(input: MockDepositInput): PurseTransaction;
  /** Moves a transaction on (e.g. MEM_POOL_FOUND → CONFIRMED). Throws when unknown. */
  setTransactionState(id: string, transactionState: PurseTransactionState, complianceState?: PurseComplianceState): PurseTransaction;
}

