// Which payment methods the mock offers for an amount and currency. Purse decides this from the merchant's contracts;
// the mock uses fixed, documented rules so that stories and tests can show different lists.
import type { Currency, EligibleSolution } from '../../core/wire/payment.ts';

/**
 * - creditcard/dalenys: always (the only method the mock's forms can pay with).
 * - wallet/paypal: any currency but JPY, amount > 0.
 * - giftcard/illicado: EUR only, 1 to 1,500.00.
 * - cb3x/oney (pay in 3): EUR only, 100.00 to 3,000.00.
 * A zero-amount session (allow_future_usage: card registration) offers cards only.
 */
export function eligibleSolutions(amount: number, currency: Currency): EligibleSolution[] {
  const solutions: EligibleSolution[] = [{ partner: 'dalenys', method: 'creditcard' }];
  if (amount === 0) return solutions;
  if (currency !== 'JPY') solutions.push({ partner: 'paypal', method: 'wallet' });
  if (currency === 'EUR' && amount <= 150_000) solutions.push({ partner: 'illicado', method: 'giftcard' });
  if (currency === 'EUR' && amount >= 10_000 && amount <= 300_000) solutions.push({ partner: 'oney', method: 'cb3x' });
  return solutions;
}
