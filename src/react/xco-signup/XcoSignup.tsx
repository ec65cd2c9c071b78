// The default signup view. The first step, and what the live region says during it, are in the page; each later step
// is downloaded apart with its texts (preloaded when the browser is idle after the first render), and says its own
// states through the live region, which is in the page from the first render. A shopper can type an identifier
// before the later steps arrive.
import { Suspense, useState, type ReactNode } from 'react';
import type { IdentifyState, SignupState } from '../../core/signup/types.ts';
import type { Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { lazyView, usePreloadWhenIdle } from '../shared/lazy.tsx';
import { Button } from '../shared/button.tsx';
import { cx, LiveRegion } from '../shared/parts.tsx';
import { identifierErrorText, IdentifierStep } from './IdentifierStep.tsx';
import { useXcoSignup, type UseXcoSignupOptions, type XcoSignupApi } from './useXcoSignup.ts';

/** What the live region says during the first step ('' while untouched). */
export function identifyStatusText(state: IdentifyState | Extract<SignupState, { status: 'checking' | 'sending' }>, i18n: Translator): string {
  return state.status === 'identify' ? (identifierErrorText(state, i18n) ?? '') : i18n.t(`status.${state.status}`);
}

/** A later step whose download failed: says so (reload the page), and leads back to the first step, in the page. */
function StepUnavailable({ actions, lockIdentifier }: { state?: unknown; actions?: Pick<XcoSignupApi, 'editIdentifier'>; lockIdentifier?: boolean }) {
  const { i18n } = usePurse();
  return (
    <div className="purse-step">
      <p className="purse-error-text">{i18n.t('error.script_load')}</p>
      {actions && !lockIdentifier && (
        <Button variant="link" onClick={() => actions.editIdentifier()}>
          {i18n.t('identifier.edit')}
        </Button>
      )}
    </div>
  );
}

/** What the live region says instead of a later step's status when that step could not be downloaded. */
function StatusUnavailable(_: { state: unknown }) {
  return usePurse().i18n.t('error.script_load');
}

/** One download of a chunk for its step and its status, so they appear together; a failed one is tried again later. */
function chunk<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

const code = chunk(() => import('./CodeStep.tsx'));
const profile = chunk(() => import('./ProfileStep.tsx'));
const end = chunk(() => import('./steps.tsx'));
const CodeStep = lazyView(() => code().then((module) => module.CodeStep), StepUnavailable);
const CodeStatus = lazyView(() => code().then((module) => module.CodeStepStatus), StatusUnavailable);
const ProfileStep = lazyView(() => profile().then((module) => module.ProfileStep), StepUnavailable);
const ProfileStatus = lazyView(() => profile().then((module) => module.ProfileStepStatus), StatusUnavailable);
const LinkingStep = lazyView(() => end().then((module) => module.LinkingStep), StepUnavailable);
const DoneStep = lazyView(() => end().then((module) => module.DoneStep), StepUnavailable);
const FailedStep = lazyView(() => end().then((module) => module.FailedStep), StepUnavailable);
const EndStatus = lazyView(() => end().then((module) => module.EndStepStatus), StatusUnavailable);
const LATER = [CodeStep, CodeStatus, ProfileStep, ProfileStatus, LinkingStep, DoneStep, FailedStep, EndStatus];

/** A number per state object, stable across renders: a new one for each refusal (the machine makes a new state). */
const refusalKeys = new WeakMap<object, number>();
let lastRefusalKey = 0;
const refusalKey = (state: object): number => {
  let key = refusalKeys.get(state);
  if (key === undefined) refusalKeys.set(state, (key = ++lastRefusalKey));
  return key;
};

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
  let step: ReactNode;
  let status: ReactNode;
  const { status: name } = state;
  if (name === 'identify' || name === 'checking' || (name === 'sending' && !state.resendFrom)) {
    step = <IdentifierStep {...common} state={state} focusOnMount={state !== firstState} />;
    // Each refusal is put in the live region anew, so the same reason twice (Enter pressed again) is spoken twice.
    status = <span key={refusalKey(state)}>{identifyStatusText(state, i18n)}</span>;
  } else if (name === 'sending' || name === 'code_sent' || name === 'verifying') {
    // A resend stays on the code step.
    step = <CodeStep {...common} state={state} />;
    status = <CodeStatus state={state} defaultCountry={defaultCountry} lockIdentifier={signup.lockIdentifier} />;
  } else if (name === 'profile' || name === 'creating') {
    step = <ProfileStep {...common} state={state} />;
    status = <ProfileStatus state={state} />;
  } else {
    step =
      name === 'done' ? <DoneStep state={state} /> : name === 'failed' ? <FailedStep {...common} state={state} /> : <LinkingStep />;
    status = <EndStatus state={state} lockIdentifier={signup.lockIdentifier} />;
  }

  // Nothing while a later step downloads: the step and its announcement appear together.
  return (
    <div className={cx('purse-signup', className)} lang={i18n.locale}>
      <LiveRegion>
        <Suspense>{status}</Suspense>
      </LiveRegion>
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
