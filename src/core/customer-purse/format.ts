// How a deposit reads: its amount with up to 8 decimals (crypto units are not ISO 4217 currencies, so no Intl currency
// style), and whether its state is still moving, done or refused.
import type { PurseComplianceState, PurseTransactionState } from '../wire/customer-purse.ts';

export function formatDepositAmount(amount: number, currency: string, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 8 }).format(amount)} ${currency}`;
}

export type DepositTone = 'pending' | 'success' | 'failure' | 'unknown';

const STATE_TONES: Record<PurseTransactionState, DepositTone> = {
  MEM_POOL_FOUND: 'pending',
  PENDING_COMPLIANCE_CHECK: 'pending',
  CONFIRMED: 'success',
  DECLINED: 'failure',
};
const COMPLIANCE_TONES: Record<PurseComplianceState, DepositTone> = {
  UNCHECKED: 'pending',
  IN_PROGRESS: 'pending',
  CHECKED: 'success',
  DECLINE: 'failure',
};

/** A state this version does not know (the API may add some) is 'unknown', never guessed. */
const toneOf = <K extends string>(tones: Record<K, DepositTone>, value: string): DepositTone =>
  Object.hasOwn(tones, value) ? tones[value as K] : 'unknown';
export const depositTone = (state: string): DepositTone => toneOf(STATE_TONES, state);
export const complianceTone = (state: string): DepositTone => toneOf(COMPLIANCE_TONES, state);
