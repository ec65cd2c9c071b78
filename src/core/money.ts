// Amounts travel as integers in the currency's minor unit (4299 EUR = 42.99 €, 4299 JPY = ¥4,299). The number of
// minor-unit digits comes from Intl (ISO 4217 data), so no currency table is kept here.
import type { MinorUnits } from './wire/payment-order.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format;
}

/** Digits of the currency's minor unit: 2 for EUR, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return currencyFormat(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
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
  const format = currencyFormat(currency, locale);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
