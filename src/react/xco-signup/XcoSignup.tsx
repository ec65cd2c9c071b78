// The default signup view. The first step (and the live region, which speaks for every state) is in the page; the
// later steps are downloaded apart — preloaded when the browser is idle after the first render — with their texts, so
// a shopper can type an identifier before they arrive.
import { Suspense, useState } from 'react';
import { usePurse } from '../provider/context.ts';
import { lazyView, usePreloadWhenIdle } from '../shared/lazy.tsx';
import { Button, cx, LiveRegion } from '../shared/parts.tsx';
import { IdentifierStep } from './IdentifierStep.tsx';
import { signupStatusText } from './status.ts';
import { useXcoSignup, type UseXcoSignupOptions, type XcoSignupApi } from './useXcoSignup.ts';

export { signupStatusText };

/** A later step whose download failed: says so (reload the page), and leads back to the first step, in the page. */
function StepUnavailable({ actions, lockIdentifier }: { state?: unknown; actions?: Pick<XcoSignupApi, 'editIdentifier'>; lockIdentifier?: boolean }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-step">
      <p className="purse-error-text">{i18n.t('error.script_load')}</p>
      {actions && !lockIdentifier && (
        <Button variant="link" onClick={actions.editIdentifier}>
          {i18n.t('identifier.edit')}
        </Button>
      )}
    </div>
  );
}

const CodeStep = lazyView(() => import('./CodeStep.tsx').then((module) => module.CodeStep), StepUnavailable);
const ProfileStep = lazyView(() => import('./ProfileStep.tsx').then((module) => module.ProfileStep), StepUnavailable);
const steps = () => import('./steps.tsx');
const LinkingStep = lazyView(() => steps().then((module) => module.LinkingStep), StepUnavailable);
const DoneStep = lazyView(() => steps().then((module) => module.DoneStep), StepUnavailable);
const FailedStep = lazyView(() => steps().then((module) => module.FailedStep), StepUnavailable);
const LATER = [CodeStep, ProfileStep, LinkingStep, DoneStep, FailedStep];

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
  const { state, defaultCountry } = signup;
  // Focus is moved only after the shopper has done something: never on page load.
  const [firstState] = useState(state);
  usePreloadWhenIdle(LATER);

  const common = { actions: signup, lockIdentifier: signup.lockIdentifier, defaultCountry };
  let step;
  switch (state.status) {
    case 'sending':
      step = state.resendFrom ? <CodeStep {...common} state={state} /> : <IdentifierStep {...common} state={state} />;
      break;
    case 'identify':
    case 'checking':
      step = <IdentifierStep {...common} state={state} focusOnMount={state !== firstState} />;
      break;
    case 'profile':
    case 'creating':
      step = <ProfileStep {...common} state={state} />;
      break;
    case 'code_sent':
    case 'verifying':
      step = <CodeStep {...common} state={state} />;
      break;
    case 'verified':
    case 'linking':
      step = <LinkingStep />;
      break;
    case 'done':
      step = <DoneStep state={state} />;
      break;
    case 'failed':
      step = <FailedStep {...common} state={state} />;
      break;
  }

  return (
    <div className={cx('purse-signup', className)} lang={i18n.locale}>
      <LiveRegion>{signupStatusText(state, i18n, defaultCountry)}</LiveRegion>
      {/* Nothing while a later step downloads: the live region has already said what is happening. */}
      <Suspense>{step}</Suspense>
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
 * The later steps are downloaded apart, when the browser is idle after the first render.
 */
export function XcoSignup({ className, ...options }: XcoSignupProps) {
  const signup = useXcoSignup(options);
  return <XcoSignupView signup={signup} className={className} />;
}
