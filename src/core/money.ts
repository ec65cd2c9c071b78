// Amounts travel as integers in the currency's ISO 4217 minor unit (4299 EUR = 42.99 €, 4299 JPY = ¥4,299, 42999 KWD =
// 42.999 KWD). Intl's digits are CLDR's display digits, not ISO 4217's: they differ for some currencies (HUF, IDR, COP:
// 0 instead of 2; IQD: 0 instead of 3), and an amount read with them would be 100 or 1000 times off. So the exponent
// comes from ISO 4217: 2 unless the currency is one of the few below.
import type { MinorUnits } from './wire/payment-order.ts';

/** Digits of the currency's ISO 4217 minor unit: 2 for EUR, 0 for JPY, 3 for KWD (the list: those that are not 2). */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  return /^(BIF|CLP|DJF|GNF|ISK|JPY|KMF|KRW|PYG|RWF|UGX|UYI|VND|VUV|XAF|XOF|XPF)$/.test(code)
    ? 0
    : /^(BHD|IQD|JOD|KWD|LYD|OMR|TND)$/.test(code)
      ? 3
      : /^(CLF|UYW)$/.test(code)
        ? 4
        : 2;
}

/** Minor units → major units (4299 EUR → 42.99). */
export function toMajorUnits(amount: MinorUnits, currency: string): number {
  return amount / 10 ** minorUnitDigits(currency);
}

/**
 * Formats an amount given in minor units for display: `formatMinorUnits(4299, 'EUR', 'fr')` → "42,99 €",
 * `formatMinorUnits(4299, 'JPY', 'en')` → "¥4,299". Throws a RangeError for a malformed currency code or locale.
 */
export function formatMinorUnits(amount: MinorUnits, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  // Exactly the ISO digits, not CLDR's (HUF would show no decimals, so 42.99 as 43).
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    amount / 10 ** digits,
  );
}
