import { useEffect, useRef, type ReactNode } from 'react';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { cx, keepFocusIn, LiveRegion } from '../shared/parts.tsx';
import { usePreloadWhenIdle } from '../shared/lazy.tsx';
import { sessionStatusUrl } from '../../core/checkout/session.ts';
import { CheckoutPanel, ClosedPanel, HostedPageLink, LoadingSkeleton, panels, useErrorText } from './parts.tsx';
import { checkoutStatusText } from './texts.ts';
import type { UsePurseCheckoutOptions } from './options.ts';
import { usePurseCheckout, type PurseCheckoutApi } from './usePurseCheckout.ts';

/** Props of the default checkout view. */
export interface PurseCheckoutViewProps {
  /** What `usePurseCheckout()` returned. */
  checkout: PurseCheckoutApi;
  /**
   * List the eligible payment methods while loading.
   * @defaultValue true
   */
  showEligibleMethods?: boolean;
  /**
   * A "Cancel payment" button (aborts the session).
   * @defaultValue false
   */
  showCancelButton?: boolean;
  /** Added to the root element's classes. */
  className?: string;
  /** Rendered under the drop-in, e.g. your own pay button with `hidePayButton`: `(c) => <button onClick={c.submit}>`. */
  children?: (checkout: PurseCheckoutApi) => ReactNode;
}

/** The default view of `usePurseCheckout()`: skeleton, drop-in container, failure, restart, hosted-page link. */
export function PurseCheckoutView({
  checkout,
  showEligibleMethods = true,
  showCancelButton = false,
  className,
  children,
}: PurseCheckoutViewProps) {
  const { i18n } = usePurse();
  const rootRef = useRef<HTMLDivElement>(null);
  // The hook's containerRef is stable: React does not detach and re-attach the container on each render.
  const { status, error, hostedPageUrl, containerRef } = checkout;
  const embedded = checkout.integrationMode !== 'HOSTED_PAGE';
  const active = status === 'loading' || status === 'ready' || status === 'submitting';

  // The clicked button goes away with its panel: keep keyboard focus in the checkout rather than on <body>.
  const focusRoot = () => rootRef.current?.focus();
  const onRetry = () => {
    checkout.retry();
    focusRoot();
  };
  const onRestart = () => {
    checkout.restart();
    focusRoot();
  };
  // The shopper's focus has been in the checkout. Not whether it is now: Chromium blurs a focused element that is
  // disabled or removed with no event saying why, like a click on the page's text.
  const entered = useRef(false);
  // A session that ends (closed, expired, cancelled) or a drop-in that fails takes away the drop-in or the cancel
  // button the shopper was on: focus stays in the checkout, a Tab from the panel's link or button. Never pulled from
  // another element of the page, nor for a shopper who never came here.
  useEffect(() => {
    if (!active && entered.current) keepFocusIn(rootRef.current);
  }, [status, active]);
  // The panels (and the words for errors) are downloaded while the browser is idle, so they are there when needed.
  usePreloadWhenIdle([panels]);
  const errorText = useErrorText(i18n);
  const canCancel = showCancelButton && checkout.session && (status === 'loading' || status === 'ready' || status === 'failed');

  return (
    <div
      ref={rootRef}
      className={cx('purse-checkout', className)}
      role="group"
      aria-label={i18n.t('checkout.label')}
      tabIndex={-1}
      lang={i18n.locale}
      data-status={status}
      onFocus={() => (entered.current = true)}
    >
      <LiveRegion>{checkoutStatusText(checkout, i18n, errorText)}</LiveRegion>
      {status === 'loading' && <LoadingSkeleton solutions={showEligibleMethods ? checkout.eligibleSolutions : undefined} />}
      {/* Off the main path, downloaded apart; the live region already says what happened while it comes. */}
      {status === 'failed' && error && <CheckoutPanel status={status} error={error} onAction={onRetry} />}
      {(status === 'expired' || status === 'cancelled') && <CheckoutPanel status={status} onAction={onRestart} />}
      {status === 'closed' && <ClosedPanel url={sessionStatusUrl(checkout.session)} />}
      {status === 'ready' && hostedPageUrl && (
        <HostedPageLink url={hostedPageUrl} redirecting={checkout.hostedPage === 'redirect'} />
      )}
      {(status === 'ready' || status === 'submitting') && error && (
        <p className="purse-error-text purse-checkout__notice">{errorText(error)}</p>
      )}
      {/* Kept in the page while loading: the drop-in mounts into it before it is ready. */}
      <div ref={containerRef} className="purse-checkout__dropin" hidden={!embedded || !active} />
      {children?.(checkout)}
      {canCancel && (
        <Button variant="link" inactive={checkout.isCancelling} onClick={() => void checkout.cancel()}>
          {i18n.t(checkout.isCancelling ? 'checkout.cancelling' : 'checkout.cancel')}
        </Button>
      )}
    </div>
  );
}

/** Props of `<PurseCheckout>`: the hook's options and the view's. */
export interface PurseCheckoutProps extends UsePurseCheckoutOptions {
  /** Added to the root element's classes. */
  className?: string;
  /**
   * A "Cancel payment" button.
   * @defaultValue shown when `onCancel` is given
   */
  showCancelButton?: boolean;
  /** Rendered under the drop-in, e.g. your own pay button with `hidePayButton`. */
  children?: (checkout: PurseCheckoutApi) => ReactNode;
}

/**
 * Purse checkout: creates the client session through the merchant backend (or takes `session`), then mounts Purse's
 * drop-in (EMBEDDED) or sends the shopper to the hosted page (HOSTED_PAGE). Render inside `<PurseProvider>`.
 */
export function PurseCheckout(props: PurseCheckoutProps) {
  // The view picks its own props (className, children, showEligibleMethods) among the hook's options.
  return (
    <PurseCheckoutView
      {...props}
      checkout={usePurseCheckout(props)}
      showCancelButton={props.showCancelButton ?? props.onCancel !== undefined}
    />
  );
}
