// The shopper's words for the checkout's states, errors and payment methods.
import type { PurseKitError } from '../../core/errors.ts';
import type { EligibleSolution } from '../../core/wire/payment.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import { walletLabel, methodLabel } from '../shared/methods.ts';
import type { PurseCheckoutApi } from './usePurseCheckout.ts';

/** What the one live region says for the current state. */
export function checkoutStatusText(checkout: PurseCheckoutApi, i18n: Translator): string {
  switch (checkout.status) {
    case 'loading':
      return i18n.t('checkout.status.loading');
    case 'ready':
      if (checkout.error) return checkoutErrorText(checkout.error, i18n);
      if (checkout.hostedPageUrl) {
        return i18n.t(checkout.hostedPage === 'redirect' ? 'checkout.status.redirecting' : 'checkout.status.hostedLink');
      }
      return i18n.t('checkout.status.ready');
    case 'submitting':
      return i18n.t('checkout.status.submitting');
    case 'failed':
      return checkout.error ? checkoutErrorText(checkout.error, i18n) : i18n.t('checkout.error.title');
    case 'expired':
      return i18n.t('checkout.status.expired');
    case 'cancelled':
      return i18n.t('checkout.status.cancelled');
  }
}

const checkoutErrorKeys: Partial<Record<PurseKitError['kind'], MessageKey>> = {
  script_load: 'checkout.error.script_load',
  config: 'checkout.error.config',
  unauthorized: 'checkout.error.unauthorized',
  // In the view, only a submit the drop-in rejected (its other errors it shows itself and go to onError).
  dropin: 'checkout.error.dropin',
};

/** The shopper's message for a checkout error (never the developer text of `error.message`). */
export function checkoutErrorText(error: PurseKitError, i18n: Translator): string {
  const key = checkoutErrorKeys[error.kind];
  return key ? i18n.t(key) : i18n.error(error);
}

/** A config error is not fixed by trying again. */
export const isRetryable = (error: PurseKitError | undefined) => error?.kind !== 'config';

/** Distinct labels of the methods, in the session's order: known methods translated, wallets by brand. */
export function methodLabels(solutions: readonly EligibleSolution[], i18n: Translator): string[] {
  const labels = solutions.map(({ method, partner }) =>
    method.toLowerCase() === 'wallet' ? walletLabel(partner) : methodLabel(method, i18n),
  );
  return [...new Set(labels)];
}
