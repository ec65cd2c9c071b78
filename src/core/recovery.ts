// What a shopper can still do after an error: every component offers "Try again" only where trying again can succeed,
// and otherwise says what happened. One table for all of them, by kind and problem code.
import type { PurseKitError } from './errors.ts';

/**
 * What can still succeed after an error.
 * - `retry`: the same request again may succeed (no answer, a failing or busy server): offer "Try again".
 * - `wait`: the same request after `retryAfterMs` (rate limited): a countdown, then "Try again".
 * - `unavailable`: the merchant's setup refuses it (credentials, configuration, wiring): trying again cannot help;
 *   the shopper can only come back later.
 * - `refused`: refused for what it is (a conflict, an unknown order, a used challenge, invalid input): the same
 *   request gives the same answer; the component says what to do instead.
 */
export type Recovery = 'retry' | 'wait' | 'unavailable' | 'refused';

/**
 * Problem codes of a merchant handler that cannot serve the request however often it is asked: its configuration or
 * its wiring into the merchant's server is wrong (see the handler's README section); every `…_not_configured` one.
 */
const SETUP_CODES =
  /^(\w*_not_configured|purse_credentials_rejected|checkout_misconfigured|not_found|method_not_allowed|body_already_read|unsupported_media_type|payload_too_large|invalid_json|idempotency_key_required|invalid_idempotency_key)$/;

/** Conflicts that end by themselves: the first request of this intent is still running, or its key was reused. */
const TRANSIENT_CONFLICTS = /^idempotency_(in_progress|key_reused)$/;

/** The problem+json `code` the error came with, if any. */
export const errorCode = (error: PurseKitError): string | undefined => ('code' in error ? error.code : undefined);

/** What can still succeed after `error` (see `Recovery`). */
export function recoveryOf(error: PurseKitError): Recovery {
  const code = errorCode(error) ?? '';
  const { kind } = error;
  if (SETUP_CODES.test(code)) return 'unavailable';
  if (kind === 'request' && TRANSIENT_CONFLICTS.test(code)) return 'retry';
  // By kind, for an error without a code that says otherwise. Every kind is placed: a new one does not compile until
  // it is placed here too.
  if (kind === 'network' || kind === 'server' || kind === 'script_load' || kind === 'dropin') return 'retry';
  if (kind === 'rate_limited') return 'wait';
  if (kind === 'unauthorized' || kind === 'config') return 'unavailable';
  kind satisfies 'request' | 'validation' | 'invalid_code' | 'code_expired' | 'session_expired';
  return 'refused';
}

/** True when the same request, now or after the wait, can succeed: the only errors that get a "Try again". */
export const canRetry = (error: PurseKitError): boolean => {
  const recovery = recoveryOf(error);
  return recovery === 'retry' || recovery === 'wait';
};
