// The end states of the flow: linking in progress, done, and failed (with its way on). Downloaded apart from the page
// (XcoSignup.tsx), with their English texts.
import { useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';
import { errorCode, recoveryOf } from '../../core/recovery.ts';
import type { DoneState, FailedState, LinkingState, SignupRecovery, VerifiedState } from '../../core/signup/types.ts';
import { enSignupEnd } from '../i18n/en/xco-signup-end.ts';
import { addMessages, type MessageKey, type Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { clockTime, useWaitLabel } from '../shared/countdown.ts';
import type { XcoSignupApi } from './useXcoSignup.ts';

addMessages(enSignupEnd);

/** Props of the done step. */
export interface DoneStepProps {
  /** Created or linked. */
  state: DoneState;
}

/** Props of the failed step. */
export interface FailedStepProps {
  /** What failed, and what a retry runs again. */
  state: FailedState;
  /** The actions the step uses. */
  actions: Pick<XcoSignupApi, 'retry' | 'editIdentifier'>;
  /** No "use another" button. */
  lockIdentifier: boolean;
}

/** The shop's store is full or down: retry later, said as "busy" rather than "something went wrong". */
const BUSY = ['store_full', 'store_unavailable'];

/** Refusals that trying again cannot help with, by problem code: the title, and the body that says what to do. */
const DEAD_ENDS: Record<string, [title: MessageKey, body: MessageKey]> = {
  customer_reference_taken: ['error.alreadyLinked.title', 'error.alreadyLinked.body'],
  identity_not_vouched: ['error.signIn.title', 'error.notVouched.body'],
  no_customer_session: ['error.signIn.title', 'error.noCustomer.body'],
};

/**
 * Limits of the shop's own (see the handler's `codeLimit` and `lookupQuota`), by problem code: the title, the body
 * that says from when ({time}) and what to do meanwhile, and the body for an identifier the shop locked (no other email
 * or phone to offer).
 */
const LIMITS: Record<string, [title: MessageKey, body: MessageKey, locked?: MessageKey]> = {
  too_many_codes: ['error.tooManyCodes.title', 'error.tooManyCodes.body', 'error.tooManyCodes.bodyLocked'],
  too_many_lookups: ['error.tooManyLookups.title', 'error.tooManyLookups.body'],
};

/** What the failed step says: what happened, and what the way on that `recovery` offers is (or what to do instead). */
function failureTexts(state: FailedState, i18n: Translator, lockIdentifier: boolean): { title: string; body: string } {
  const { t } = i18n;
  const { error } = state;
  const code = errorCode(error) ?? '';
  const [title, body] = DEAD_ENDS[code] ?? [];
  switch (state.recovery) {
    case 'new_code':
      return { title: t('error.newCode.title'), body: t('error.newCode.body') };
    case 'link_existing':
      return { title: t('error.accountExists.title'), body: t('error.accountExists.body') };
    case 'retry': {
      const limit = LIMITS[code];
      if (limit && state.retryAt !== undefined) {
        const body = (lockIdentifier && limit[2]) || limit[1];
        return { title: t(limit[0]), body: t(body, { time: clockTime(state.retryAt, i18n.locale) }) };
      }
      return { title: t('error.title'), body: BUSY.includes(code) ? t('error.busy') : i18n.error(error) };
    }
    case 'none':
      if (title && body) return { title: t(title), body: t(body) };
      if (recoveryOf(error) === 'unavailable') return { title: t('error.unavailable.title'), body: t('error.unauthorized') };
      return { title: t('error.title'), body: t('error.refused') };
  }
}

/** What the live region says once the code is accepted, at the end, or after a failure (XcoSignup.tsx renders it). */
export function EndStepStatus({ state, lockIdentifier = false }: { state: VerifiedState | LinkingState | DoneState | FailedState; lockIdentifier?: boolean }) {
  const { i18n } = usePurse();
  if (state.status === 'done') return i18n.t(`status.done.${state.outcome}`);
  if (state.status !== 'failed') return i18n.t('status.linking');
  const { title, body } = failureTexts(state, i18n, lockIdentifier);
  return `${title}. ${body}`;
}

/**
 * Focuses the element when it mounts: headings get tabIndex -1 so that focus lands on them. In the commit itself (a
 * layout effect): a step downloaded apart mounts outside the shopper's event, where passive effects run later.
 */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useIsomorphicLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/** Existing shopper, code accepted: `onVerified` and then the consent are running. */
export function LinkingStep() {
  const { i18n } = usePurse();
  // The code field just went away: keep keyboard and screen-reader position on the step instead of <body>.
  const titleRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="purse-step" aria-busy="true">
      <p className="purse-title purse-progress" tabIndex={-1} ref={titleRef}>
        {i18n.t('linking.title')}
      </p>
    </div>
  );
}

/** Created or linked. */
export function DoneStep({ state }: DoneStepProps) {
  const { i18n } = usePurse();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="purse-step purse-done">
      <h2 className="purse-title" tabIndex={-1} ref={titleRef}>
        {i18n.t(`done.${state.outcome}.title`)}
      </h2>
      <p className="purse-text">{i18n.t(`done.${state.outcome}.body`)}</p>
    </div>
  );
}

/** The label of the button that runs `retry()`, by the way on the failure offers (none: nothing to retry). */
const ACTIONS: Partial<Record<SignupRecovery, MessageKey>> = {
  retry: 'error.retry',
  new_code: 'error.newCode.action',
  link_existing: 'error.accountExists.action',
};

function RetryButton({ state, label, onRetry }: { state: FailedState; label: string; onRetry: () => void }) {
  const { i18n } = usePurse();
  const [seconds, text] = useWaitLabel(state.retryAt, i18n, 'error.retryIn', label);
  return (
    <Button inactive={seconds > 0} onClick={onRetry}>
      {text}
    </Button>
  );
}

/**
 * A step failed: what happened in the shopper's words, and the way on — the same step again only where that can
 * succeed (after the wait when rate limited), a new code, linking the account that exists — or what to do instead.
 */
export function FailedStep({ state, actions, lockIdentifier }: FailedStepProps) {
  const { i18n } = usePurse();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const texts = failureTexts(state, i18n, lockIdentifier);
  const action = ACTIONS[state.recovery];
  // Editing the identifier cannot help a customer whose shop account is linked to another Purse account already, nor a
  // shopper who checked too many: any other identifier would be refused as well.
  const canEdit = !lockIdentifier && !['customer_reference_taken', 'too_many_lookups'].includes(errorCode(state.error) ?? '');
  return (
    <div className="purse-step purse-failed">
      <h2 className="purse-title" tabIndex={-1} ref={titleRef}>
        {texts.title}
      </h2>
      <p className="purse-error-text">{texts.body}</p>
      {(action || canEdit) && (
        <div className="purse-actions">
          {state.retry && action && <RetryButton state={state} label={i18n.t(action)} onRetry={actions.retry} />}
          {canEdit && (
            <Button variant="link" onClick={() => actions.editIdentifier()}>
              {i18n.t('identifier.edit')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
