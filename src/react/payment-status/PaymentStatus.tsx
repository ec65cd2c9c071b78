import { Suspense, useEffect, useRef } from 'react';
import { usePurse } from '../provider/context.ts';
import { lazyView, usePreloadWhenIdle } from '../shared/lazy.tsx';
import { Button, cx, LiveRegion } from '../shared/parts.tsx';
import type { PaymentDetailsProps } from './PaymentDetails.tsx';
import { announcement, isTransient, statusTexts } from './texts.ts';
import { usePaymentStatus } from './usePaymentStatus.ts';
import type { PaymentStatusState, UsePaymentStatusOptions } from './usePaymentStatus.ts';

/** Props of the default status view. */
export interface PaymentStatusViewProps {
  /** What `usePaymentStatus()` returned. */
  status: PaymentStatusState;
  /** Where "Try again" leads after a failure (the checkout page). */
  retryHref?: string;
  /** Called by "Try again" after a failure (with `retryHref`, before the navigation). */
  onRetry?(): void;
  /**
   * Level of the status heading.
   * @defaultValue 2
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Added to the root element's classes. */
  className?: string;
}

// The facts under the status (amount, method, reference, timeline) come with their texts in a chunk of their own,
// preloaded while the page waits for the backend's answer. If it cannot be downloaded, the status and its actions
// stand alone.
const Details = lazyView<PaymentDetailsProps>(
  () => import('./PaymentDetails.tsx').then((module) => module.PaymentDetails),
  () => null,
);

/** The default view of `usePaymentStatus()`: outcome heading, details, actions, and one polite live region. */
export function PaymentStatusView({ status, retryHref, onRetry, headingLevel = 2, className }: PaymentStatusViewProps) {
  const { i18n } = usePurse();
  const { phase, payment, link, error, refresh, refreshing } = status;
  const texts = statusTexts(status, i18n);
  const Heading = `h${headingLevel}` as const;

  // Focus moves only after the shopper acted (Refresh, Try again) and the button they used went away: never on load
  // and never on an automatic poll, which the live region announces instead.
  const root = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const actedAt = useRef<string | null>(null);
  useEffect(() => {
    if (actedAt.current === null || actedAt.current === phase) return;
    actedAt.current = null;
    if (!root.current?.contains(document.activeElement)) heading.current?.focus();
  }, [phase]);
  const retry = () => onRetry?.();
  const refreshNow = () => {
    actedAt.current = phase;
    refresh();
  };

  const canRefresh = phase === 'timed_out' || (phase === 'error' && isTransient(error));
  const canRetry = (phase === 'failure' || (phase === 'error' && !isTransient(error))) && (retryHref || onRetry);
  const showDetails = phase !== 'verifying' && phase !== 'error';
  usePreloadWhenIdle([Details]);

  return (
    <div
      ref={root}
      className={cx('purse-payment-status', `purse-payment-status--${phase.replace('_', '-')}`, className)}
      lang={i18n.locale}
    >
      <LiveRegion>{announcement(texts)}</LiveRegion>
      <Heading
        ref={heading}
        tabIndex={-1}
        // The shared spinner while the answer is still to come.
        className={cx('purse-payment-status__title', (phase === 'verifying' || phase === 'waiting') && 'purse-progress')}
      >
        {texts.title}
      </Heading>
      {texts.body && <p className="purse-text">{texts.body}</p>}
      {showDetails && (
        <Suspense>
          <Details payment={payment} link={link} />
        </Suspense>
      )}
      {canRefresh && (
        <Button inactive={refreshing} onClick={refreshNow} className="purse-payment-status__refresh">
          {refreshing
            ? i18n.t('paymentStatus.refreshing')
            : i18n.t(phase === 'timed_out' ? 'paymentStatus.refresh' : 'paymentStatus.retry')}
        </Button>
      )}
      {canRetry &&
        (retryHref ? (
          <a href={retryHref} className="purse-button purse-button--primary purse-payment-status__retry" onClick={retry}>
            {i18n.t('paymentStatus.retry')}
          </a>
        ) : (
          <Button onClick={retry} className="purse-payment-status__retry">
            {i18n.t('paymentStatus.retry')}
          </Button>
        ))}
    </div>
  );
}

/** Props of `<PaymentStatus>`: the hook's options and the view's props. */
export interface PaymentStatusProps extends UsePaymentStatusOptions, Omit<PaymentStatusViewProps, 'status'> {}

/**
 * The status of a Purse payment after the shopper comes back from checkout: verifies `purse-redirection-data` (from
 * the URL, or `token`) through the merchant backend, or follows `paymentId`, `paymentLinkId` or `clientSessionId`,
 * and polls until the status is final. Render inside `<PurseProvider>`.
 */
export function PaymentStatus({ retryHref, onRetry, headingLevel, className, ...options }: PaymentStatusProps) {
  const status = usePaymentStatus(options);
  return (
    <PaymentStatusView
      status={status}
      retryHref={retryHref}
      onRetry={onRetry}
      headingLevel={headingLevel}
      className={className}
    />
  );
}
