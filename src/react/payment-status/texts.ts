// What the status page says while it checks, waits or shows a paid payment: the texts under `paymentStatus.<name>`.
// Shopper texts only: a PurseKitError's developer message is never shown.
import { lastFailedAttempt, successHeadline } from '../../core/status/classify.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { PaymentStatusState } from './usePaymentStatus.ts';

export interface StatusTexts {
  title: string;
  body?: string;
}

export type StatusView = Pick<PaymentStatusState, 'phase' | 'reason' | 'payment' | 'link' | 'error'>;

/**
 * The states whose words are in the page: checking, pending (a link's too), paid. The others — a failure, a timeout,
 * an error, a refund, a release — come with their actions in the outcome chunk (outcome.tsx: outcomeTexts).
 */
export const inPage = ({ phase, payment }: StatusView) =>
  phase === 'verifying' || phase === 'waiting' || (phase === 'success' && successHeadline(payment) === 'paid');

/** The texts under `paymentStatus.<name>` (title, body, …). */
export const textsOf = (name: string, i18n: Translator) => (key: string) => i18n.t(`paymentStatus.${name}.${key}` as MessageKey);

/** The title and body of a state whose words are in the page (see inPage). */
export function statusTexts({ phase, link }: StatusView, i18n: Translator): StatusTexts {
  const name = phase === 'waiting' && link ? 'linkWaiting' : phase;
  const t = textsOf(name, i18n);
  return {
    title: t('title'),
    body:
      phase === 'verifying'
        ? undefined
        : t(name === 'linkWaiting' ? (link!.status === 'OPENED' || lastFailedAttempt(link!) ? 'opened' : 'created') : 'body'),
  };
}
