// The checkout as a pure reducer: one table, one line of rules per event. An event that makes no sense in the current
// state returns the SAME state object (late results of stopped work, double submits, a cancel while submitting).
import type { CheckoutSession } from '../backend/views.ts';
import type { CheckoutEvent, CheckoutState, CheckoutStep } from './types.ts';

/** How long after an `expired` event Drop-in Checkout may take to ask for a new session before a restart is offered. */
export const REFRESH_GRACE_MS = 2_000;

/** The first state of a checkout intent: loading its session (`preset`, or one created with `intentKey`); what it has not yet is left out. */
export const initialCheckoutState = (intentKey: string, preset?: CheckoutSession): CheckoutState => ({
  status: 'loading',
  step: 'session',
  isFulfilled: false,
  intentKey,
  preset,
  hasContainer: false,
  mountKey: 0,
  receivedAt: 0,
  renewing: false,
  lastRenewalAt: -Infinity,
});

type S = CheckoutState;

const at = (s: S, step: CheckoutStep) => s.status === 'loading' && s.step === step;

/** The drop-in is mounted or being mounted. */
export const hasDropin = (s: CheckoutState): boolean => s.status === 'ready' || s.status === 'submitting' || at(s, 'mount');

/** The drop-in goes away: what was tied to it (a submit, the wait for a renewal, a renewal) ends with it. */
const without = (s: S, change: Partial<S>): S => ({ ...s, submitKey: undefined, expiredAt: undefined, renewing: false, ...change });

/** The drop-in must be mounted again (same session): a new mount key. */
const remount = (s: S): S => without(s, { status: 'loading', step: 'mount', mountKey: s.mountKey + 1 });

/** The session is over (expired, cancelled, closed): nothing changes it but a restart. */
const over = (s: S) => s.status === 'expired' || s.status === 'cancelled' || s.status === 'closed';

const expire = (s: S): S => (over(s) ? s : without(s, { status: 'expired', isFulfilled: false, error: undefined }));

/** The session is aborted: by the shopper (`cancelled`), or by the merchant before the shopper's cancel (`closed`). */
const cancelled = (s: S, status: 'cancelled' | 'closed' = 'cancelled'): S =>
  without(s, { status, cancelKey: undefined, isFulfilled: false, error: undefined });

const toReady = (s: S): S => (s.status === 'submitting' ? { ...s, status: 'ready' } : s);

type Rules = { [T in CheckoutEvent['type']]: (s: S, e: Extract<CheckoutEvent, { type: T }>) => S };

const rules: Rules = {
  SESSION_RECEIVED: (s, { session, target, now }) =>
    !at(s, 'session') || s.session
      ? s
      : target.kind === 'closed'
        ? { ...s, session, receivedAt: now, status: 'closed' }
        : target.kind === 'hosted'
          ? { ...s, session, receivedAt: now, hostedPageUrl: target.url, status: 'ready' }
          : { ...s, session, receivedAt: now, step: target.jsUrl === s.scriptUrl ? 'mount' : 'script' },
  SCRIPT_LOADED: (s, { url, generation }) => (at(s, 'script') ? { ...s, scriptUrl: url, generation, step: 'mount' } : s),
  MOUNTED: (s) => (at(s, 'mount') ? { ...s, status: 'ready' } : s),
  STEP_FAILED: (s, { step, error }) => (at(s, step) ? without(s, { status: 'failed', error }) : s),
  DROPIN_FAILED: (s, { error }) => (hasDropin(s) ? without(s, { status: 'failed', step: 'mount', error }) : s),
  FULFILLED: (s, { isFulfilled }) => (s.isFulfilled === isFulfilled ? s : { ...s, isFulfilled }),
  DROPIN_SUBMITTING: (s) => (s.status === 'ready' ? { ...s, status: 'submitting', error: undefined } : s),
  DROPIN_READY: toReady,
  DROPIN_ERROR: toReady,
  // Drop-in Checkout renews through hooks.onRefreshSession; Widget v3 cannot: offer a restart.
  DROPIN_EXPIRED: (s, { now }) => (s.generation === 'dropin-checkout' ? { ...s, expiredAt: now } : expire(s)),
  // The drop-in can no longer take a payment for this session (its answer to a payment was lost and the retry found
  // the session submitted, or it was aborted elsewhere): the shopper is pointed to the payment's status, never to pay
  // again. Not while an expired session is being swapped for a renewed one (the old one ends then).
  DROPIN_TERMINATED: (s) =>
    hasDropin(s) && !s.renewing && s.expiredAt === undefined ? without(s, { status: 'closed', isFulfilled: false, error: undefined }) : s,
  RENEWING: (s, { now }) => ({ ...s, renewing: true, lastRenewalAt: now, expiredAt: undefined }),
  // A submitted session: the order was paid meanwhile (another tab); the shopper is pointed to its status.
  RENEWED: (s, { session, target, now }) =>
    !s.renewing
      ? s
      : target.kind === 'closed'
        ? without(s, { status: 'closed', session, receivedAt: now, isFulfilled: false, error: undefined })
        : { ...s, renewing: false, session, receivedAt: now },
  RENEW_FAILED: (s) => (s.renewing ? expire({ ...s, renewing: false }) : s),
  // A renewal asked for just before the event counts too.
  RENEWAL_OVERDUE: (s, { expiredAt }) =>
    s.expiredAt !== expiredAt
      ? s
      : s.renewing || s.lastRenewalAt >= expiredAt - REFRESH_GRACE_MS
        ? { ...s, expiredAt: undefined }
        : expire(s),
  SESSION_EXPIRED: expire,
  SUBMIT: (s, { key }) => (s.status !== 'ready' || s.hostedPageUrl ? s : { ...s, status: 'submitting', error: undefined, submitKey: key }),
  // Purse normally navigates away now; if it did not (a refused card shown in the drop-in), the form is back.
  SUBMIT_SETTLED: (s, { key }) => (s.submitKey === key ? toReady({ ...s, submitKey: undefined }) : s),
  SUBMIT_FAILED: (s, { key, error }) => (s.submitKey === key ? { ...s, submitKey: undefined, status: 'ready', error } : s),
  // A payment being submitted is not cancelled from here (Purse decides its outcome); without a session yet, nothing
  // is aborted on the server: its creation stops.
  CANCEL: (s, { key }) =>
    over(s) || s.status === 'submitting' || s.cancelKey !== undefined
      ? s
      : s.session
        ? { ...s, cancelKey: key, error: undefined }
        : cancelled(s),
  // Aborted by the merchant before the shopper's cancel (the order's newer session, in another tab, maybe paid there):
  // no cancel of the shopper's, nor an order to start again here; the shopper is pointed to its status.
  CANCELLED: (s, { key, session }) =>
    s.cancelKey === key ? cancelled(s, session?.status === 'ABORTED_BY_MERCHANT' ? 'closed' : 'cancelled') : s,
  CANCEL_FAILED: (s, { key, error }) => (s.cancelKey === key ? { ...s, cancelKey: undefined, error } : s),
  RETRY: (s) => (s.status === 'failed' ? { ...s, status: 'loading', error: undefined } : s),
  // A new intent; what the page already has stays: the loaded script, and the container.
  RESTART: (s, { intentKey, preset }) => ({
    ...initialCheckoutState(intentKey, preset),
    generation: s.generation,
    scriptUrl: s.scriptUrl,
    hasContainer: s.hasContainer,
    mountKey: s.mountKey + 1,
  }),
  // A drop-in in the old container goes; one is mounted in the new container (or when one comes).
  CONTAINER_CHANGED: (s, { present }) => ({
    ...(hasDropin(s) ? remount(s) : { ...s, mountKey: s.mountKey + 1 }),
    hasContainer: present,
  }),
  MOUNT_OPTIONS_CHANGED: (s) => (hasDropin(s) ? remount(s) : s),
};

/** The checkout: events in, state out; the same state object when the event changes nothing. */
export const checkoutReducer = (state: CheckoutState, event: CheckoutEvent): CheckoutState =>
  (rules[event.type] as (s: S, e: CheckoutEvent) => S)(state, event);
