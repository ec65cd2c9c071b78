// The handler's Customer Purse setup, resolved once from `createMerchantHandler({ customerPurse })`.
import { createCustomerPurseClient, isCustomerPurseClient, type CustomerPurseClient } from '../purse/customer-purse.ts';
import type { MerchantHandlerOptions } from './options.ts';

export interface CustomerPurseContext {
  client: CustomerPurseClient;
  currencies: string[];
  createCustomer: NonNullable<NonNullable<MerchantHandlerOptions['customerPurse']>['createCustomer']>;
  defaultPageSize: number;
  maxPageSize: number;
}

export function customerPurseContext(options: MerchantHandlerOptions): CustomerPurseContext | undefined {
  const config = options.customerPurse;
  if (!config) return undefined;
  const currencies = config.currencies;
  if (!Array.isArray(currencies) || currencies.length === 0 || currencies.some((c) => typeof c !== 'string' || c === '')) {
    throw new Error("createMerchantHandler: customerPurse.currencies must list the currencies whose deposit address a shopper sees, e.g. ['BTC', 'USDT'].");
  }
  const maxPageSize = config.maxPageSize ?? 50;
  return {
    client: isCustomerPurseClient(config.client) ? config.client : createCustomerPurseClient(config.client),
    currencies: [...new Set(currencies)],
    createCustomer: config.createCustomer ?? true,
    defaultPageSize: Math.min(10, maxPageSize),
    maxPageSize,
  };
}

