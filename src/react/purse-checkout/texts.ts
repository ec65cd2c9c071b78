// The shopper's words for the checkout's states, errors and payment methods.
import type { PurseKitError } from '../../core/errors.ts';
import { canRetry, errorCode, recoveryOf } from '../../core/recovery.ts';
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

/**
 * The shopper's message for a checkout error (never the developer text of `error.message`): what happened, and where
 * trying again cannot help, what to do instead.
 */
export function checkoutErrorText(error: PurseKitError, i18n: Translator): string {
  const code = errorCode(error);
  if (code === 'order_not_found') return i18n.t('checkout.error.order');
  if (code === 'store_full' || code === 'store_unavailable') return i18n.t('error.busy');
  const recovery = recoveryOf(error);
  if (recovery === 'unavailable' || error.kind === 'validation') return i18n.t('checkout.error.config');
  if (recovery === 'refused') return i18n.t('checkout.error.refused');
  const key = checkoutErrorKeys[error.kind];
  return key ? i18n.t(key) : i18n.error(error);
}

/** "Try again" only where trying again can succeed (core/recovery.ts). */
export const isRetryable = (error: PurseKitError | undefined) => error !== undefined && canRetry(error);

/** Distinct labels of the methods, in the session's order: known methods translated, wallets by brand. */
export function methodLabels(solutions: readonly EligibleSolution[], i18n: Translator): string[] {
  const labels = solutions.map(({ method, partner }) =>
    method.toLowerCase() === 'wallet' ? walletLabel(partner) : methodLabel(method, i18n),
  );
  return [...new Set(labels)];
}
