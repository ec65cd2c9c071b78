// Off the checkout's main path, downloaded apart (see parts.tsx): the shopper's words for an error, a failed step with
// "Try again" (only where trying again can succeed, counting down first when the answer asked for a wait), and an
// expired or cancelled checkout with "Start again". Their English texts come with them.
import { useState } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import { canRetry, errorCode, recoveryOf } from '../../core/recovery.ts';
import { enCheckoutPanels } from '../i18n/en/purse-checkout-panels.ts';
import { addMessages, type MessageKey, type Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { useWaitLabel } from '../shared/countdown.ts';

addMessages(enCheckoutPanels);

/** Props of the panels off the main path: the action is "Try again" (failed) or "Start again". */
export interface PanelProps {
  status: 'failed' | 'expired' | 'cancelled';
  /** The failure (status `failed`). */
  error?: PurseKitError;
  /** Retry (offered only where it can succeed) or restart. */
  onAction: () => void;
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

/** "Try again", counting down first when the answer asked for a wait (rate limited). */
function RetryButton({ error, onRetry }: { error: PurseKitError; onRetry: () => void }) {
  const { i18n } = usePurse();
  // The wait starts when the failure is shown; the panel mounts anew for each failure.
  const [until] = useState(() => (error.kind === 'rate_limited' ? Date.now() + error.retryAfterMs : undefined));
  const [seconds, label] = useWaitLabel(until, i18n, 'error.retryIn', i18n.t('checkout.retry'));
  return (
    <Button inactive={seconds > 0} onClick={onRetry}>
      {label}
    </Button>
  );
}

/** A failed step, or an expired / cancelled checkout with a restart. */
export function CheckoutPanel({ status, error, onAction }: PanelProps) {
  const { i18n } = usePurse();
  if (status === 'failed') {
    return (
      <div className="purse-box purse-notice purse-checkout__panel purse-checkout__panel--error">
        <p className="purse-text purse-label">{i18n.t('checkout.error.title')}</p>
        <p className="purse-text">{checkoutErrorText(error!, i18n)}</p>
        {/* "Try again" only where trying again can succeed (core/recovery.ts). */}
        {canRetry(error!) && <RetryButton error={error!} onRetry={onAction} />}
      </div>
    );
  }
  return (
    <div className={`purse-box purse-checkout__panel purse-checkout__panel--${status}`}>
      <p className="purse-text purse-label">{i18n.t(`checkout.${status}.title`)}</p>
      <p className="purse-text">{i18n.t(`checkout.${status}.body`)}</p>
      <Button onClick={onAction}>{i18n.t('checkout.restart')}</Button>
    </div>
  );
}
