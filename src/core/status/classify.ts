// What a payment, a client session or a payment link means for the shopper: success, failure, or still waiting.
// Pure functions of the objects the merchant backend returned after asking Purse; a redirect's query parameters
// are never an input here.
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink } from '../backend/views.ts';
import type { AuthorizationStatus } from '../wire/payment.ts';

/** What an object means for the shopper: final (success, failure) or not yet (waiting). */
export type StatusOutcome = 'success' | 'failure' | 'waiting';

/** Why a payment succeeded. */
export type SuccessReason = 'authorized' | 'captured' | 'link_paid';
/** Why a payment failed (or a link can no longer be paid). */
export type FailureReason =
  | 'refused'
  | 'error'
  | 'aborted'
  | 'aborted_by_customer'
  | 'aborted_by_merchant'
  | 'session_expired'
  | 'link_cancelled'
  | 'link_expired';
/**
 * Why the page still waits: a payment Purse has not decided yet (`pending`); a client session open with no payment
 * in it yet (`session_created`: nobody has paid, though a payment may still come) or one a payment was made in
 * (`session_submitted`); a payment link not paid yet (`link_created`) or after a failed attempt (`link_opened`).
 */
export type WaitingReason = 'pending' | 'session_created' | 'session_submitted' | 'link_created' | 'link_opened';
/** The reason behind a phase. */
export type StatusReason = SuccessReason | FailureReason | WaitingReason;

/** An outcome with its reason. */
export type StatusClassification =
  | { outcome: 'success'; reason: SuccessReason }
  | { outcome: 'failure'; reason: FailureReason }
  | { outcome: 'waiting'; reason: WaitingReason };

const failedAuthorizations: Partial<Record<AuthorizationStatus, FailureReason>> = {
  REFUSED: 'refused',
  ERROR: 'error',
  ABORTED: 'aborted',
};

/** REFUSED, ERROR, ABORTED: the payment did not go through (the order may be paid again). */
export const isFailedAuthorization = (status: AuthorizationStatus): boolean => status in failedAuthorizations;

/** True for success and failure. */
export const isFinalOutcome = (outcome: StatusOutcome) => outcome !== 'waiting';

const is = (outcome: StatusOutcome, reason: StatusReason) => ({ outcome, reason }) as StatusClassification;

/** AUTHORIZED → success; anything captured → success ('captured'); REFUSED/ERROR/ABORTED → failure; else waiting. */
export function classifyPayment(payment: Pick<ShopperPayment, 'authorization_status' | 'overview' | 'amounts'>): StatusClassification {
  const status = payment.authorization_status;
  const failed = failedAuthorizations[status];
  // A capture can only follow an authorization, whatever the status field says.
  if (payment.amounts.total_captured > 0 || payment.overview.captured !== 'NOT') return is('success', 'captured');
  // PENDING, or a status this version does not know: keep asking rather than guess.
  return status === 'AUTHORIZED' ? is('success', 'authorized') : failed ? is('failure', failed) : is('waiting', 'pending');
}

/**
 * A session alone never means success: only its payment can. One that names a payment is `session_submitted`,
 * whatever its status says (aborted too): its payment decides. Aborted sessions without one are failures; so is a
 * session still CREATED, with no payment, that can no longer be paid (Purse keeps it CREATED): `expired` as the
 * merchant server says, else (an adapter that does not say) past its `expires_at` at `nowMs`. `session_created` is a
 * session nobody paid in yet.
 */
export function classifySession(
  session: Pick<CheckoutSession, 'status'> & Partial<Pick<CheckoutSession, 'expires_at' | 'payment_id' | 'expired'>>,
  nowMs?: number,
): StatusClassification {
  const { status, expires_at, payment_id, expired } = session;
  // Its payment decides (an aborted session keeps the id of a payment that failed): until it answers, waiting.
  if (status === 'SUBMITTED' || payment_id) return is('waiting', 'session_submitted');
  if (status === 'ABORTED_BY_CUSTOMER' || status === 'ABORTED_BY_MERCHANT') return is('failure', status.toLowerCase() as FailureReason);
  // The server's clock first: the shopper's may be hours off. An unreadable date (NaN) is never past.
  return (expired ?? Date.parse(expires_at ?? '') <= (nowMs ?? Number.NaN)) ? is('failure', 'session_expired') : is('waiting', 'session_created');
}

/**
 * PAID → success; CANCELLED or EXPIRED → failure; CREATED and OPENED (after a failed attempt) → waiting. With `nowMs`,
 * an unpaid link past its `expires_at` counts as expired even if the answer still says CREATED/OPENED.
 */
export function classifyPaymentLink(
  link: Pick<ShopperPaymentLink, 'status' | 'expires_at'>,
  nowMs?: number,
): StatusClassification {
  const { status, expires_at } = link;
  if (status === 'PAID') return is('success', 'link_paid');
  if (status === 'CANCELLED') return is('failure', 'link_cancelled');
  // An unreadable date (NaN) is never past.
  if (status === 'EXPIRED' || Date.parse(expires_at ?? '') <= (nowMs ?? Number.NaN)) return is('failure', 'link_expired');
  return is('waiting', status === 'OPENED' ? 'link_opened' : 'link_created');
}

/** The authorized payment of a paid link, to show its details. */
export function paidPaymentId(link: Pick<ShopperPaymentLink, 'payments'>): string | undefined {
  return link.payments.find((p) => p.authorization_status === 'AUTHORIZED')?.id;
}

/** The status of the link's most recent attempt that failed, when the last attempt did (OPENED after a refusal). */
export function lastFailedAttempt(link: Pick<ShopperPaymentLink, 'payments'>): AuthorizationStatus | undefined {
  const last = link.payments.at(-1);
  return last && isFailedAuthorization(last.authorization_status) ? last.authorization_status : undefined;
}

/**
 * What the shopper should read first about a successful payment: fully refunded or fully voided payments are no
 * longer "paid" from the shopper's point of view, though the authorization succeeded.
 */
export function successHeadline(payment: Pick<ShopperPayment, 'overview'> | undefined): 'paid' | 'refunded' | 'voided' {
  if (payment?.overview.refunded === 'TOTALLY') return 'refunded';
  if (payment?.overview.voided === 'TOTALLY') return 'voided';
  return 'paid';
}
