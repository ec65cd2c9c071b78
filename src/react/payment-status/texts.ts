// What the status page says for each phase and reason, and the labels of its details. Shopper texts only: a
// PurseKitError's developer message is never shown.
import type { PurseKitError } from '../../core/errors.ts';
import { canRetry, errorCode, recoveryOf } from '../../core/recovery.ts';
import { lastFailedAttempt, successHeadline } from '../../core/status/classify.ts';
import { MISSING_SOURCE } from '../../core/status/machine.ts';
import type { FailureReason } from '../../core/status/index.ts';
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
  if (error === MISSING_SOURCE) return i18n.t('paymentStatus.error.missing');
  if (recoveryOf(error) === 'unavailable') return i18n.t('paymentStatus.error.unavailable');
  const code = errorCode(error);
  if (code === 'store_full' || code === 'store_unavailable') return i18n.t('error.busy');
  switch (error.kind) {
    case 'network':
    case 'server':
    case 'rate_limited':
    case 'session_expired':
      return i18n.error(error);
    case 'unauthorized':
    case 'config':
      return i18n.t('paymentStatus.error.unavailable');
    default:
      // validation, request (404, 409…) and the rest: the backend would not confirm this payment.
      return i18n.t('paymentStatus.error.verify');
  }
}

export function statusTexts(view: View, i18n: Translator): StatusTexts {
  const { t } = i18n;
  switch (view.phase) {
    case 'verifying':
      return { title: t('paymentStatus.verifying.title') };
    case 'waiting':
      if (view.link) {
        const opened = view.link.status === 'OPENED' || lastFailedAttempt(view.link) !== undefined;
        return {
          title: t('paymentStatus.linkWaiting.title'),
          body: t(opened ? 'paymentStatus.linkWaiting.opened' : 'paymentStatus.linkWaiting.created'),
        };
      }
      return { title: t('paymentStatus.waiting.title'), body: t('paymentStatus.waiting.body') };
    case 'timed_out':
      return { title: t('paymentStatus.timedOut.title'), body: t('paymentStatus.timedOut.body') };
    case 'success': {
      const headline = successHeadline(view.payment);
      if (headline === 'refunded') return { title: t('paymentStatus.refunded.title'), body: t('paymentStatus.refunded.body') };
      if (headline === 'voided') return { title: t('paymentStatus.voided.title'), body: t('paymentStatus.voided.body') };
      return { title: t('paymentStatus.success.title'), body: t('paymentStatus.success.body') };
    }
    case 'failure': {
      const reason = (view.reason ?? 'error') as FailureReason;
      return {
        title: t(`paymentStatus.failure.${reason}.title` as MessageKey),
        body: t(`paymentStatus.failure.${reason}.body` as MessageKey),
      };
    }
    case 'error':
      return {
        title: t('paymentStatus.error.title'),
        body: view.error ? errorText(view.error, i18n) : undefined,
      };
  }
}

/** The one sentence the live region announces for a state. */
export function announcement(texts: StatusTexts): string {
  return texts.body ? `${texts.title}. ${texts.body}` : texts.title;
}

const brands: Record<string, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  CB: 'CB',
  MAESTRO: 'Maestro',
};

/** A card network's usual written form ("VISA" → "Visa"); unknown brands as sent. */
export function brandLabel(brand: string): string {
  return brands[brand.toUpperCase().replace(/[\s_-]/g, '')] ?? brand;
}
