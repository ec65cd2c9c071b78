// Small pieces of the signup views (the shared ones are in ../shared/parts.tsx).
import type { ReactNode } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import type { MessageParams, Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { cx } from '../shared/parts.tsx';

/**
 * The values of a "not a mobile number" text (identifier field, profile phone): the name of the country the number
 * was read as, in the shopper's language, and an example of a country code that is not that country's (the
 * shopper's number may be from another one).
 */
export function notMobileParams(country: string, i18n: Translator): MessageParams {
  return { country: new Intl.DisplayNames(i18n.locale, { type: 'region' }).of(country) ?? country, example: country === 'BE' ? '+33' : '+32' };
}

/** A PurseKitError as the shopper's message (never the developer text of `error.message`). */
export function ErrorMessage({ error, id, className }: { error: PurseKitError; id?: string; className?: string }) {
  const { i18n } = usePurse();
  return (
    <p id={id} className={cx('purse-error-text', className)}>
      {i18n.error(error)}
    </p>
  );
}

/** A field's label (a visual * when required) and its optional hint, whose id is `${htmlFor}-hint`. */
export function FieldLabel({
  htmlFor,
  label,
  required,
  hint,
}: {
  htmlFor: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
}) {
  return (
    <>
      <label className="purse-label" htmlFor={htmlFor}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint !== undefined && (
        <p id={`${htmlFor}-hint`} className="purse-hint">
          {hint}
        </p>
      )}
    </>
  );
}
