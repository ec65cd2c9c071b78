// What the status page says while it checks, waits for a payment or shows a paid one: the texts under
// `paymentStatus.<name>`. Shopper texts only: a PurseKitError's developer message is never shown.
import { successHeadline } from '../../core/status/classify.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { PaymentStatusState } from './usePaymentStatus.ts';

export interface StatusTexts {
  title: string;
  body?: string;
}

export type StatusView = Pick<PaymentStatusState, 'phase' | 'reason' | 'payment' | 'link' | 'error'>;

/**
 * The states whose words are in the page: checking, a pending payment, paid. The others — a failure, a timeout, an
 * error, a refund, a release, a payment link or a client session not paid yet — come with their actions in the outcome
 * chunk (outcome.tsx: outcomeTexts), which the page downloads while it waits for the backend's answer.
 */
export const inPage = ({ phase, reason, payment, link }: StatusView) =>
  phase === 'verifying' ||
  (phase === 'waiting' && !link && reason !== 'session_created') ||
  (phase === 'success' && successHeadline(payment) === 'paid');

/** The texts under `paymentStatus.<name>` (title, body, …). */
export const textsOf = (name: string, i18n: Translator) => (key: string) => i18n.t(`paymentStatus.${name}.${key}` as MessageKey);

/** The title and body of a state whose words are in the page (see inPage). */
export function statusTexts({ phase }: StatusView, i18n: Translator): StatusTexts {
  const t = textsOf(phase, i18n);
  return { title: t('title'), body: phase === 'verifying' ? undefined : t('body') };
}
