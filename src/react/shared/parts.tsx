// View pieces shared by every component: class names, the live region, the focus-keeping button.
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

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
