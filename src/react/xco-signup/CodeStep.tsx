import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';
import type { PurseKitError } from '../../core/errors.ts';
import type { CountryCode } from '../../core/identifier.ts';
import { loadedPhone } from '../../core/phone/loaded.ts';
import type { CodeSentState, SendingState, VerifyingState } from '../../core/signup/types.ts';
import { enSignupCode } from '../i18n/en/xco-signup-code.ts';
import { addMessages, type Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { clockTime, useWaitLabel } from '../shared/countdown.ts';
import { errorCode } from '../../core/recovery.ts';
import { FieldLabel } from './parts.tsx';
import type { XcoSignupApi } from './useXcoSignup.ts';

/**
 * The identifier as the shopper knows it: the email, or the phone as its owner writes it ("06 12 34 56 78" for a
 * number of `defaultCountry`, "+44 7911 123456" otherwise). The phone parser is there whenever the shopper typed a
 * phone (parsing loaded it); the number as given otherwise. Text only.
 */
function identifierText({ email, phone_number: phone }: { email?: string; phone_number?: string }, defaultCountry?: CountryCode): string {
  return email ?? (phone === undefined ? '' : (loadedPhone.parser?.formatPhone(phone, defaultCountry) ?? phone));
}

// Downloaded apart from the page (XcoSignup.tsx), with its English texts.
addMessages(enSignupCode);

export const CODE_LENGTH = 6;

/** Digits only, at most CODE_LENGTH: "123 456" and "123-456" (pasted or autofilled) become "123456". */
export const sanitizeCode = (value: string): string => value.replace(/\D/g, '').slice(0, CODE_LENGTH);

/** The code step's states: a code was sent, is being checked, or a new one is being sent. */
export type CodeStepState = CodeSentState | VerifyingState | SendingState;

/** The problem with the last code, in the shopper's words (on the field, and said by the live region). */
function codeProblemText(state: CodeStepState, i18n: Translator): string | undefined {
  if (state.status !== 'code_sent' || !state.codeProblem) return undefined;
  const { codeProblem, attemptsLeft } = state;
  return codeProblem === 'invalid' && attemptsLeft !== undefined ? i18n.plural('code.invalidAttempts', attemptsLeft) : i18n.t(`code.${codeProblem}`);
}

/**
 * Why a new code cannot be sent yet: the shop's cap on codes to this identifier (from when, and another identifier
 * meanwhile unless the shop locked it), or Purse's short throttle. `undefined` when the last resend was not refused.
 */
function throttledText(state: CodeStepState, i18n: Translator, defaultCountry: CountryCode | undefined, lockIdentifier: boolean): string | undefined {
  if (state.status !== 'code_sent' || state.error?.kind !== 'rate_limited') return undefined;
  if (errorCode(state.error) !== 'too_many_codes') return i18n.t('code.throttled');
  const params = { identifier: identifierText(state.identifier, defaultCountry), time: clockTime(state.resendAvailableAt, i18n.locale) };
  return i18n.t(lockIdentifier ? 'code.tooManyLocked' : 'code.tooMany', params);
}

/** What the live region says during the code step (XcoSignup.tsx renders it there). */
export function CodeStepStatus({
  state,
  defaultCountry,
  lockIdentifier = false,
}: {
  state: CodeStepState;
  defaultCountry?: CountryCode | undefined;
  lockIdentifier?: boolean;
}) {
  const { i18n } = usePurse();
  if (state.status === 'verifying') return i18n.t('status.verifying');
  if (state.status === 'sending') return i18n.t('code.resending');
  return (
    codeProblemText(state, i18n) ??
    throttledText(state, i18n, defaultCountry, lockIdentifier) ??
    i18n.t('status.codeSent', { identifier: identifierText(state.identifier, defaultCountry) })
  );
}

function ResendButton({ state, onResend }: { state: CodeStepState; onResend: () => void }) {
  const { i18n } = usePurse();
  const availableAt = state.status === 'sending' ? undefined : state.resendAvailableAt;
  const sending = state.status === 'sending';
  const [seconds, label] = useWaitLabel(availableAt, i18n, 'code.resendIn', i18n.t(sending ? 'code.resending' : 'code.resend'));
  return (
    <Button variant="secondary" inactive={sending || seconds > 0 || state.status === 'verifying'} onClick={onResend}>
      {label}
    </Button>
  );
}

/** Props of the code step. */
export interface CodeStepProps {
  /** The step's state. */
  state: CodeStepState;
  /** The actions the step uses. */
  actions: Pick<XcoSignupApi, 'submitCode' | 'resend' | 'editIdentifier'>;
  /** No "use another" button. */
  lockIdentifier: boolean;
  /** A phone of this country is shown in its national format ("06 12 34 56 78"), others internationally. */
  defaultCountry?: CountryCode;
}

/** One code field (not six boxes): autofill from SMS/email, paste with separators, submits itself at 6 digits. */
export function CodeStep({ state, actions, lockIdentifier, defaultCountry }: CodeStepProps) {
  const { i18n } = usePurse();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [incomplete, setIncomplete] = useState(false);

  const codeSent = state.status === 'code_sent';
  const problem = codeSent ? state.codeProblem : undefined;
  const error: PurseKitError | undefined = codeSent ? state.error : undefined;
  const sentAt = state.status === 'sending' ? undefined : state.resendAvailableAt;
  const needsNewCode = problem === 'expired' || problem === 'locked' || problem === 'unusable';
  const problemText = codeProblemText(state, i18n);
  const errorText = problemText ?? (incomplete ? i18n.t('code.incomplete') : undefined);
  const throttled = error?.kind === 'rate_limited';

  // Focus the field when it appears, and again (emptied) after a refused code or once a new code is sent. A throttled
  // resend leaves focus where it is (on the resend button). In the commit: this step is downloaded apart.
  useIsomorphicLayoutEffect(() => {
    const input = inputRef.current;
    if (!codeSent || !input || throttled) return;
    if (problem) input.value = '';
    input.focus();
  }, [codeSent, problem, error, sentAt, throttled]);
  // A new code makes the old digits useless (a throttled resend sent nothing: keep them).
  useEffect(() => {
    if (sentAt !== undefined && !throttled && inputRef.current) inputRef.current.value = '';
  }, [sentAt, throttled]);

  const submit = (code: string) => {
    if (!codeSent || needsNewCode) return;
    if (code.length < CODE_LENGTH) {
      setIncomplete(true);
      inputRef.current?.focus();
      return;
    }
    setIncomplete(false);
    actions.submitCode(code);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(sanitizeCode(inputRef.current?.value ?? ''));
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = errorText ? `${errorId} ${hintId}` : hintId;

  return (
    <form className="purse-step" noValidate onSubmit={onSubmit} aria-busy={state.status === 'verifying' || undefined}>
      <h2 className="purse-title">{i18n.t('code.title')}</h2>
      <p className="purse-text">{i18n.t('code.sentTo', { identifier: identifierText(state.identifier, defaultCountry) })}</p>
      <div className="purse-field">
        <FieldLabel htmlFor={id} label={i18n.t('code.label')} hint={i18n.t('code.hint')} />
        <input
          ref={inputRef}
          id={id}
          name="one-time-code"
          className="purse-input purse-input--code"
          type="text"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          required
          readOnly={!codeSent || needsNewCode}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const input = event.currentTarget;
            const digits = sanitizeCode(input.value);
            if (digits !== input.value) input.value = digits;
            if (digits.length === CODE_LENGTH) submit(digits);
          }}
        />
        {errorText && (
          // A code's problem is said by the live region; "incomplete" is the view's own, and focus is on the field.
          <p id={errorId} className="purse-error-text" role={problemText ? undefined : 'alert'}>
            {errorText}
          </p>
        )}
      </div>
      <div className="purse-actions">
        <Button type="submit" inactive={!codeSent || needsNewCode}>
          {state.status === 'verifying' ? i18n.t('code.verifying') : i18n.t('code.submit')}
        </Button>
        <ResendButton state={state} onResend={actions.resend} />
      </div>
      {throttled && <p className="purse-hint">{throttledText(state, i18n, defaultCountry, lockIdentifier)}</p>}
      {!lockIdentifier && (
        <Button variant="link" onClick={() => actions.editIdentifier()}>
          {i18n.t('identifier.edit')}
        </Button>
      )}
    </form>
  );
}
