// Pure facts about checkout sessions: the allowed origins, where a session leads, when it expires, what makes two
// orders the same intent, and what the drop-in's events mean for the checkout. No DOM access. Developer texts
// (PurseKitError.message) are shorter in production builds, as the loader's are.
import type { CheckoutSession, CheckoutSessionRequest } from '../backend/views.ts';
import { checkOrigin, configFailure, PURSE_SCRIPT_ORIGINS } from '../dropin/load.ts';
import type { PurseKitError } from '../errors.ts';
import type { DropinEvent } from '../dropin/types.ts';
import { SESSION_PARAM } from '../wire/payment.ts';
import type { CheckoutEvent, SessionTarget } from './types.ts';

/** Purse's hosted payment pages (production and sandbox). */
export const PURSE_HOSTED_PAGE_ORIGINS: readonly string[] = ['https://pay.purse-secure.com', 'https://pay.purse-sandbox.com'];

const joined = (a: readonly string[], b: readonly string[]): readonly string[] => [...a, ...b];

/** The default allow-list of `allowedOrigins`: Purse's script CDNs and hosted pages. */
// Marked pure: a page that only loads the drop-in (`loadDropin` alone) does not keep this list.
export const PURSE_CHECKOUT_ORIGINS: readonly string[] = /* @__PURE__ */ joined(PURSE_SCRIPT_ORIGINS, PURSE_HOSTED_PAGE_ORIGINS);

/** Where a session leads; throws a `config` PurseKitFailure when it leads nowhere allowed. */
export function sessionTarget(session: CheckoutSession, allowedOrigins: readonly string[]): SessionTarget {
  // The merchant server answers an order already paid with that order's submitted session.
  if (session.status === 'SUBMITTED') return { kind: 'closed' };
  if (session.integration_mode === 'HOSTED_PAGE') {
    if (!session.hosted_page_url) throw configFailure(process.env.NODE_ENV !== 'production' ? 'The HOSTED_PAGE session has no hosted_page_url.' : 'no hosted_page_url');
    // checkOrigin throws the `config` PurseKitFailure itself.
    return { kind: 'hosted', url: checkOrigin(session.hosted_page_url, allowedOrigins, process.env.NODE_ENV !== 'production' ? 'Hosted payment page' : 'Page').href };
  }
  if (!session.widget?.js_url || !session.widget.data) throw configFailure(process.env.NODE_ENV !== 'production' ? 'The EMBEDDED session has no widget (data, js_url).' : 'no widget');
  return { kind: 'embedded', jsUrl: session.widget.js_url, widgetData: session.widget.data };
}

/** An error the drop-in reported (or a submit it rejected), with the drop-in's code when it gave one. */
export function dropinError(message: string, code?: string): PurseKitError {
  return { kind: 'dropin', message: `${process.env.NODE_ENV !== 'production' ? "Purse's drop-in" : 'drop-in'}: ${message}`, ...(code !== undefined && { code }) };
}

/** Stable key of a request: same content, same intent, whatever the object's identity. */
export function requestKey(request: CheckoutSessionRequest): string {
  const entries = Object.entries(request)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

/**
 * The timer that marks a session expired while no drop-in is mounted. `expiresInMs`, the time left by the merchant
 * server's clock when it answered (`expires_in_ms`), counts from `receivedAt`: the shopper's clock may be minutes off.
 * Without it, `expiresAt` by the shopper's clock; a session that already looks expired when it arrives then says that
 * clock is wrong (a fresh session cannot be expired): no timer, or every fresh session would "expire" at once. Returns
 * the delay in ms, or undefined for no timer.
 */
export function expiryDelay(expiresAt: string, receivedAt: number, now: number, expiresInMs?: number): number | undefined {
  const counted = typeof expiresInMs === 'number' && expiresInMs >= 0;
  const deadline = counted ? receivedAt + expiresInMs : Date.parse(expiresAt);
  // Also false for an unreadable date (NaN).
  if (!counted && !(deadline > receivedAt)) return undefined;
  // setTimeout's longest delay; a longer one fires at once.
  return Math.min(Math.max(0, deadline - now), 2_147_483_647);
}

// Checked by the compiler: a new drop-in event does not compile until it names the checkout event it becomes.
const DROPIN_EVENTS = {
  fulfilled: 'FULFILLED',
  submitting: 'DROPIN_SUBMITTING',
  ready: 'DROPIN_READY',
  expired: 'DROPIN_EXPIRED',
  terminated: 'DROPIN_TERMINATED',
} as const satisfies Record<Exclude<DropinEvent['type'], 'error'>, CheckoutEvent['type']>;

/**
 * Where the shopper sees what became of a session that can no longer be paid here (status `closed`): the shop's return
 * page, told the session's id; undefined without an http(s) return page.
 */
export function sessionStatusUrl(session: CheckoutSession | undefined): string | undefined {
  try {
    const url = new URL(session!.shopper_redirection_url!);
    if (!/^https?:$/.test(url.protocol)) return undefined;
    url.searchParams.set(SESSION_PARAM, session!.id);
    return url.href;
  } catch {
    return undefined;
  }
}

/** A drop-in event as a checkout event. Before the drop-in is mounted (or on an init failure), an error is fatal. */
export function dropinEvent(event: DropinEvent, mounted: boolean, url: string): CheckoutEvent {
  // The other events carry what their checkout event needs (`isFulfilled`), and a time.
  if (event.type !== 'error') return { ...event, type: DROPIN_EVENTS[event.type], now: Date.now() } as CheckoutEvent;
  return !mounted || event.code === 'CHECKOUT_API_INIT_FAILED'
    ? { type: 'DROPIN_FAILED', error: { kind: 'script_load', message: `${process.env.NODE_ENV !== 'production' ? "Purse's drop-in failed to start" : 'start'}: ${event.message}`, url } }
    : { type: 'DROPIN_ERROR', error: dropinError(event.message, event.code) };
}
