// How a deposit reads: its amount as received, and whether its state is still moving, done or refused.
import type { PurseComplianceState, PurseTransactionState } from '../wire/customer-purse.ts';

/**
 * Decimals of the currencies Purse's deposit addresses take (1 satoshi = 0.00000001 BTC, 1 wei = 10⁻¹⁸ ETH, USDT and
 * USDC tokens: 6). Another currency shows at the precision received (Intl's limit: 20 decimals).
 */
const DECIMALS: Record<string, number> = { BTC: 8, ETH: 18, USDC: 6, USDT: 6 };

/**
 * `0.015 BTC`: the amount in the locale's digits, then the currency code. The API sends a JSON number: it shows as the
 * shortest decimal that reads back as that number (a string, which Intl formats exactly; a number would show its
 * binary tail), cut at the currency's decimals and never rounded up, since money received must never read as more.
 * Less than the smallest unit shown reads "< 0.00000001 BTC", never "0 BTC".
 */
export function formatDepositAmount(amount: number, currency: string, locale: string): string {
  const decimals = DECIMALS[currency.toUpperCase()] ?? 20;
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, roundingMode: 'trunc' });
  const smallest = `1e-${decimals}` as `${number}`;
  const shown = amount > 0 && amount < Number(smallest) ? `< ${format.format(smallest)}` : format.format(`${amount}` as `${number}`);
  return `${shown} ${currency}`;
}

/** How a deposit state reads: still moving, done, refused, or a state this version does not know. */
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
/** The tone of a transaction state (`ShopperDeposit.transactionState`). */
export const depositTone = (state: string): DepositTone => toneOf(STATE_TONES, state);
/** The tone of a compliance state (`ShopperDeposit.complianceState`). */
export const complianceTone = (state: string): DepositTone => toneOf(COMPLIANCE_TONES, state);
