// The eligible payment methods the loading skeleton lists, in the shopper's words: downloaded apart (see parts.tsx),
// with the methods' and brands' names, when the skeleton first shows, beside the session request and the request for
// the methods themselves.
import { useId } from 'react';
import type { EligibleSolution } from '../../core/wire/payment.ts';
import type { Translator } from '../i18n/index.ts';
import { usePurse } from '../provider/context.ts';
import { methodLabel, walletLabel } from '../shared/methods.ts';

/** Distinct labels of the methods, in the session's order: known methods translated, wallets by brand. */
export function methodLabels(solutions: readonly EligibleSolution[], i18n: Translator): string[] {
  const labels = solutions.map(({ method, partner }) =>
    method.toLowerCase() === 'wallet' ? walletLabel(partner) : methodLabel(method, i18n),
  );
  return [...new Set(labels)];
}

/** The methods to come, as text, under their title (nothing when there are none). */
export function MethodList({ solutions }: { solutions: readonly EligibleSolution[] }) {
  const { i18n } = usePurse();
  const titleId = useId();
  const labels = methodLabels(solutions, i18n);
  if (labels.length === 0) return null;
  return (
    <div className="purse-checkout__methods">
      <p className="purse-text purse-label" id={titleId}>
        {i18n.t('checkout.methods.title')}
      </p>
      <ul className="purse-checkout__method-list" aria-labelledby={titleId}>
        {labels.map((label) => (
          <li key={label} className="purse-checkout__method">
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
