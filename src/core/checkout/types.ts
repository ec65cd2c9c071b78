// States and events of one checkout: session → script → drop-in (or hosted page), then the drop-in's events, submit,
// cancel and expiry. The reducer is pure; the effects (effects.ts) do what a state asks for and report with events.
import type { CheckoutSession } from '../backend/views.ts';
import type { DropinGeneration } from '../dropin/types.ts';
import type { PurseKitError } from '../errors.ts';

/**
 * - `loading`: creating the session, loading the script or mounting the drop-in (see `step`)
 * - `ready`: the drop-in is mounted (or the hosted-page link is ready)
 * - `submitting`: a payment is being submitted
 * - `failed`: a step failed; `retry()` runs it again
 * - `expired`: the session expired and could not be renewed in place; `restart()` creates a fresh one
 * - `cancelled`: the shopper cancelled (the session was aborted); `restart()` creates a fresh one
 * - `closed`: the session can no longer be paid here (a payment was submitted in it, or the merchant aborted it because
 *   the order got a newer session in another tab); the shopper is pointed to its status, never to pay again
 */
export type CheckoutStatus = 'loading' | 'ready' | 'submitting' | 'failed' | 'expired' | 'cancelled' | 'closed';

/** The step under way while loading, or the step that failed. */
export type CheckoutStep = 'session' | 'script' | 'mount';

/** One checkout's state: what the hook exposes, and what the effects work from. */
export interface CheckoutState {
  /** What the view shows. */
  status: CheckoutStatus;
  /** While loading: the step under way; after a failure: the step `retry()` runs again. */
  step: CheckoutStep;
  /** The current session (replaced in place when Drop-in Checkout renews an expired one). */
  session?: CheckoutSession;
  /** HOSTED_PAGE sessions: the hosted page's URL, origin checked. */
  hostedPageUrl?: string;
  /** The drop-in generation of the loaded script. */
  generation?: DropinGeneration;
  /** The drop-in's form is complete. */
  isFulfilled: boolean;
  /** The failure of a `failed` state, or a non-fatal one (a submit or cancel that failed) while `ready`. */
  error?: PurseKitError;

  // What the effects work from.
  /** Idempotency key of this intent's session creation: a retry replays it, a restart is a new intent. */
  intentKey: string;
  /** A session the merchant passed, taken by this intent instead of creating one. */
  preset: CheckoutSession | undefined;
  /** The `js_url` of the drop-in script loaded last: a session using it needs no new load. */
  scriptUrl?: string;
  /** The view gave a container element for the drop-in. */
  hasContainer: boolean;
  /** Changes whenever the drop-in must be mounted anew (container, mount options, restart). */
  mountKey: number;
  /** A `submit()` is under way (its key). */
  submitKey?: string;
  /** An abortSession is under way (its idempotency key). */
  cancelKey?: string;
  /** When the current session arrived, by the shopper's clock (epoch ms): the expiry timer's reference. */
  receivedAt: number;
  /** Drop-in Checkout reported expiry at this time (epoch ms) and should now ask for a new session. */
  expiredAt?: number;
  /** Drop-in Checkout asked for a new session and it is being created. */
  renewing: boolean;
  /** When the last renewal was asked for (epoch ms). */
  lastRenewalAt: number;
}

/** Where a session leads: the drop-in, the hosted page, or (a payment was already submitted in it) nowhere to pay. */
export type SessionTarget = { kind: 'embedded'; jsUrl: string; widgetData: string } | { kind: 'hosted'; url: string } | { kind: 'closed' };

/** Events: results of the effects (with `now`, epoch ms, where time matters), and the shopper's and the view's acts. */
export type CheckoutEvent =
  | { type: 'SESSION_RECEIVED'; session: CheckoutSession; target: SessionTarget; now: number }
  | { type: 'SCRIPT_LOADED'; url: string; generation: DropinGeneration }
  | { type: 'MOUNTED' }
  /** The step under way failed. */
  | { type: 'STEP_FAILED'; step: CheckoutStep; error: PurseKitError }
  /** The drop-in could not start: nothing the shopper can use is on screen. */
  | { type: 'DROPIN_FAILED'; error: PurseKitError }
  | { type: 'FULFILLED'; isFulfilled: boolean }
  /** The shopper pressed the drop-in's own pay button. */
  | { type: 'DROPIN_SUBMITTING' }
  /** The drop-in's form is usable again (after a refused payment, say). */
  | { type: 'DROPIN_READY' }
  /** An error the drop-in shows itself; it ends a submission. */
  | { type: 'DROPIN_ERROR'; error: PurseKitError }
  | { type: 'DROPIN_EXPIRED'; now: number }
  | { type: 'DROPIN_TERMINATED' }
  /** Drop-in Checkout asked for a new session (`hooks.onRefreshSession`). */
  | { type: 'RENEWING'; now: number }
  | { type: 'RENEWED'; session: CheckoutSession; target: SessionTarget; now: number }
  | { type: 'RENEW_FAILED' }
  /** The wait for Drop-in Checkout to ask for a new session, started at `expiredAt`, is over. */
  | { type: 'RENEWAL_OVERDUE'; expiredAt: number }
  /** The session's `expires_at` passed while no drop-in was there to say so. */
  | { type: 'SESSION_EXPIRED' }
  | { type: 'SUBMIT'; key: string }
  | { type: 'SUBMIT_SETTLED'; key: string }
  | { type: 'SUBMIT_FAILED'; key: string; error: PurseKitError }
  | { type: 'CANCEL'; key: string }
  /** The abort's answer: the session as the backend has it now (aborted by the shopper, or already by the merchant). */
  | { type: 'CANCELLED'; key: string; session?: CheckoutSession }
  | { type: 'CANCEL_FAILED'; key: string; error: PurseKitError }
  | { type: 'RETRY' }
  /** A new intent: a fresh session (or `preset`), with `intentKey` for its creation. */
  | { type: 'RESTART'; intentKey: string; preset?: CheckoutSession }
  | { type: 'CONTAINER_CHANGED'; present: boolean }
  /** Locale, theme or pay button changed: the drop-in is mounted again with them. */
  | { type: 'MOUNT_OPTIONS_CHANGED' };

/** The names of the checkout events. */
export type CheckoutEventType = CheckoutEvent['type'];
