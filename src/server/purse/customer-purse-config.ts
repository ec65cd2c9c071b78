import type { PurseEnv } from './config.ts';
import type { CustomerPurseClientOptions } from './customer-purse.ts';

const VARIABLES = {
  apiUrl: 'CALYPSO_API_URL',
  apiKey: 'CALYPSO_API_KEY',
  secretKey: 'CALYPSO_SECRET_KEY',
  account: 'CALYPSO_ACCOUNT',
} as const;

/**
 * Customer Purse API client options from `CALYPSO_*` variables. Returns `null` when none is set (use the mock server);
 * throws, naming the missing variables, when only some are set.
 */
export function customerPurseConfigFromEnv(env: PurseEnv): CustomerPurseClientOptions | null {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const entries = Object.entries(VARIABLES).map(([key, name]) => [key, name, read(name)] as const);
  if (entries.every(([, , value]) => value === undefined)) return null;
  const missing = entries.filter(([, , value]) => value === undefined).map(([, name]) => name);
  if (missing.length > 0) {
    throw new Error(
      `Incomplete Customer Purse configuration: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        'Set all of them to use the Customer Purse API (leaving all unset is for code that falls back to a mock, as the demo does).',
    );
  }
  return Object.fromEntries(entries.map(([key, , value]) => [key, value])) as unknown as CustomerPurseClientOptions;
}
