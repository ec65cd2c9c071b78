// Small pieces of the signup views (the shared ones are in ../shared/parts.tsx).
import type { PurseKitError } from '../../core/errors.ts';
import { usePurse } from '../provider/context.ts';
import { cx } from '../shared/parts.tsx';

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
