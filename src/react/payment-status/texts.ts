// What the status page says for each phase and reason. Shopper texts only: a PurseKitError's developer message is
// never shown.
import type { PurseKitError } from '../../core/errors.ts';
import { canRetry, errorCode, recoveryOf } from '../../core/recovery.ts';
import { lastFailedAttempt, successHeadline } from '../../core/status/classify.ts';
import { MISSING_SOURCE } from '../../core/status/machine.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { PaymentStatusState } from './usePaymentStatus.ts';

export interface StatusTexts {
  title: string;
  body?: string;
}

type View = Pick<PaymentStatusState, 'phase' | 'reason' | 'payment' | 'link' | 'error'>;

/**
 * Errors that another request may fix (core/recovery.ts); the others — a refused token, a missing payment, the shop's
 * setup — need a new checkout or the shop.
 */
export const isTransient = (error: PurseKitError | undefined) => error !== undefined && error !== MISSING_SOURCE && canRetry(error);

export function errorText(error: PurseKitError, i18n: Translator): string {
  const code = errorCode(error);
  if (error === MISSING_SOURCE) return i18n.t('paymentStatus.error.missing');
  // The shop's setup (credentials, configuration, wiring): trying again cannot help.
  if (recoveryOf(error) === 'unavailable') return i18n.t('paymentStatus.error.unavailable');
  if (code === 'store_full' || code === 'store_unavailable') return i18n.t('error.busy');
  // Validation, request (404, 409…) and the rest: the backend would not confirm this payment.
  return /^(network|server|rate_limited|session_expired)$/.test(error.kind) ? i18n.error(error) : i18n.t('paymentStatus.error.verify');
}

/** The title and body of a state: the texts under `paymentStatus.<phase or reason>`. */
export function statusTexts({ phase, reason, payment, link, error }: View, i18n: Translator): StatusTexts {
  const t = (key: string) => i18n.t(`paymentStatus.${key}` as MessageKey);
  const linkWaiting = phase === 'waiting' && link;
  const headline = successHeadline(payment);
  const name =
    phase === 'success'
      ? headline === 'paid' ? 'success' : headline
      : phase === 'failure'
        ? `failure.${reason ?? 'error'}`
        : phase === 'timed_out' ? 'timedOut' : linkWaiting ? 'linkWaiting' : phase;
  return {
    title: t(`${name}.title`),
    body:
      phase === 'verifying'
        ? undefined
        : phase === 'error'
          ? error && errorText(error, i18n)
          : linkWaiting
            ? t(link.status === 'OPENED' || lastFailedAttempt(link) ? 'linkWaiting.opened' : 'linkWaiting.created')
            : t(`${name}.body`),
  };
}

/** The one sentence the live region announces for a state. */
export function announcement(texts: StatusTexts): string {
  return texts.body ? `${texts.title}. ${texts.body}` : texts.title;
}
