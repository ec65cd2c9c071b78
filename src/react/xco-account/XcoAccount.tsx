import { Suspense, useRef } from 'react';
import { maskEmail, maskPhone } from '../../core/xco-account/machine.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { lazyView } from '../shared/lazy.tsx';
import { cx, keepFocusIn, LiveRegion } from '../shared/parts.tsx';
import type { XcoSignupProps } from '../xco-signup/XcoSignup.tsx';
import { useXcoAccount, type UseXcoAccountOptions, type XcoAccountApi } from './useXcoAccount.ts';

/** The signup/link flow could not be downloaded: says so (reload the page) instead of breaking the page. */
function SignupUnavailable() {
  return <p className="purse-error-text">{usePurse().i18n.t('error.script_load')}</p>;
}

// The signup/link flow (and its form library) is downloaded only when a shopper without an account opens it.
const XcoSignup = lazyView<XcoSignupProps>(() => import('../xco-signup/XcoSignup.tsx').then((module) => module.XcoSignup), SignupUnavailable);

type HeadingLevel = 2 | 3 | 4;

/** Props of the default account view. */
export interface XcoAccountViewProps {
  /** What `useXcoAccount()` returned. */
  account: XcoAccountApi;
  /**
   * Options of the signup/link flow offered when no account is linked (e.g. `identifier`, `defaultCountry`). Its
   * `onComplete` runs before the linked account is read and shown.
   */
  signup?: Omit<XcoSignupProps, 'onComplete'> & { onComplete?: XcoSignupProps['onComplete'] };
  /**
   * Level of the section heading.
   * @defaultValue 2
   */
  headingLevel?: HeadingLevel;
  /** Added to the root element's classes. */
  className?: string;
}

/** The default view of `useXcoAccount()`. */
export function XcoAccountView({ account, signup, headingLevel = 2, className }: XcoAccountViewProps) {
  const { i18n } = usePurse();
  const { state } = account;
  // The button the shopper used goes away with its state (and the signup once done): keep keyboard focus in the view
  // rather than on <body>, unless the shopper had moved elsewhere in the page.
  const rootRef = useRef<HTMLElement>(null);
  const focusRoot = () => keepFocusIn(rootRef.current);
  const onRetry = () => {
    account.retry();
    focusRoot();
  };
  const onStart = () => {
    account.startSignup();
    focusRoot();
  };
  const Heading = `h${headingLevel}` as const;
  const title = <Heading className="purse-title">{i18n.t(state.status === 'none' || state.status === 'signup' ? 'xcoAccount.none.title' : 'xcoAccount.title')}</Heading>;

  let body;
  let status = '';
  switch (state.status) {
    case 'loading':
      status = i18n.t('xcoAccount.loading');
      body = <p className="purse-hint">{status}</p>;
      break;
    case 'failed':
      // Said by the alert only (the status region too would say it twice), with why: offline, wait, or our side.
      body = (
        <div role="alert">
          <p className="purse-error-text">
            {i18n.t('xcoAccount.failed')} {i18n.error(state.error)}
          </p>
          <Button onClick={onRetry}>{i18n.t('xcoAccount.retry')}</Button>
        </div>
      );
      break;
    case 'linked': {
      const { user, tokenCount } = state;
      const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
      status = i18n.t('xcoAccount.linked');
      body = (
        <>
          <p>{status}</p>
          <dl className="purse-xco-account__details">
            {name && (<><dt>{i18n.t('xcoAccount.name')}</dt><dd>{name}</dd></>)}
            {user.email && (<><dt>{i18n.t('xcoAccount.email')}</dt><dd>{maskEmail(user.email)}</dd></>)}
            {user.phone_number && (<><dt>{i18n.t('xcoAccount.phone')}</dt><dd>{maskPhone(user.phone_number)}</dd></>)}
            {tokenCount !== undefined && (<><dt>{i18n.t('xcoAccount.methods')}</dt><dd>{i18n.plural('xcoAccount.methods.count', tokenCount)}</dd></>)}
          </dl>
        </>
      );
      break;
    }
    case 'none':
      body = (
        <>
          <p>{i18n.t('xcoAccount.none.body')}</p>
          <Button onClick={onStart}>{i18n.t('xcoAccount.none.start')}</Button>
        </>
      );
      break;
    case 'signup':
      body = (
        <Suspense fallback={<p className="purse-hint">{i18n.t('xcoAccount.loading')}</p>}>
          <XcoSignup
            {...signup}
            onComplete={(details) => {
              signup?.onComplete?.(details);
              account.signupDone();
              focusRoot();
            }}
          />
        </Suspense>
      );
      break;
  }

  return (
    <section
      ref={rootRef}
      className={cx('purse-xco-account', className)}
      tabIndex={-1}
      lang={i18n.locale}
      aria-label={i18n.t('xcoAccount.title')}
    >
      <LiveRegion>{status}</LiveRegion>
      {title}
      {body}
    </section>
  );
}

/** Props of `<XcoAccount>`: the hook's options and the view's. */
export interface XcoAccountProps extends UseXcoAccountOptions, Omit<XcoAccountViewProps, 'account'> {}

/**
 * The returning shopper's Purse Express Checkout account: name, masked email and phone, saved payment methods when
 * known; or, when none is linked to the signed-in customer, the signup/link flow. Render inside `<PurseProvider>`.
 */
export function XcoAccount({ onError, ...view }: XcoAccountProps) {
  const account = useXcoAccount({ onError });
  return <XcoAccountView account={account} {...view} />;
}
