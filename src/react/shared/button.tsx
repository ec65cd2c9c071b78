// The focus-keeping button of every component (apart from parts.tsx: see there).
import type { ButtonHTMLAttributes } from 'react';
import { cx } from './parts.tsx';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Busy or unavailable: the button stays focusable (focus is not lost) but clicks are ignored. */
  inactive?: boolean;
  variant?: 'primary' | 'secondary' | 'link';
};

/**
 * A button that is "disabled" with aria-disabled, so keyboard focus stays on it while a request runs. It takes no
 * ref (no caller needs one; React 18 would need forwardRef to pass it on).
 */
export function Button({ inactive, variant = 'primary', className, onClick, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      aria-disabled={inactive || undefined}
      className={cx('purse-button', `purse-button--${variant}`, className)}
      // Inactive: the click does nothing, and a type="submit" button does not submit its form.
      onClick={inactive ? (event) => event.preventDefault() : onClick}
      {...rest}
    />
  );
}
