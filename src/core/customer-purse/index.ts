export * from './types.ts';
export { customerPurseReducer, DEFAULT_DEPOSIT_PAGE_SIZE, initialCustomerPurseState, isCustomerPurseBusy } from './machine.ts';
export { createCustomerPurseRunner, DEFAULT_DEPOSIT_POLL_MS } from './effects.ts';
export type { CustomerPurseRunner, CustomerPurseRunnerOptions, CustomerPurseSettings, RequestRunner } from './effects.ts';
export { complianceTone, depositTone, formatDepositAmount } from './format.ts';
export type { DepositTone } from './format.ts';
