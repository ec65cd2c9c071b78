import type { PurseClientOptions } from './client.ts';

const VARIABLES = {
  clientId: 'PURSE_CLIENT_ID',
  clientSecret: 'PURSE_CLIENT_SECRET',
  apiKey: 'PURSE_API_KEY',
  merchantId: 'PURSE_MERCHANT_ID',
  entityId: 'PURSE_ENTITY_ID',
  tokenUrl: 'PURSE_TOKEN_URL',
  xcoApiUrl: 'PURSE_XCO_API_URL',
  paymentApiUrl: 'PURSE_PAYMENT_API_URL',
  scope: 'PURSE_SCOPE',
} as const;

/**
 * PURSE_ENTITY_ID is only needed by the Payment API; PURSE_API_KEY by the signing keys (redirect verification) and
 * PURSE_SCOPE only when the credentials need an explicit scope.
 */
const OPTIONAL = new Set<string>([VARIABLES.entityId, VARIABLES.apiKey, VARIABLES.scope]);

/** The variables `purseConfigFromEnv` needs (PURSE_ENTITY_ID, PURSE_API_KEY and PURSE_SCOPE are optional). */
export const REQUIRED_PURSE_VARIABLES: readonly string[] = Object.values(VARIABLES).filter((name) => !OPTIONAL.has(name));

/** Environment variables by name: `process.env`, a Worker's `env`… */
export type PurseEnv = Record<string, string | undefined>;

/**
 * Purse client options from `PURSE_*` variables (`process.env`, a Worker's `env`, …). Returns `null` when none is set
 * (`createMerchantHandler` then answers 500 `purse_not_configured`); throws, naming the missing variables, when only
 * some are set.
 */
export function purseConfigFromEnv(env: PurseEnv): PurseClientOptions | null {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const names = Object.values(VARIABLES);
  if (names.every((name) => read(name) === undefined)) return null;
  const missing = names.filter((name) => !OPTIONAL.has(name) && read(name) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `Incomplete Purse configuration: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        'Set all of them (for local development, `npx purse-mock-server` prints the lines that point them at its mock).',
    );
  }
  const options: PurseClientOptions = {
    clientId: read(VARIABLES.clientId)!,
    clientSecret: read(VARIABLES.clientSecret)!,
    merchantId: read(VARIABLES.merchantId)!,
    tokenUrl: read(VARIABLES.tokenUrl)!,
    xcoApiUrl: read(VARIABLES.xcoApiUrl)!,
    paymentApiUrl: read(VARIABLES.paymentApiUrl)!,
  };
  const entityId = read(VARIABLES.entityId);
  if (entityId !== undefined) options.entityId = entityId;
  const apiKey = read(VARIABLES.apiKey);
  if (apiKey !== undefined) options.apiKey = apiKey;
  const scope = read(VARIABLES.scope);
  if (scope !== undefined) options.scope = scope;
  return options;
}
