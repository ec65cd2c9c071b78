// States and events of the payment status page. The reducer is pure; the effects (effects.ts) send the request the
// state asks for, poll on the schedule, and time out.
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from '../backend/views.ts';
import type { PurseKitError } from '../errors.ts';
import type { StatusReason } from './classify.ts';
import type { StatusSource } from './source.ts';

/**
 * - `verifying`: no answer yet
 * - `waiting`: the payment (or link) is not final yet; the page polls
 * - `success` / `failure`: final, from the merchant backend's answer (never from the URL)
 * - `timed_out`: still waiting when the poll schedule ran out; only a manual refresh asks again
 * - `error`: the backend could not answer (or there is nothing to show)
 */
export type PaymentStatusPhase = 'verifying' | 'waiting' | 'success' | 'failure' | 'timed_out' | 'error';

/** What the page asks the backend about: the redirect token, then the deepest object known. */
export type StatusTarget =
  | { kind: 'verify'; token: string }
  | { kind: 'link'; id: string }
  | { kind: 'session'; id: string }
  | { kind: 'payment'; id: string };

/** A backend answer, by what was asked. */
export type StatusAnswer =
  | { kind: 'verify'; data: VerifiedRedirect }
  | { kind: 'link'; data: ShopperPaymentLink }
  | { kind: 'session'; data: CheckoutSession }
  | { kind: 'payment'; data: ShopperPayment };

/** The status page's state. */
export interface StatusState {
  /** The one phase the page shows. */
  phase: PaymentStatusPhase;
  /** Why: 'authorized', 'refused', 'pending', 'link_expired'… (absent while verifying or on error). */
  reason?: StatusReason;
  /** The failure of an `error` phase. */
  error?: PurseKitError;
  /** Which payment the page is about. */
  source: StatusSource;
  /** What is asked next (and polled); undefined once a verified redirect said everything. */
  target?: StatusTarget;
  /** The verified redirect, once answered. */
  verified?: VerifiedRedirect;
  /** The client session, when the page follows one. */
  session?: CheckoutSession;
  /** The payment, once known. */
  payment?: ShopperPayment;
  /** The payment link, when the page follows one. */
  link?: ShopperPaymentLink;
  /** The number of the request in flight for `target`. */
  request?: number;
  /** Requests asked for so far (numbers the next one). */
  requests: number;
  /** When the poll schedule started (epoch ms). */
  startedAt: number;
  /** When the last answer came (epoch ms): an unpaid session past its expiry is over. */
  answeredAt?: number;
  /** Polls in a row that got no answer since the last one (the next waits longer). */
  failures?: number;
  /** When the server may be asked again (epoch ms), after a rate-limited failure. */
  retryAt?: number;
  /** The poll schedule ran out while waiting. */
  timedOut?: boolean;
}

/** What the status machine reacts to. */
export type StatusEvent =
  /** Which payment the page is about (at first, once the URL is read, and when the props name another). */
  | { type: 'START'; source: StatusSource; now: number; cached?: StatusAnswer }
  | { type: 'ANSWERED'; request: number; answer: StatusAnswer; now: number }
  | { type: 'FAILED'; request: number; error: PurseKitError; now: number }
  /** The poll schedule says: ask again. */
  | { type: 'POLL' }
  /** The poll schedule ran out. */
  | { type: 'TIMED_OUT' }
  /** The shopper asks once more (after an error, or when timed out). */
  | { type: 'REFRESH' };
