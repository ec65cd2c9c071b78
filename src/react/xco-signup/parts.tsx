// Small shared pieces of the signup views.
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import { usePurse } from '../provider/context.ts';

export const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** The one polite live region of a component. Rendered from the first render so that changes are announced. */
export function LiveRegion({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="purse-visually-hidden">
      {children}
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Busy or unavailable: the button stays focusable (focus is not lost) but clicks are ignored. */
  inactive?: boolean;
  variant?: 'primary' | 'secondary' | 'link';
};

/** A button that is "disabled" with aria-disabled, so keyboard focus stays on it while a request runs. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { inactive = false, variant = 'primary', className, onClick, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      aria-disabled={inactive || undefined}
      className={cx('purse-button', `purse-button--${variant}`, className)}
      onClick={(event) => {
        if (inactive) {
          event.preventDefault(); // also stops a type="submit" button from submitting its form
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    />
  );
});

/** A PurseKitError as the shopper's message (never the developer text of `error.message`). */
export function ErrorMessage({ error, id, className }: { error: PurseKitError; id?: string; className?: string }) {
  const { i18n } = usePurse();
  return (
    <p id={id} className={cx('purse-error-text', className)}>
      {i18n.error(error)}
    </p>
  );
}

/** Shows the identifier as sent (email, or E.164 phone). Text only. */
export function identifierText(identifier: { email?: string; phone_number?: string }): string {
  return identifier.email ?? identifier.phone_number ?? '';
}
