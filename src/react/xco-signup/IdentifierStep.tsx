import { useEffect, useId, useRef, type FormEvent } from 'react';
import { detectIdentifierKind, loadPhoneLib, type CountryCode } from '../../core/identifier.ts';
import type { CheckingState, IdentifyState, SendingState } from '../../core/signup/types.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { FieldLabel, notMobileParams } from './parts.tsx';
import type { XcoSignupApi } from './useXcoSignup.ts';

/** Props of the identifier step. */
export interface IdentifierStepProps {
  /** Typing, checking the identifier, or sending the first code. */
  state: IdentifyState | CheckingState | SendingState;
  /** The action the step uses. */
  actions: Pick<XcoSignupApi, 'submitIdentifier'>;
  /** The field is read-only. */
  lockIdentifier: boolean;
  /** Move focus to the field when it appears (not on first page load, where it would steal focus). */
  focusOnMount?: boolean;
  /** For numbers typed without "+": the phone data of this country loads with the parser. */
  defaultCountry?: CountryCode;
}

/** Why the identifier was refused, in the shopper's words: on the field, and said by the live region. */
export function identifierErrorText(state: IdentifyState, i18n: Translator): string | undefined {
  const { invalid, error, phoneCountry } = state;
  if (invalid === 'not_mobile') {
    return phoneCountry ? i18n.t('identifier.invalid.not_mobile', notMobileParams(phoneCountry, i18n)) : i18n.t('identifier.invalid.phone');
  }
  if (invalid !== undefined) return i18n.t(`identifier.invalid.${invalid}` satisfies MessageKey);
  if (error?.kind !== 'validation') return error && i18n.error(error);
  // Not the shop account's (createUser refused it), or a format Purse refused: say which format we expect.
  if (error.code === 'identity_mismatch') return i18n.t('profile.notYours');
  return i18n.t(detectIdentifierKind(state.input) === 'phone' ? 'identifier.invalid.phone' : 'identifier.invalid.email');
}

/** One field for an email or a phone number. Uncontrolled: typing causes no React render. */
export function IdentifierStep({ state, actions, lockIdentifier, focusOnMount = false, defaultCountry }: IdentifierStepProps) {
  const { i18n } = usePurse();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const busy = state.status === 'checking' || state.status === 'sending';
  const errorText = state.status === 'identify' ? identifierErrorText(state, i18n) : undefined;
  const hasError = errorText !== undefined;

  useEffect(() => {
    if (focusOnMount) inputRef.current?.focus();
  }, [focusOnMount]);
  // A refused identifier: back to the field, whose description now holds the reason — on each refusal, also one with
  // the same reason as the last (a new state), or Continue pressed again would seem to do nothing.
  useEffect(() => {
    if (state.status === 'identify' && (state.invalid !== undefined || state.error !== undefined)) inputRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    void actions.submitIdentifier(inputRef.current?.value ?? '');
  };

  return (
    <form className="purse-step" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      <div className="purse-field">
        <FieldLabel htmlFor={id} label={i18n.t('identifier.label')} hint={i18n.t('identifier.hint')} />
        <input
          ref={inputRef}
          id={id}
          name="identifier"
          className="purse-input"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          defaultValue={state.input}
          readOnly={busy || lockIdentifier}
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => {
            // Fetch the phone parser and data while the shopper is still typing, so submit does not wait for them.
            const { value } = event.currentTarget;
            if (detectIdentifierKind(value) === 'phone') void loadPhoneLib(value, defaultCountry).catch(() => {});
          }}
        />
        {hasError && (
          <p id={errorId} className="purse-error-text">
            {errorText}
          </p>
        )}
      </div>
      <Button type="submit" inactive={busy}>
        {state.status === 'checking'
          ? i18n.t('identifier.checking')
          : state.status === 'sending'
            ? i18n.t('identifier.sending')
            : i18n.t('identifier.submit')}
      </Button>
    </form>
  );
}
