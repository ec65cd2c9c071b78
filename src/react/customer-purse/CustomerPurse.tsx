import { useRef, useState } from 'react';
import type { Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { cx, LiveRegion } from '../shared/parts.tsx';
import { AddressCard } from './AddressCard.tsx';
import { DepositsTable } from './DepositsTable.tsx';
import { customerPurseStatusText } from './texts.ts';
import { useCustomerPurse, type CustomerPurseApi, type UseCustomerPurseOptions } from './useCustomerPurse.ts';

type HeadingLevel = 2 | 3 | 4;

/** Props of the default Customer Purse view. */
export interface CustomerPurseViewProps {
  /** What `useCustomerPurse()` returned. */
  purse: CustomerPurseApi;
  /**
   * Level of the section headings.
   * @defaultValue 2
   */
  headingLevel?: HeadingLevel;
  /** Added to the root element's classes. */
  className?: string;
}

function Heading({ level, children }: { level: HeadingLevel; children: string }) {
  const Tag = `h${level}` as const;
  return <Tag className="purse-title">{children}</Tag>;
}

const blockedNotice = (i18n: Translator, level: HeadingLevel) => (
  <div className="purse-box purse-notice" role="note">
    <Heading level={level}>{i18n.t('customerPurse.blocked.title')}</Heading>
    <p>{i18n.t('customerPurse.blocked.body')}</p>
  </div>
);

/** The default view of `useCustomerPurse()`: addresses (copy, QR code), then the deposits with their pages. */
export function CustomerPurseView({ purse, headingLevel = 2, className }: CustomerPurseViewProps) {
  const { i18n } = usePurse();
  const { state } = purse;
  // The last copy's outcome, said once in the live region (it replaces the status until the state changes).
  const [copied, setCopied] = useState<{ message: string; state: typeof state } | null>(null);
  const status = copied && copied.state === state ? copied.message : customerPurseStatusText(state, i18n);
  // "Try again" goes away with the failure it answers: keep keyboard focus in the view rather than on <body>.
  const rootRef = useRef<HTMLDivElement>(null);
  const retry = () => {
    purse.retry();
    rootRef.current?.focus();
  };

  let addresses;
  if (state.status === 'loading') addresses = <p className="purse-hint">{i18n.t('customerPurse.loading')}</p>;
  else if (state.status === 'failed') {
    addresses = (
      <div className="purse-error-text" role="alert">
        <p>{i18n.t('customerPurse.failed')} {i18n.error(state.error)}</p>
        <Button onClick={retry}>{i18n.t('customerPurse.retry')}</Button>
      </div>
    );
  } else if (state.status === 'blocked') addresses = blockedNotice(i18n, headingLevel);
  else {
    addresses = (
      <section aria-label={i18n.t('customerPurse.addresses.title')}>
        <Heading level={headingLevel}>{i18n.t('customerPurse.addresses.title')}</Heading>
        <p className="purse-hint">{i18n.t('customerPurse.addresses.intro')}</p>
        <ul className="purse-deposit-addresses">
          {state.purse.addresses.map((address) => (
            <AddressCard key={address.id} address={address} onCopied={(message) => setCopied({ message, state })} />
          ))}
        </ul>
      </section>
    );
  }

  return (
    <div
      ref={rootRef}
      className={cx('purse-customer-purse', className)}
      tabIndex={-1}
      lang={i18n.locale}
      aria-busy={state.status === 'loading' || undefined}
    >
      <LiveRegion>{status}</LiveRegion>
      {addresses}
      <section aria-label={i18n.t('customerPurse.deposits.title')}>
        <Heading level={headingLevel}>{i18n.t('customerPurse.deposits.title')}</Heading>
        <DepositsTable deposits={state.deposits} showPage={purse.showPage} retry={retry} />
      </section>
    </div>
  );
}

/** Props of `<CustomerPurse>`: the hook's options, the heading level and a class name. */
export interface CustomerPurseProps extends UseCustomerPurseOptions, Omit<CustomerPurseViewProps, 'purse'> {}

/**
 * The signed-in shopper's Customer Purse: where to send funds (addresses with a copy button and a QR code) and the
 * deposits received, in plain words, polled while shown. Render inside `<PurseProvider>`.
 */
export function CustomerPurse({ headingLevel, className, ...options }: CustomerPurseProps) {
  const purse = useCustomerPurse(options);
  return <CustomerPurseView purse={purse} headingLevel={headingLevel} className={className} />;
}
