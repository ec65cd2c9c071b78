// What PurseCheckout shows and why, as plain data: statuses, the allowed origins, and how a session is classified
// (embedded drop-in, hosted page, or a configuration error). No React, no DOM.
import type { CheckoutSession, CheckoutSessionRequest } from '../../core/backend/views.ts';
import { checkOrigin, PURSE_SCRIPT_ORIGINS } from '../../core/dropin/load.ts';
import type { DropinGeneration } from '../../core/dropin/types.ts';
import type { PurseKitError } from '../../core/errors.ts';
import { toKitError } from '../shared/errors.ts';

/**
 * - `loading`: creating the session, loading the script or mounting the drop-in (see `step`)
 * - `ready`: the drop-in is mounted (or the hosted-page link is ready)
 * - `submitting`: a payment is being submitted
 * - `failed`: a step failed; `retry()` runs it again
 * - `expired`: the session expired and could not be renewed in place; `restart()` creates a fresh one
 * - `cancelled`: the shopper cancelled (the session was aborted); `restart()` creates a fresh one
 */
export type CheckoutStatus = 'loading' | 'ready' | 'submitting' | 'failed' | 'expired' | 'cancelled';

/** The step under way while loading, or the step that failed. */
export type CheckoutStep = 'session' | 'script' | 'mount';

export interface CheckoutState {
  status: CheckoutStatus;
  step: CheckoutStep;
  /** The current session (replaced in place when Drop-in Checkout refreshes an expired one). */
  session: CheckoutSession | undefined;
  /** HOSTED_PAGE sessions: the hosted page's URL, origin checked. */
  hostedPageUrl: string | undefined;
  generation: DropinGeneration | undefined;
  isFulfilled: boolean;
  /** The failure of a `failed` state, or a non-fatal one (a submit that failed) while `ready`. */
  error: PurseKitError | undefined;
  /** An abortSession request is running. */
  isCancelling: boolean;
}

export const initialCheckoutState: CheckoutState = {
  status: 'loading',
  step: 'session',
  session: undefined,
  hostedPageUrl: undefined,
  generation: undefined,
  isFulfilled: false,
  error: undefined,
  isCancelling: false,
};

/** Purse's hosted payment pages (production and sandbox). */
export const PURSE_HOSTED_PAGE_ORIGINS: readonly string[] = ['https://pay.purse-secure.com', 'https://pay.purse-sandbox.com'];

/** The default allow-list of `allowedOrigins`: Purse's script CDNs and hosted pages. */
export const PURSE_CHECKOUT_ORIGINS: readonly string[] = [...PURSE_SCRIPT_ORIGINS, ...PURSE_HOSTED_PAGE_ORIGINS];

/** Where a session leads, or the configuration error that stops it. */
export type SessionTarget =
  | { kind: 'embedded'; jsUrl: string; widgetData: string }
  | { kind: 'hosted'; url: string }
  | { kind: 'invalid'; error: PurseKitError };

export function classifySession(session: CheckoutSession, allowedOrigins: readonly string[]): SessionTarget {
  if (session.integration_mode === 'HOSTED_PAGE') {
    if (!session.hosted_page_url) return invalid('The HOSTED_PAGE session has no hosted_page_url.');
    try {
      return { kind: 'hosted', url: checkOrigin(session.hosted_page_url, allowedOrigins, 'Hosted payment page').href };
    } catch (failure) {
      return { kind: 'invalid', error: toKitError(failure) };
    }
  }
  if (!session.widget?.js_url || !session.widget.data) return invalid('The EMBEDDED session has no widget (data, js_url).');
  return { kind: 'embedded', jsUrl: session.widget.js_url, widgetData: session.widget.data };
}

const invalid = (message: string): SessionTarget => ({ kind: 'invalid', error: { kind: 'config', message } });

/** An error the drop-in reported (or a submit it rejected), with the drop-in's code when it gave one. */
export function dropinError(message: string, code?: string): PurseKitError {
  return { kind: 'dropin', message: `Purse's drop-in: ${message}`, ...(code !== undefined && { code }) };
}

/** Stable key of a request: same content, same intent, whatever the object's identity. */
export function requestKey(request: CheckoutSessionRequest): string {
  const entries = Object.entries(request)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

/**
 * The timer that marks a session expired while no drop-in is mounted. A session that already looks expired when it
 * arrives says the shopper's clock is wrong (a fresh session cannot be expired): no timer then, or every fresh session
 * would "expire" at once. Returns the delay in ms, or undefined for no timer.
 */
export function expiryDelay(expiresAt: string, receivedAt: number, now: number): number | undefined {
  const deadline = Date.parse(expiresAt);
  if (Number.isNaN(deadline) || deadline <= receivedAt) return undefined;
  // setTimeout's longest delay; a longer one fires at once.
  return Math.min(Math.max(0, deadline - now), 2_147_483_647);
}
