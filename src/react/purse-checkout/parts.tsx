// The pieces of the default checkout view: loading skeleton with the eligible methods, failure, restart, hosted page.
import { useId, useState } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import type { EligibleSolution } from '../../core/wire/payment.ts';
import type { MessageKey } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/parts.tsx';
import { useCountdown } from '../shared/useCountdown.ts';
import { checkoutErrorText, methodLabels } from './texts.ts';

/** The eligible methods as a list (text only). Nothing when there are none. */
function EligibleMethods({ solutions }: { solutions: readonly EligibleSolution[] }) {
  const { i18n } = usePurse();
  const titleId = useId();
  const labels = methodLabels(solutions, i18n);
  if (labels.length === 0) return null;
  return (
    <div className="purse-checkout__methods">
      <p className="purse-checkout__methods-title" id={titleId}>
        {i18n.t('checkout.methods.title')}
      </p>
      <ul className="purse-checkout__method-list" aria-labelledby={titleId}>
        {labels.map((label) => (
          <li key={label} className="purse-checkout__method">
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Placeholder blocks shaped like a payment form, with the loading text and the methods to come. */
export function LoadingSkeleton({ solutions }: { solutions: readonly EligibleSolution[] }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-checkout__skeleton" aria-busy="true">
      <p className="purse-checkout__loading">{i18n.t('checkout.status.loading')}</p>
      <EligibleMethods solutions={solutions} />
      <div className="purse-checkout__bones" aria-hidden="true">
        <span className="purse-checkout__bone" />
        <span className="purse-checkout__bone purse-checkout__bone--half" />
        <span className="purse-checkout__bone purse-checkout__bone--half" />
        <span className="purse-checkout__bone purse-checkout__bone--button" />
      </div>
    </div>
  );
}

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

/** A step failed: what happened in the shopper's words, and "Try again" only where trying again can succeed. */
export function FailurePanel({ error, onRetry }: { error: PurseKitError; onRetry: (() => void) | undefined }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-checkout__panel purse-checkout__panel--error">
      <p className="purse-checkout__panel-title">{i18n.t('checkout.error.title')}</p>
      <p className="purse-checkout__panel-text">{checkoutErrorText(error, i18n)}</p>
      {onRetry && <RetryButton error={error} onRetry={onRetry} />}
    </div>
  );
}

/** Expired or cancelled: say so, and offer a fresh session. */
export function RestartPanel({ reason, onRestart }: { reason: 'expired' | 'cancelled'; onRestart: () => void }) {
  const { i18n } = usePurse();
  const title: MessageKey = reason === 'expired' ? 'checkout.expired.title' : 'checkout.cancelled.title';
  const body: MessageKey = reason === 'expired' ? 'checkout.expired.body' : 'checkout.cancelled.body';
  return (
    <div className={`purse-checkout__panel purse-checkout__panel--${reason}`}>
      <p className="purse-checkout__panel-title">{i18n.t(title)}</p>
      <p className="purse-checkout__panel-text">{i18n.t(body)}</p>
      <Button onClick={onRestart}>{i18n.t('checkout.restart')}</Button>
    </div>
  );
}

/** HOSTED_PAGE: a link to the (origin-checked) hosted page; after a redirect, the same link as a fallback. */
export function HostedPageLink({ url, redirecting }: { url: string; redirecting: boolean }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-checkout__hosted">
      {redirecting && <p className="purse-checkout__panel-text">{i18n.t('checkout.status.redirecting')}</p>}
      <a
        href={url}
        className={redirecting ? 'purse-checkout__link' : 'purse-button purse-button--primary purse-checkout__hosted-button'}
      >
        {i18n.t(redirecting ? 'checkout.hosted.fallback' : 'checkout.hosted.continue')}
      </a>
    </div>
  );
}
