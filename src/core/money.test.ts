import { describe, expect, it } from 'vitest';
import { formatMinorUnits, minorUnitDigits, toMajorUnits } from './money.ts';
import { CURRENCIES } from './wire/payment.ts';

// French separates groups with U+202F and puts U+00A0 before the currency sign.
const nbsp = '\u00a0';
const nnbsp = '\u202f';

describe('formatMinorUnits', () => {
  it('knows the minor unit of each currency the kit creates sessions in', () => {
    expect(Object.fromEntries(CURRENCIES.map((c) => [c, minorUnitDigits(c)]))).toEqual({
      CHF: 2,
      EUR: 2,
      GBP: 2,
      JPY: 0,
      USD: 2,
    });
  });

  it.each([
    ['CHF', `CHF${nbsp}42.99`, `42,99${nbsp}CHF`],
    ['EUR', '€42.99', `42,99${nbsp}€`],
    ['GBP', '£42.99', `42,99${nbsp}£GB`],
    ['JPY', '¥4,299', `4${nnbsp}299${nbsp}JPY`],
    ['USD', '$42.99', `42,99${nbsp}$US`],
  ] as const)('formats 4299 %s as %s (en) and %s (fr)', (currency, en, fr) => {
    expect(formatMinorUnits(4299, currency, 'en')).toBe(en);
    expect(formatMinorUnits(4299, currency, 'fr')).toBe(fr);
  });

  it('formats large and zero amounts with grouping and all minor digits', () => {
    expect(formatMinorUnits(123456789, 'EUR', 'en')).toBe('€1,234,567.89');
    expect(formatMinorUnits(0, 'EUR', 'en')).toBe('€0.00');
    expect(formatMinorUnits(5, 'USD', 'en')).toBe('$0.05');
    expect(formatMinorUnits(5, 'JPY', 'en')).toBe('¥5');
  });

  it('converts to major units', () => {
    expect(toMajorUnits(4299, 'EUR')).toBe(42.99);
    expect(toMajorUnits(4299, 'JPY')).toBe(4299);
    expect(toMajorUnits(4299, 'HUF')).toBe(42.99);
    expect(toMajorUnits(42999, 'KWD')).toBe(42.999);
  });

  // Amounts are in ISO 4217 minor units (Purse: "4299 is 42.99 EUR"). Intl's digits are CLDR's display digits, which
  // differ for some currencies (HUF, IDR, COP: 0 in CLDR, 2 in ISO 4217; IQD: 0 and 3): read with them, an amount
  // would be 100 or 1000 times too large, or rounded.
  it.each([
    ['HUF', 2, 4299, `HUF${nbsp}42.99`, `42,99${nbsp}HUF`],
    ['IDR', 2, 4299, `IDR${nbsp}42.99`, `42,99${nbsp}IDR`],
    ['KWD', 3, 42999, `KWD${nbsp}42.999`, `42,999${nbsp}KWD`],
    ['IQD', 3, 42999, `IQD${nbsp}42.999`, `42,999${nbsp}IQD`],
    ['ISK', 0, 4299, `ISK${nbsp}4,299`, `4${nnbsp}299${nbsp}ISK`],
    ['CLF', 4, 42999, `CLF${nbsp}4.2999`, `4,2999${nbsp}CLF`],
  ] as const)('reads %s in ISO 4217 minor units (%i digits)', (currency, digits, amount, en, fr) => {
    expect(minorUnitDigits(currency)).toBe(digits);
    expect(formatMinorUnits(amount, currency, 'en')).toBe(en);
    expect(formatMinorUnits(amount, currency, 'fr')).toBe(fr);
  });

  it('rejects a malformed currency code', () => {
    expect(() => formatMinorUnits(1, 'EURO', 'en')).toThrow(RangeError);
  });
});
