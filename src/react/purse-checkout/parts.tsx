// The pieces of the default checkout view: loading skeleton with the eligible methods (methods.tsx, downloaded apart), the hosted-page link, and the
// panels off the main path (failure, expired, cancelled: panels.tsx, downloaded apart, with a small fallback here). The
// panels are read from their module as it arrives (lazyModule), like the words for errors: no Suspense boundary.
import { useEffect } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import type { EligibleSolution } from '../../core/wire/payment.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { lazyModule } from '../shared/lazy.tsx';
import type { Translator } from '../i18n/index.ts';
import type * as MethodsModule from './methods.tsx';
import type * as PanelsModule from './panels.tsx';
import type { PanelProps } from './panels.tsx';

/**
 * The eligible methods' list, downloaded apart when the skeleton first shows (beside the session request and the
 * request for the methods, so it is there when they are); until then, or if it cannot be downloaded, the skeleton
 * shows without it.
 */
export const methods = lazyModule<typeof MethodsModule>(() => import('./methods.tsx'));

/** Placeholder blocks shaped like a payment form, with the loading text and, if given, the methods to come (text only). */
export function LoadingSkeleton({ solutions }: { solutions: readonly EligibleSolution[] | undefined }) {
  const { i18n } = usePurse();
  const loaded = methods.useModule();
  const listed = solutions !== undefined;
  useEffect(() => {
    if (listed) void methods.load();
  }, [listed]);
  const bone = 'purse-checkout__bone';
  return (
    <div className="purse-checkout__skeleton" aria-busy="true">
      <p className="purse-text purse-checkout__loading">{i18n.t('checkout.status.loading')}</p>
      {loaded && solutions && <loaded.MethodList solutions={solutions} />}
      <div className="purse-checkout__bones" aria-hidden="true">
        {['', '--half', '--half', '--button'].map((variant, index) => (
          <span key={index} className={variant ? `${bone} ${bone}${variant}` : bone} />
        ))}
      </div>
    </div>
  );
}

/**
 * The panels with the words for errors, downloaded once (again after a failed download; preloaded when idle by the
 * view); the views that read them render again when the download ends.
 */
export const panels = lazyModule<typeof PanelsModule>(() => import('./panels.tsx'));

/**
 * The shopper's words for a checkout error: the panels' own once downloaded, until then (or if they cannot be) the
 * provider's message for the error's kind.
 */
export function useErrorText(i18n: Translator): (error: PurseKitError) => string {
  const loaded = panels.useModule();
  return (error) => (loaded ? loaded.checkoutErrorText(error, i18n) : i18n.error(error));
}

/** When the panels cannot be downloaded: what happened, and the way on. */
function PanelFallback({ status, error, onAction }: PanelProps) {
  const { i18n } = usePurse();
  const failed = status === 'failed';
  return (
    <div className="purse-box purse-checkout__panel">
      <p className="purse-text">{failed ? i18n.error(error!) : i18n.t(`checkout.status.${status}`)}</p>
      <Button onClick={onAction}>{i18n.t(failed ? 'checkout.retry' : 'checkout.restart')}</Button>
    </div>
  );
}

/**
 * The failure, expired and cancelled panels, downloaded apart. Nothing while
 * they are on their way (the live region already says what happened), the small fallback if they cannot be downloaded.
 */
export function CheckoutPanel(props: PanelProps) {
  const loaded = panels.useModule();
  // Downloads them if the idle preload has not, or again if it failed: once per panel shown.
  useEffect(() => void panels.load(), []);
  if (loaded) return <loaded.CheckoutPanel {...props} />;
  return loaded === false ? <PanelFallback {...props} /> : null;
}

/**
 * A session the drop-in can no longer take a payment for (a payment may have been made: its answer was lost): what
 * happened, and the way to the payment's status. Never "Start again", which could charge the shopper twice.
 */
export function ClosedPanel({ url }: { url: string | undefined }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-box purse-checkout__panel">
      <p className="purse-text">{i18n.t('checkout.status.closed')}</p>
      {url && (
        <a href={url} className="purse-button purse-button--primary purse-checkout__status-link">
          {i18n.t('checkout.closed.link')}
        </a>
      )}
    </div>
  );
}

/** HOSTED_PAGE: a link to the (origin-checked) hosted page; after a redirect, the same link as a fallback. */
export function HostedPageLink({ url, redirecting }: { url: string; redirecting: boolean }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-checkout__hosted">
      {redirecting && <p className="purse-text">{i18n.t('checkout.status.redirecting')}</p>}
      <a
        href={url}
        className={redirecting ? 'purse-checkout__link' : 'purse-button purse-button--primary purse-checkout__hosted-button'}
      >
        {i18n.t(redirecting ? 'checkout.hosted.fallback' : 'checkout.hosted.continue')}
      </a>
    </div>
  );
}
