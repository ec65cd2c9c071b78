import { useEffect, useRef } from 'react';
import { usePurse } from '../provider/context.ts';
import { lazyModule } from '../shared/lazy.tsx';
import { cx, LiveRegion } from '../shared/parts.tsx';
import type * as OutcomeModule from './outcome.tsx';
import { inPage, statusTexts, type StatusTexts } from './texts.ts';
import { usePaymentStatus } from './usePaymentStatus.ts';
import type { PaymentStatusState, UsePaymentStatusOptions } from './usePaymentStatus.ts';

/** Props of the default status view. */
export interface PaymentStatusViewProps {
  /** What `usePaymentStatus()` returned. */
  status: PaymentStatusState;
  /**
   * Where "Try again" leads after a failure, and "Go back to payment" while a client session is not paid yet (the
   * checkout page).
   */
  retryHref?: string;
  /** Called by "Try again" after a failure, and by "Go back to payment" (with `retryHref`, before the navigation). */
  onRetry?(): void;
  /**
   * Level of the status heading.
   * @defaultValue 2
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Added to the root element's classes. */
  className?: string;
}

// What shows only once the backend answered comes in a chunk of its own (outcome.tsx), downloaded while the page waits
// for that answer: the facts under the status (amount, method, reference, timeline), and the words and actions of a
// failure, a timeout, an error or a link or client session not paid yet. Not a lazy view: the heading, the live region
// and the actions must change in the same render, so the view reads the module once it is here (false: it could not be
// downloaded; a new attempt sets it back to undefined). Without it, a paid or pending payment's status stands alone.
const outcomeChunk = lazyModule<typeof OutcomeModule>(() => import('./outcome.tsx'));

/** The default view of `usePaymentStatus()`: outcome heading, details, actions, and one polite live region. */
export function PaymentStatusView({ status, retryHref, onRetry, headingLevel = 2, className }: PaymentStatusViewProps) {
  const { i18n } = usePurse();
  const { phase, payment, link } = status;
  const loaded = outcomeChunk.useModule();
  const later = !inPage(status);
  // A state whose words are still on the way shows as "checking" (nothing new is announced) until they are here.
  const wait = later && !loaded;
  const texts: StatusTexts = !later
    ? statusTexts(status, i18n)
    : loaded
      ? loaded.outcomeTexts(status, i18n)
      : { title: i18n.t(loaded === false ? 'error.script_load' : 'paymentStatus.verifying.title') };
  const Heading = `h${headingLevel}` as const;
  // A shopper's Refresh or Try again (the only requests of these phases) is said as "checking", so that the same
  // answer again is announced again rather than met with silence.
  const checking = status.refreshing && (phase === 'error' || phase === 'timed_out');

  // After the shopper acted, focus goes to the status (the outcome chunk's Refresh, once the status it answered is
  // replaced; "Try again" here at once, as the button goes away while the words download again). Never on load.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusStatus = () => heading.current?.focus();
  const downloadAgain = () => {
    focusStatus();
    void outcomeChunk.load();
  };

  // Downloaded from the first render on, while the answer is awaited. A state that needs it (its words, or the details
  // under a status) tries again after a failed download; the background download never does (it would take away the
  // failure the shopper reads).
  const detailed = phase !== 'verifying' && phase !== 'error';
  useEffect(() => void (later || detailed ? outcomeChunk.load() : outcomeChunk.preload()), [later, detailed]);

  return (
    <div
      className={cx('purse-payment-status', `purse-payment-status--${phase.replace('_', '-')}`, className)}
      lang={i18n.locale}
    >
      <LiveRegion>
        {checking ? i18n.t('paymentStatus.verifying.title') : texts.body ? `${texts.title}. ${texts.body}` : texts.title}
      </LiveRegion>
      <Heading
        ref={heading}
        tabIndex={-1}
        // The shared spinner while the answer (or its words) is still to come.
        className={cx(
          'purse-payment-status__title',
          (wait ? loaded !== false : phase === 'verifying' || phase === 'waiting') && 'purse-progress',
        )}
      >
        {texts.title}
      </Heading>
      {texts.body && <p className="purse-text">{texts.body}</p>}
      {/* The way on first, under the words it answers: details arriving later never move it under the shopper's pointer. */}
      {later &&
        (loaded ? (
          <loaded.OutcomeActions status={status} retryHref={retryHref} onRetry={onRetry} focusStatus={focusStatus} />
        ) : (
          loaded === false && (
            <button type="button" onClick={downloadAgain} className="purse-button purse-button--primary purse-payment-status__retry">
              {i18n.t('paymentStatus.retry')}
            </button>
          )
        ))}
      {loaded && detailed && <loaded.PaymentDetails payment={payment} link={link} />}
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
export function PaymentStatus(props: PaymentStatusProps) {
  // The hook reads its options and the view its props: each leaves the other's alone.
  return <PaymentStatusView {...props} status={usePaymentStatus(props)} />;
}
