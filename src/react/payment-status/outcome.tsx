// What the status page shows only once the backend answered: the payment's details and timeline, and after a failure,
// a timeout or an error (or a refund, a release, a payment link or a client session not paid yet) the words of those
// states and of their errors, and the way on (refresh, try again, or back to the payment). Downloaded apart while the
// page waits for the answer; the view shows these words, and its live region says them, only once this chunk is here.
import { useEffect, useRef } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import { canRetry, errorCode, recoveryOf } from '../../core/recovery.ts';
import { lastFailedAttempt, successHeadline } from '../../core/status/classify.ts';
import { MISSING_SOURCE } from '../../core/status/machine.ts';
import type { PaymentStatusPhase } from '../../core/status/types.ts';
import { enPaymentOutcome } from '../i18n/en/payment-outcome.ts';
import { addMessages, type Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { useWaitLabel } from '../shared/countdown.ts';
import { textsOf, type StatusTexts, type StatusView } from './texts.ts';
import type { PaymentStatusState } from './usePaymentStatus.ts';

addMessages(enPaymentOutcome);

export { PaymentDetails } from './PaymentDetails.tsx';

/**
 * Errors that another request may fix (core/recovery.ts); the others — a refused token, a missing payment, the shop's
 * setup — need a new checkout or the shop.
 */
export const isTransient = (error: PurseKitError | undefined) => error !== undefined && error !== MISSING_SOURCE && canRetry(error);

/** The shopper's words for the error of an `error` phase. */
export function errorText(error: PurseKitError, i18n: Translator): string {
  const code = errorCode(error);
  if (error === MISSING_SOURCE) return i18n.t('paymentStatus.error.missing');
  // The shop's setup (credentials, configuration, wiring): trying again cannot help.
  if (recoveryOf(error) === 'unavailable') return i18n.t('paymentStatus.error.unavailable');
  if (code === 'store_full' || code === 'store_unavailable') return i18n.t('error.busy');
  // Validation, request (404, 409…) and the rest: the backend would not confirm this payment.
  return /^(network|server|rate_limited|session_expired)$/.test(error.kind) ? i18n.error(error) : i18n.t('paymentStatus.error.verify');
}

/** A client session nobody paid in yet (waiting, or timed out): no payment is said to be processing. */
const unpaid = ({ reason }: Pick<StatusView, 'reason'>) => reason === 'session_created';

/**
 * The title and body of a failure, a timeout, an error, a refund, a release or a link or session not paid yet:
 * 'failure.refused', 'timedOut', 'linkWaiting', 'sessionWaiting'…
 */
export function outcomeTexts(status: StatusView, i18n: Translator): StatusTexts {
  const { phase, reason, payment, link, error } = status;
  const name =
    phase === 'success'
      ? successHeadline(payment)
      : phase === 'failure'
        ? `failure.${reason ?? 'error'}`
        : unpaid(status)
          ? 'sessionWaiting'
          : phase === 'timed_out'
            ? 'timedOut'
            : phase === 'waiting'
              ? 'linkWaiting'
              : phase;
  const t = textsOf(name, i18n);
  return {
    title: t('title'),
    body:
      phase === 'error'
        ? error && errorText(error, i18n)
        : unpaid(status)
          ? t(phase === 'waiting' ? 'body' : 'timedOut')
          : // A link not paid yet: "not paid yet", or the last attempt failed (OPENED after a refusal).
            t(phase !== 'waiting' ? 'body' : link!.status === 'OPENED' || lastFailedAttempt(link!) ? 'opened' : 'created'),
  };
}

/** Props of `<OutcomeActions>`. */
export interface OutcomeActionsProps {
  status: PaymentStatusState;
  retryHref?: string;
  onRetry?(): void;
  /** Moves focus to the status heading. */
  focusStatus(): void;
}

/**
 * The way on: "Refresh" when asking again may help (timeout, transient error), else "Try again" back to checkout; a
 * client session not paid yet leads back to paying it ("Go back to payment", beside Refresh once timed out). Focus
 * moves only after the shopper pressed Refresh and the button went away with the status it answered (another status
 * came): never on load and never on an automatic poll, which the live region announces instead.
 */
export function OutcomeActions({ status, retryHref, onRetry, focusStatus }: OutcomeActionsProps) {
  const { phase, error, refreshing, refresh, retryAt } = status;
  const { i18n } = usePurse();
  // A rate limit is waited out first (as in checkout): asking again during the wait cannot succeed.
  const [seconds, waitLabel] = useWaitLabel(retryAt, i18n, 'error.retryIn', i18n.t(phase === 'timed_out' ? 'paymentStatus.refresh' : 'paymentStatus.retry'));
  /** The phase the shopper pressed Refresh in, until another comes. */
  const actedIn = useRef<PaymentStatusPhase | null>(null);
  const moved = (now?: PaymentStatusPhase) => {
    if (actedIn.current === null || actedIn.current === now) return;
    actedIn.current = null;
    // Focus was on the button, which is gone: the page's body has it.
    if (document.activeElement === document.body) focusStatus();
  };
  // `moved` reads only refs and the page's focusStatus (which reads a ref): the phase is what matters.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => moved(phase), [phase]);
  // Unmounted: the new status is one whose words are in the page (paid, pending).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => () => moved(), []);
  const refreshNow = () => {
    actedIn.current = phase;
    refresh();
  };
  const retry = () => onRetry?.();
  const canRefresh = phase === 'timed_out' || (phase === 'error' && isTransient(error));
  const back = unpaid(status);
  const label = i18n.t(back ? 'paymentStatus.backToPayment' : 'paymentStatus.retry');
  return (
    <>
      {canRefresh && (
        // Beside the way back to pay (a session nobody paid in), that is the main action: Refresh steps back.
        <Button
          inactive={refreshing || seconds > 0}
          onClick={refreshNow}
          variant={back && (retryHref || onRetry) ? 'secondary' : 'primary'}
          className="purse-payment-status__refresh"
        >
          {refreshing ? i18n.t('paymentStatus.refreshing') : waitLabel}
        </Button>
      )}
      {(back || (!canRefresh && (phase === 'failure' || phase === 'error'))) &&
        (retryHref ? (
          <a href={retryHref} className="purse-button purse-button--primary purse-payment-status__retry" onClick={retry}>
            {label}
          </a>
        ) : (
          onRetry && (
            <Button onClick={retry} className="purse-payment-status__retry">
              {label}
            </Button>
          )
        ))}
    </>
  );
}
