// The handler's Purse configuration, resolved on the first request rather than when the module loads, so building or
// importing the merchant's server needs no secret. A failed resolution is retried on the next request and logged once.
import { createPurseClient, isPurseClient, type PurseClient } from '../purse/client.ts';
import { purseConfigFromEnv, REQUIRED_PURSE_VARIABLES, type PurseEnv } from '../purse/config.ts';
import type { HandlerLogger, MerchantHandlerOptions, PurseConfig } from './options.ts';
import type { HandlerStore } from './store.ts';

/** The Purse configuration is missing or incomplete: the handler answers 500 `purse_not_configured` with this message. */
export class PurseNotConfiguredError extends Error {
  override name = 'PurseNotConfiguredError';
}

const processEnv = (): PurseEnv => (globalThis as { process?: { env?: PurseEnv } }).process?.env ?? {};

const allVariables = REQUIRED_PURSE_VARIABLES.join(', ');

async function readConfig(source: MerchantHandlerOptions['purse']): Promise<PurseConfig> {
  if (source === undefined || source === null) {
    let config: PurseConfig | null;
    try {
      config = purseConfigFromEnv(processEnv());
    } catch (error) {
      throw new PurseNotConfiguredError(error instanceof Error ? error.message : String(error));
    }
    if (!config) {
      throw new PurseNotConfiguredError(
        `Purse is not configured: ${allVariables} are not set (createMerchantHandler reads them from process.env ` +
          'when it is given no purse option). For local development, run `npx purse-mock-server` and set the lines it prints.',
      );
    }
    return config;
  }
  if (typeof source !== 'function') return source as PurseConfig;
  let config: PurseConfig | null | undefined;
  try {
    config = await source();
  } catch (error) {
    throw new PurseNotConfiguredError(
      `The purse option of createMerchantHandler failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!config) {
    throw new PurseNotConfiguredError(
      'The purse option of createMerchantHandler returned no configuration. With purseConfigFromEnv(process.env), ' +
        `none of the variables is set: set ${allVariables}.`,
    );
  }
  return config;
}

/** A shared store also shares the OAuth2 token between instances, unless the options say `tokenStore: null`. */
const toClient = (config: PurseConfig, tokenStore: HandlerStore | undefined): PurseClient =>
  isPurseClient(config) ? config : createPurseClient({ tokenStore, ...config });

/**
 * A configuration given as a value is used at once, so its mistakes throw where the handler is created. Otherwise
 * `get()` resolves the configuration once (concurrent first requests share one attempt) and builds what depends on
 * it with `build`; a failure is not cached, so fixing the environment of a running process (or a secret manager
 * answering again) heals it. Each distinct failure is logged once.
 */
export function lazyPurse<T>(
  source: MerchantHandlerOptions['purse'],
  build: (purse: PurseClient) => T,
  logger: HandlerLogger,
  tokenStore?: HandlerStore,
): { get(): Promise<T> } {
  const lazy = source === undefined || source === null || typeof source === 'function';
  let ready: T | undefined = lazy ? undefined : build(toClient(source, tokenStore));
  let pending: Promise<T> | undefined;
  let lastReported: string | undefined;
  const attempt = async () => build(toClient(await readConfig(source), tokenStore));
  return {
    get() {
      if (ready !== undefined) return Promise.resolve(ready);
      pending ??= attempt().then(
        (value) => (ready = value),
        (error: unknown) => {
          pending = undefined;
          const message = error instanceof Error ? error.message : String(error);
          if (message !== lastReported) {
            lastReported = message;
            logger.error(`purse-react-kit: ${message}`);
          }
          throw error instanceof PurseNotConfiguredError ? error : new PurseNotConfiguredError(message);
        },
      );
      return pending;
    },
  };
}
