import { useState } from 'react';
import type { CountryCode } from '../../core/identifier.ts';
import type { SignupState } from '../../core/signup/types.ts';
import type { Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { CodeStep, codeStatusText } from './CodeStep.tsx';
import { IdentifierStep } from './IdentifierStep.tsx';
import { cx, LiveRegion } from '../shared/parts.tsx';
import { ProfileStep } from './ProfileStep.tsx';
import { failureTexts } from './failure.ts';
import { DoneStep, FailedStep, LinkingStep } from './steps.tsx';
import { useXcoSignup, type UseXcoSignupOptions, type XcoSignupApi } from './useXcoSignup.ts';

/** What the live region says for a state ('' for the untouched first step); phones formatted for `defaultCountry`. */
export function signupStatusText(state: SignupState, i18n: Translator, defaultCountry?: CountryCode): string {
  switch (state.status) {
    case 'identify':
      if (state.invalid) return i18n.t(`identifier.invalid.${state.invalid}`);
      return state.error ? i18n.error(state.error) : '';
    case 'checking':
      return i18n.t('status.checking');
    case 'profile':
      return state.error ? i18n.t('profile.summary') : i18n.t('status.profile');
    case 'creating':
      return i18n.t('status.creating');
    case 'sending':
      return state.resendFrom ? i18n.t('code.resending') : i18n.t('status.sending');
    case 'code_sent':
    case 'verifying':
      return codeStatusText(state, i18n, defaultCountry);
    case 'verified':
    case 'linking':
      return i18n.t('status.linking');
    case 'done':
      return i18n.t(state.outcome === 'created' ? 'status.done.created' : 'status.done.linked');
    case 'failed': {
      const texts = failureTexts(state, i18n);
      return `${texts.title}. ${texts.body}`;
    }
  }
}

/** Props of the default signup view. */
export interface XcoSignupViewProps {
  /** What `useXcoSignup()` returned. */
  signup: XcoSignupApi;
  /** Added to the root element's classes. */
  className?: string;
}

/** The default view of `useXcoSignup()`: one step at a time, and one live region for status changes. */
export function XcoSignupView({ signup, className }: XcoSignupViewProps) {
  const { i18n } = usePurse();
  const { state } = signup;
  // Focus is moved only after the shopper has done something: never on page load.
  const [firstState] = useState(state);
  const started = state !== firstState;

  const locked = signup.lockIdentifier;
  let step;
  switch (state.status) {
    case 'identify':
    case 'checking':
      step = (
        <IdentifierStep
          state={state}
          actions={signup}
          lockIdentifier={locked}
          focusOnMount={started}
          defaultCountry={signup.defaultCountry}
        />
      );
      break;
    case 'sending':
      step = state.resendFrom ? (
        <CodeStep state={state} actions={signup} lockIdentifier={locked} defaultCountry={signup.defaultCountry} />
      ) : (
        <IdentifierStep state={state} actions={signup} lockIdentifier={locked} defaultCountry={signup.defaultCountry} />
      );
      break;
    case 'profile':
    case 'creating':
      step = <ProfileStep state={state} actions={signup} lockIdentifier={locked} defaultCountry={signup.defaultCountry} />;
      break;
    case 'code_sent':
    case 'verifying':
      step = <CodeStep state={state} actions={signup} lockIdentifier={locked} defaultCountry={signup.defaultCountry} />;
      break;
    case 'verified':
    case 'linking':
      step = <LinkingStep />;
      break;
    case 'done':
      step = <DoneStep state={state} />;
      break;
    case 'failed':
      step = <FailedStep state={state} actions={signup} lockIdentifier={locked} />;
      break;
  }

  return (
    <div className={cx('purse-signup', className)} lang={i18n.locale}>
      <LiveRegion>{signupStatusText(state, i18n, signup.defaultCountry)}</LiveRegion>
      {step}
    </div>
  );
}

/** Props of `<XcoSignup>`: the hook's options and a class name. */
export interface XcoSignupProps extends UseXcoSignupOptions {
  /** Added to the root element's classes. */
  className?: string;
}

/**
 * Purse Express Checkout signup: checks the shopper's email or phone, then creates an XCO account (new shopper) or
 * verifies a one-time code and links the existing account (existing shopper). Render inside `<PurseProvider>`.
 */
export function XcoSignup({ className, ...options }: XcoSignupProps) {
  const signup = useXcoSignup(options);
  return <XcoSignupView signup={signup} className={className} />;
}
