// Amounts travel as integers in the currency's ISO 4217 minor unit (4299 EUR = 42.99 €, 4299 JPY = ¥4,299, 42999 KWD =
// 42.999 KWD). Intl's digits are CLDR's display digits, not ISO 4217's: they differ for some currencies (HUF, IDR, COP:
// 0 instead of 2; IQD: 0 instead of 3), and an amount read with them would be 100 or 1000 times off. So the exponent
// comes from ISO 4217: 2 unless the currency is one of the few below.
import type { MinorUnits } from './wire/payment-order.ts';

const EXPONENTS: Record<string, number> = {
  ...Object.fromEntries('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0])),
  ...Object.fromEntries('BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = minorUnitDigits(currency);
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format;
}

/** Digits of the currency's ISO 4217 minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
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
  return currencyFormat(currency, locale).format(toMajorUnits(amount, currency));
}
