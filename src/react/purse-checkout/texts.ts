// The shopper's words for the checkout's states (the payment methods' are in methods.tsx, downloaded apart). The words for its errors (what happened, and
// whether trying again can help) come with the panels (panels.tsx), downloaded apart.
import type { PurseKitError } from '../../core/errors.ts';
import type { Translator } from '../i18n/index.ts';
import type { PurseCheckoutApi } from './usePurseCheckout.ts';

/** What the one live region says for the current state; `errorText` words the state's error. */
export function checkoutStatusText(checkout: PurseCheckoutApi, i18n: Translator, errorText: (error: PurseKitError) => string): string {
  const { status, error, hostedPageUrl } = checkout;
  // `failed` always carries its error (the machine sets both at once); `ready` may carry a submit's or a cancel's.
  if (status === 'failed' || (error && status === 'ready')) return errorText(error!);
  if (status === 'ready' && hostedPageUrl) {
    return i18n.t(checkout.hostedPage === 'redirect' ? 'checkout.status.redirecting' : 'checkout.status.hostedLink');
  }
  return i18n.t(`checkout.status.${status}`);
}
