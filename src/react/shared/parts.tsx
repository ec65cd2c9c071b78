// View pieces shared by every component: class names, the live region, keeping focus in a view. The focus-keeping button is in button.tsx, a
// module of its own, so that a page whose only buttons are downloaded later (the status page) does not download it.
import type { ReactNode } from 'react';

export const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** The one polite live region of a component. Rendered from the first render so that changes are announced. */
export function LiveRegion({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="purse-visually-hidden">
      {children}
    </div>
  );
}

/**
 * Focus on a component's root (tabIndex -1) when what had it went away with a state (it fell to <body>) or is inside
 * the component; never taken from where the shopper moved it in the page.
 */
export function keepFocusIn(root: HTMLElement | null): void {
  const active = document.activeElement;
  if (!active || active === document.body || root?.contains(active)) root?.focus();
}
