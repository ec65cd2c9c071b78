import type { PurseClient, PurseClientOptions } from './purse-client.ts';
import type { HandlerStore } from './store.ts';

/** Receives operational messages. Never given request bodies, OTP codes, tokens or secrets. */
export interface HandlerLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export type MaybePromise<T> = T | Promise<T>;

export interface MerchantHandlerOptions {
  /** A Purse client, or the options to create one (e.g. from `purseConfigFromEnv(process.env)`). */
  purse: PurseClient | PurseClientOptions;
  /** Path prefix the handler is mounted at. Default `/api/purse`; `''` when the framework strips the prefix. */
  basePath?: string;
  /**
   * The merchant's customer reference for the shopper making this request, from the merchant's own session (cookie,
   * JWT…); `null` when nobody is signed in. Never read from the request body. Needed by createUser, createConsent and
   * getUser (401 without it).
   */
  resolveCustomer(request: Request): MaybePromise<string | null | undefined>;
  /**
   * The shopper's identity for Purse's rate limiting (`caller_id`), normally their IP. Default: the first
   * `X-Forwarded-For` entry, else `X-Real-IP`. These headers are only trustworthy when your server or proxy sets them
   * from the socket and overwrites what the client sent: do that, or pass this option.
   */
  callerId?(request: Request): string | undefined;
  /** Largest accepted request body in bytes (413 beyond). Default 16 KiB. */
  maxBodyBytes?: number;
  /** Default: `console`. */
  logger?: HandlerLogger;
  /**
   * Idempotency records and issued consent challenges. Default: in memory, right for one process; give several
   * instances a shared store (e.g. Redis) so a retry landing on another instance is still recognised.
   */
  store?: HandlerStore;
  /** How long a consent challenge from a verified code stays usable. Default 10 minutes, like the code. */
  consentChallengeTtlMs?: number;
  /** How long the answer to an `Idempotency-Key` is replayed. Default 24 hours. */
  idempotencyTtlMs?: number;
  /** How long a duplicate request waits for the first one with the same key before a 409. Default 30 s. */
  idempotencyWaitMs?: number;
  /** Clock of the default in-memory store (tests). Default `Date.now`. */
  now?: () => number;
}
