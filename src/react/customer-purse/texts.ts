// Plain words for deposit states and compliance states, and the live region's sentence for the view's state.
import { formatDepositAmount } from '../../core/customer-purse/format.ts';
import type { CustomerPurseState } from '../../core/customer-purse/types.ts';
import { PURSE_COMPLIANCE_STATES, PURSE_TRANSACTION_STATES } from '../../core/wire/customer-purse.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';

export function depositStateText(state: string, i18n: Translator): string {
  const known = (PURSE_TRANSACTION_STATES as readonly string[]).includes(state);
  return i18n.t(`customerPurse.state.${known ? state : 'unknown'}` as MessageKey);
}

export function complianceText(state: string, i18n: Translator): string {
  const known = (PURSE_COMPLIANCE_STATES as readonly string[]).includes(state);
  return i18n.t(`customerPurse.compliance.${known ? state : 'unknown'}` as MessageKey);
}

/**
 * What the live region says: loading, a failure of the deposits, or the newest deposit that arrived while the view was
 * open. Nothing when the addresses failed: the view's alert says it (said twice otherwise).
 */
export function customerPurseStatusText(state: CustomerPurseState, i18n: Translator): string {
  if (state.status === 'loading') return i18n.t('customerPurse.loading');
  if (state.status === 'failed') return '';
  if (state.deposits.error) return i18n.t('customerPurse.deposits.failed');
  const newest = state.deposits.data?.result.find((d) => d.id === state.arrived[0]);
  if (!newest) return '';
  return i18n.t('customerPurse.deposits.arrived', {
    amount: formatDepositAmount(newest.amount, newest.currency, i18n.locale),
    state: depositStateText(newest.transactionState, i18n),
  });
}
