// The CustomerPurse part of the public API: purse-react-kit/customer-purse (with common.ts) and the root entry.

export * from '../customer-purse/index.ts';
export type { DepositPageRequest, ShopperDeposit, ShopperDepositAddress, ShopperDepositPage, ShopperPurse } from '../../core/backend/customer-purse.ts';
export type { CustomerPurseState, CustomerPurseStatus, DepositsState } from '../../core/customer-purse/types.ts';
export type { PurseComplianceState, PurseTransactionState } from '../../core/wire/customer-purse.ts';
