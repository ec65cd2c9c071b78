import { useEffect, useId, useMemo, useRef, useState, type HTMLInputTypeAttribute } from 'react';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';
import { useForm, type FieldError, type RegisterOptions, type UseFormRegister } from 'react-hook-form';
import { isValidEmail, parseIdentifier, type CountryCode } from '../../core/identifier.ts';
import type { CreatingState, ProfileState } from '../../core/signup/types.ts';
import { enSignupProfile } from '../i18n/en/xco-signup-profile.ts';
import { addMessages, type MessageKey, type Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { Button } from '../shared/button.tsx';
import { ErrorMessage, FieldLabel, notMobileParams } from './parts.tsx';
import {
  countryOptions,
  fieldOfPath,
  PROFILE_FIELDS,
  fromFormValues,
  isPlausibleBirthdate,
  toFormValues,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form.ts';
import type { XcoSignupApi } from './useXcoSignup.ts';

// Downloaded apart from the page (XcoSignup.tsx) with react-hook-form, and with its English texts.
addMessages(enSignupProfile);

/** Shopper's wording for a field the server refused (its own text is for developers, and in English). */
const serverMessageKey = (field: ProfileField): MessageKey =>
  field === 'email' ? 'profile.invalidEmail' : field === 'phone_number' ? 'profile.invalidPhone' : field === 'birthdate' ? 'profile.invalidBirthdate' : 'profile.rejected';

interface FieldProps {
  name: ProfileField;
  label: string;
  register: UseFormRegister<ProfileFormValues>;
  rules?: RegisterOptions<ProfileFormValues, ProfileField>;
  error: FieldError | undefined;
  type?: HTMLInputTypeAttribute;
  autoComplete: string;
  required?: boolean;
  readOnly?: boolean;
  /** Renders a `<select>` with these options instead of an input. */
  options?: readonly { value: string; label: string }[];
  /** A select's pre-fill: react-hook-form only fills inputs by itself here. */
  defaultValue?: string;
  i18n: Translator;
}

function Field({ name, label, register, rules, error, type = 'text', autoComplete, required, readOnly, options, defaultValue, i18n }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = {
    id,
    className: 'purse-input',
    autoComplete,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    ...register(name, { ...rules, ...(required ? { required: i18n.t('profile.required') } : {}) }),
  };
  return (
    <div className="purse-field">
      <FieldLabel htmlFor={id} label={label} required={required} />
      {options ? (
        <select {...control} defaultValue={defaultValue}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...control} type={type} readOnly={readOnly} />
      )}
      {error?.message && (
        <p id={errorId} className="purse-error-text">
          {error.message}
        </p>
      )}
    </div>
  );
}

/** What the live region says during the profile step (XcoSignup.tsx renders it there). */
export function ProfileStepStatus({ state }: { state: ProfileState | CreatingState }) {
  const { i18n } = usePurse();
  return i18n.t(state.status === 'creating' ? 'status.creating' : state.error ? 'profile.summary' : 'status.profile');
}

/** Props of the profile step (new shopper). */
export interface ProfileStepProps {
  /** The profile form, or the account being created. */
  state: ProfileState | CreatingState;
  /** The actions the step uses. */
  actions: Pick<XcoSignupApi, 'submitProfile' | 'editIdentifier'>;
  /** No "use another" button. */
  lockIdentifier: boolean;
  /** For phone numbers typed without "+". */
  defaultCountry?: CountryCode;
}

/** New shopper: names, contact, gender, birth date and billing address. react-hook-form: no render per keystroke. */
export function ProfileStep({ state, actions, lockIdentifier, defaultCountry }: ProfileStepProps) {
  const { i18n } = usePurse();
  const profile = state.status === 'profile' ? state.profile : state.user;
  const serverError = state.status === 'profile' ? state.error : undefined;
  const creating = state.status === 'creating';
  const titleRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The pre-fill of the first render: later renders (creating, a refusal) must not reset what the shopper typed.
  const [defaultValues] = useState(() => toFormValues(profile, defaultCountry));
  const { register, handleSubmit, setError, setFocus, getValues, formState } = useForm<ProfileFormValues>({
    defaultValues,
    // Focus the first invalid field in reading order (RHF's own order is registration order).
    shouldFocusError: false,
  });
  const { errors } = formState;
  const countries = useMemo(
    () => [{ value: '', label: '' }, ...countryOptions(i18n.locale, defaultValues.country)],
    [i18n.locale, defaultValues.country],
  );
  const genders = useMemo(
    () => (['', 'female', 'male', 'other'] as const).map((value) => ({ value, label: i18n.t(`profile.gender.${value || 'unspecified'}`) })),
    [i18n],
  );
  const identifierIsEmail = state.identifier.email !== undefined;
  const country = defaultCountry ? { defaultCountry } : {};

  // In the commit (see useFocusOnMount in steps.tsx): this step is downloaded apart.
  useIsomorphicLayoutEffect(() => {
    titleRef.current?.focus();
  }, []);

  // Server-side refusals: shown on their fields, focus on the first one (or on the summary when none matches).
  useEffect(() => {
    if (serverError?.kind !== 'validation') return;
    let first: ProfileField | undefined;
    for (const path of Object.keys(serverError.fields)) {
      const field = fieldOfPath(path);
      if (!field) continue;
      // identity_mismatch: not the email or phone the shop has for this customer (the only one it vouches for).
      const key = serverError.code === 'identity_mismatch' ? 'profile.notYours' : serverMessageKey(field);
      setError(field, { type: 'server', message: i18n.t(key) });
      first ??= field;
    }
    if (first) setFocus(first);
    else summaryRef.current?.focus();
  }, [serverError, setError, setFocus, i18n]);

  const onValid = async (values: ProfileFormValues) => {
    if (creating) return;
    let phone = values.phone_number.trim();
    if (phone && state.identifier.phone_number === undefined) {
      const parsed = await parseIdentifier(phone, country);
      if (parsed.kind !== 'phone') {
        // The account's phone receives Purse's codes by text message: a landline there would lock the shopper out.
        // (An email typed in the phone field parses as an email: not a phone number either.)
        const message =
          parsed.kind === 'invalid' && parsed.reason === 'not_mobile'
            ? i18n.t('profile.notMobile', notMobileParams(parsed.country, i18n))
            : i18n.t(parsed.kind === 'invalid' && parsed.reason === 'unavailable' ? 'profile.phoneUnavailable' : 'profile.invalidPhone');
        setError('phone_number', { type: 'validate', message }, { shouldFocus: true });
        return;
      }
      phone = parsed.phone_number;
    }
    actions.submitProfile(fromFormValues({ ...values, phone_number: phone }, profile));
  };

  const onInvalid = (invalid: Partial<Record<ProfileField, unknown>>) => {
    const first = PROFILE_FIELDS.find((field) => invalid[field] !== undefined);
    if (first) setFocus(first);
  };

  const hasErrors = Object.keys(errors).length > 0 || serverError !== undefined;
  const common = { register, i18n, readOnly: creating };

  return (
    <form className="purse-step" noValidate onSubmit={handleSubmit(onValid, onInvalid)} aria-busy={creating || undefined}>
      <h2 className="purse-title" tabIndex={-1} ref={titleRef}>
        {i18n.t('profile.title')}
      </h2>
      <p className="purse-hint">{i18n.t('profile.intro')}</p>
      {hasErrors && (
        <div ref={summaryRef} tabIndex={-1} className="purse-notice purse-summary">
          {serverError && serverError.kind !== 'validation' ? (
            <ErrorMessage error={serverError} />
          ) : (
            <p className="purse-error-text">{i18n.t('profile.summary')}</p>
          )}
        </div>
      )}
      <div className="purse-grid">
        <Field {...common} name="first_name" label={i18n.t('profile.firstName')} autoComplete="given-name" required error={errors.first_name} />
        <Field {...common} name="last_name" label={i18n.t('profile.lastName')} autoComplete="family-name" required error={errors.last_name} />
      </div>
      <Field
        {...common}
        name="email"
        type="email"
        label={i18n.t('profile.email')}
        autoComplete="email"
        required
        readOnly={creating || identifierIsEmail}
        rules={{ validate: (value) => isValidEmail(value.trim()) || i18n.t('profile.invalidEmail') }}
        error={errors.email}
      />
      <Field
        {...common}
        name="phone_number"
        type="tel"
        label={i18n.t('profile.phone')}
        autoComplete="tel"
        readOnly={creating || !identifierIsEmail}
        error={errors.phone_number}
      />
      <div className="purse-grid">
        <Field {...common} name="gender" label={i18n.t('profile.gender')} autoComplete="sex" options={genders} defaultValue={defaultValues.gender} error={errors.gender} />
        <Field
          {...common}
          name="birthdate"
          type="date"
          label={i18n.t('profile.birthdate')}
          autoComplete="bday"
          rules={{ validate: (value) => !value || isPlausibleBirthdate(value) || i18n.t('profile.invalidBirthdate') }}
          error={errors.birthdate}
        />
      </div>
      <fieldset className="purse-fieldset">
        <legend className="purse-label">{i18n.t('profile.address')}</legend>
        <Field {...common} name="street_address" label={i18n.t('profile.street')} autoComplete="address-line1" required error={errors.street_address} />
        <Field {...common} name="address_complement" label={i18n.t('profile.complement')} autoComplete="address-line2" error={errors.address_complement} />
        <div className="purse-grid">
          <Field {...common} name="postal_code" label={i18n.t('profile.postalCode')} autoComplete="postal-code" required error={errors.postal_code} />
          <Field {...common} name="locality" label={i18n.t('profile.city')} autoComplete="address-level2" required error={errors.locality} />
        </div>
        <Field
          {...common}
          name="country"
          label={i18n.t('profile.country')}
          autoComplete="country-name"
          required
          options={countries}
          defaultValue={defaultValues.country}
          error={errors.country}
        />
      </fieldset>
      <div className="purse-actions">
        <Button type="submit" inactive={creating}>
          {creating ? i18n.t('profile.creating') : i18n.t('profile.submit')}
        </Button>
        {!lockIdentifier && (
          // What was typed comes back in the form for the next identifier (WCAG 3.3.7 Redundant Entry).
          <Button variant="link" inactive={creating} onClick={() => actions.editIdentifier(fromFormValues(getValues(), profile))}>
            {i18n.t('identifier.edit')}
          </Button>
        )}
      </div>
    </form>
  );
}
