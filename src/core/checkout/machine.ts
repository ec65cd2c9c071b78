// The checkout as a pure reducer: every transition in one place. An event that makes no sense in the current state
// returns the SAME state object (late results of stopped work, double submits, a cancel while submitting).
import type { CheckoutSession } from '../backend/views.ts';
import type { CheckoutEvent, CheckoutState } from './types.ts';

/** How long after an `expired` event Drop-in Checkout may take to ask for a new session before a restart is offered. */
export const REFRESH_GRACE_MS = 2_000;

/** The first state of a checkout intent: loading its session (`preset`, or one created with `intentKey`). */
export function initialCheckoutState(intentKey: string, preset?: CheckoutSession): CheckoutState {
  return {
    status: 'loading',
    step: 'session',
    session: undefined,
    hostedPageUrl: undefined,
    generation: undefined,
    isFulfilled: false,
    error: undefined,
    intentKey,
    preset,
    scriptUrl: undefined,
    hasContainer: false,
    mountKey: 0,
    submitKey: undefined,
    cancelKey: undefined,
    receivedAt: 0,
    expiredAt: undefined,
    renewing: false,
    lastRenewalAt: Number.NEGATIVE_INFINITY,
  };
}

/** The drop-in is mounted or being mounted. */
export const hasDropin = (state: CheckoutState): boolean =>
  state.status === 'ready' || state.status === 'submitting' || (state.status === 'loading' && state.step === 'mount');

/** The drop-in goes away: what was tied to it (a submit, the wait for a renewal, a renewal) ends with it. */
const withoutDropin = (state: CheckoutState): CheckoutState => ({
  ...state,
  submitKey: undefined,
  expiredAt: undefined,
  renewing: false,
});

/** The drop-in must be mounted again (same session): a new mount key. */
const remount = (state: CheckoutState): CheckoutState => ({
  ...withoutDropin(state),
  status: 'loading',
  step: 'mount',
  mountKey: state.mountKey + 1,
});

function expire(state: CheckoutState): CheckoutState {
  if (state.status === 'expired' || state.status === 'cancelled') return state;
  return { ...withoutDropin(state), status: 'expired', isFulfilled: false, error: undefined };
}

const cancelled = (state: CheckoutState): CheckoutState => ({
  ...withoutDropin(state),
  status: 'cancelled',
  cancelKey: undefined,
  isFulfilled: false,
  error: undefined,
});

/** The checkout: events in, state out; the same state object when the event changes nothing. */
export function checkoutReducer(state: CheckoutState, event: CheckoutEvent): CheckoutState {
  switch (event.type) {
    case 'SESSION_RECEIVED': {
      if (state.status !== 'loading' || state.step !== 'session' || state.session) return state;
      const { session, target, now } = event;
      if (target.kind === 'hosted') return { ...state, session, receivedAt: now, hostedPageUrl: target.url, status: 'ready' };
      return { ...state, session, receivedAt: now, step: target.jsUrl === state.scriptUrl ? 'mount' : 'script' };
    }

    case 'SCRIPT_LOADED':
      if (state.status !== 'loading' || state.step !== 'script') return state;
      return { ...state, scriptUrl: event.url, generation: event.generation, step: 'mount' };

    case 'MOUNTED':
      if (state.status !== 'loading' || state.step !== 'mount') return state;
      return { ...state, status: 'ready' };

    case 'STEP_FAILED':
      if (state.status !== 'loading' || state.step !== event.step) return state;
      return { ...withoutDropin(state), status: 'failed', error: event.error };

    case 'DROPIN_FAILED':
      if (!hasDropin(state)) return state;
      return { ...withoutDropin(state), status: 'failed', step: 'mount', error: event.error };

    case 'FULFILLED':
      return state.isFulfilled === event.isFulfilled ? state : { ...state, isFulfilled: event.isFulfilled };

    case 'DROPIN_SUBMITTING':
      if (state.status !== 'ready') return state;
      return { ...state, status: 'submitting', error: undefined };

    case 'DROPIN_READY':
    case 'DROPIN_ERROR':
      if (state.status !== 'submitting') return state;
      return { ...state, status: 'ready' };

    case 'DROPIN_EXPIRED':
      // Drop-in Checkout renews through hooks.onRefreshSession; Widget v3 cannot: offer a restart.
      if (state.generation !== 'dropin-checkout') return expire(state);
      return { ...state, expiredAt: event.now };

    case 'RENEWING':
      return { ...state, renewing: true, lastRenewalAt: event.now, expiredAt: undefined };

    case 'RENEWED':
      if (!state.renewing) return state;
      return { ...state, renewing: false, session: event.session, receivedAt: event.now };

    case 'RENEW_FAILED':
      if (!state.renewing) return state;
      return expire({ ...state, renewing: false });

    case 'RENEWAL_OVERDUE':
      if (state.expiredAt !== event.expiredAt) return state;
      // A renewal asked for just before the event counts too.
      if (state.renewing || state.lastRenewalAt >= event.expiredAt - REFRESH_GRACE_MS) return { ...state, expiredAt: undefined };
      return expire(state);

    case 'SESSION_EXPIRED':
      return expire(state);

    case 'SUBMIT':
      if (state.status !== 'ready' || state.hostedPageUrl) return state;
      return { ...state, status: 'submitting', error: undefined, submitKey: event.key };

    case 'SUBMIT_SETTLED':
      if (state.submitKey !== event.key) return state;
      // Purse normally navigates away now; if it did not (a refused card shown in the drop-in), the form is back.
      return { ...state, submitKey: undefined, status: state.status === 'submitting' ? 'ready' : state.status };

    case 'SUBMIT_FAILED':
      if (state.submitKey !== event.key) return state;
      return { ...state, submitKey: undefined, status: 'ready', error: event.error };

    case 'CANCEL':
      // A payment being submitted is not cancelled from here: Purse decides its outcome.
      if (state.status === 'cancelled' || state.status === 'expired' || state.status === 'submitting') return state;
      if (state.cancelKey !== undefined) return state;
      // Nothing to abort on the server yet: stop creating it.
      if (!state.session) return cancelled(state);
      return { ...state, cancelKey: event.key, error: undefined };

    case 'CANCELLED':
      if (state.cancelKey !== event.key) return state;
      return cancelled(state);

    case 'CANCEL_FAILED':
      if (state.cancelKey !== event.key) return state;
      return { ...state, cancelKey: undefined, error: event.error };

    case 'RETRY':
      if (state.status !== 'failed') return state;
      return { ...state, status: 'loading', error: undefined };

    case 'RESTART':
      return {
        ...initialCheckoutState(event.intentKey, event.preset),
        // What the page already has: the loaded script, and the container.
        generation: state.generation,
        scriptUrl: state.scriptUrl,
        hasContainer: state.hasContainer,
        mountKey: state.mountKey + 1,
      };

    case 'CONTAINER_CHANGED': {
      // A drop-in in the old container goes; one is mounted in the new container (or when one comes).
      const next = hasDropin(state) ? remount(state) : { ...state, mountKey: state.mountKey + 1 };
      return { ...next, hasContainer: event.present };
    }

    case 'MOUNT_OPTIONS_CHANGED':
      return hasDropin(state) ? remount(state) : state;
  }
}
