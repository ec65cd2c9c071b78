// The checkout's panels off the main path, downloaded apart (see parts.tsx): a failed step with "Try again" (counting
// down first when the answer asked for a wait), and an expired or cancelled checkout with "Start again".
import { useState } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import { enCheckoutPanels } from '../i18n/en/purse-checkout-panels.ts';
import { addMessages } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/parts.tsx';
import { useCountdown } from '../shared/useCountdown.ts';
import type { PanelProps } from './parts.tsx';
import { checkoutErrorText } from './texts.ts';

addMessages(enCheckoutPanels);

/** "Try again", counting down first when the answer asked for a wait (rate limited). */
function RetryButton({ error, onRetry }: { error: PurseKitError; onRetry: () => void }) {
  const { i18n } = usePurse();
  // The wait starts when the failure is shown; the panel mounts anew for each failure.
  const [until] = useState(() => (error.kind === 'rate_limited' ? Date.now() + error.retryAfterMs : undefined));
  const seconds = useCountdown(until);
  if (seconds <= 0) return <Button onClick={onRetry}>{i18n.t('checkout.retry')}</Button>;
  return (
    <Button inactive onClick={onRetry}>
      {seconds > 90 ? i18n.t('error.retryInMinutes', { minutes: Math.ceil(seconds / 60) }) : i18n.t('error.retryIn', { seconds })}
    </Button>
  );
}

/** A failed step (in the shopper's words, "Try again" only where it can succeed), or expired / cancelled with a restart. */
export function CheckoutPanel({ status, error, onAction }: PanelProps) {
  const { i18n } = usePurse();
  if (status === 'failed') {
    return (
      <div className="purse-checkout__panel purse-checkout__panel--error">
        <p className="purse-checkout__panel-title">{i18n.t('checkout.error.title')}</p>
        <p className="purse-checkout__panel-text">{checkoutErrorText(error!, i18n)}</p>
        {onAction && <RetryButton error={error!} onRetry={onAction} />}
      </div>
    );
  }
  return (
    <div className={`purse-checkout__panel purse-checkout__panel--${status}`}>
      <p className="purse-checkout__panel-title">{i18n.t(`checkout.${status}.title`)}</p>
      <p className="purse-checkout__panel-text">{i18n.t(`checkout.${status}.body`)}</p>
      {onAction && <Button onClick={onAction}>{i18n.t('checkout.restart')}</Button>}
    </div>
  );
}
