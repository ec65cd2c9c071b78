// View pieces shared by every component: class names, the live region. The focus-keeping button is in button.tsx, a
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
