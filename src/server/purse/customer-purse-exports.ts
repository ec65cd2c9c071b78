// The Customer Purse part of purse-react-kit/server (re-exported by ../index.ts in one line).
export { createCustomerPurseClient, isCustomerPurseClient, CUSTOMER_PURSE_TIMESTAMP_WINDOW_MS } from './customer-purse.ts';
export type { CustomerPurseClient, CustomerPurseClientOptions } from './customer-purse.ts';
export { signCustomerPurseBody } from './customer-purse-sign.ts';
export { customerPurseConfigFromEnv } from './customer-purse-config.ts';
export type { CustomerPurseOptions } from '../handler/options.ts';
export type * from '../../core/wire/customer-purse.ts';
