// What the status page says for each phase and reason: the texts under `paymentStatus.<name>`, found by name. Shopper
// texts only: a PurseKitError's developer message is never shown.
import type { PurseKitError } from '../../core/errors.ts';
import { lastFailedAttempt, successHeadline } from '../../core/status/classify.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { PaymentStatusState } from './usePaymentStatus.ts';

export interface StatusTexts {
  title: string;
  body?: string;
}

export type StatusView = Pick<PaymentStatusState, 'phase' | 'reason' | 'payment' | 'link' | 'error'>;

/** The name of a state's texts: 'success', 'refunded', 'failure.refused', 'timedOut', 'linkWaiting', 'error'… */
export function textsName({ phase, reason, payment, link }: StatusView): string {
  const headline = successHeadline(payment);
  return phase === 'success'
    ? headline === 'paid' ? 'success' : headline
    : phase === 'failure'
      ? `failure.${reason ?? 'error'}`
      : phase === 'timed_out' ? 'timedOut' : phase === 'waiting' && link ? 'linkWaiting' : phase;
}

/**
 * The states whose texts are in the page: checking, pending, successful. The others (failure, timeout, error, refund,
 * release) come with their actions in the outcome chunk (outcome.tsx).
 */
export const inPage = (name: string) => /^(verifying|waiting|linkWaiting|success)$/.test(name);

/** The title and body of a state; `errorText` words the error of an `error` phase (from the outcome chunk). */
export function statusTexts(status: StatusView, i18n: Translator, errorText?: (error: PurseKitError, i18n: Translator) => string): StatusTexts {
  const { phase, link, error } = status;
  const name = textsName(status);
  const t = (key: string) => i18n.t(`paymentStatus.${name}.${key}` as MessageKey);
  return {
    title: t('title'),
    body:
      phase === 'verifying'
        ? undefined
        : phase === 'error'
          ? error && errorText?.(error, i18n)
          : name === 'linkWaiting'
            ? t(link!.status === 'OPENED' || lastFailedAttempt(link!) ? 'opened' : 'created')
            : t('body'),
  };
}
