import { describe, expect, it } from 'vitest';
import { formatMinorUnits } from '../../core/money.ts';
import { matchLocale, PURSE_LOCALES, purseLocaleTag } from './locales.ts';

describe('matchLocale', () => {
  it("takes the shopper's first language that has a catalogue, by language subtag", () => {
    expect(matchLocale(['de-AT', 'en-US'], 'en')).toBe('de');
    expect(matchLocale(['pt-BR', 'NL', 'fr'], 'en')).toBe('nl');
    expect(matchLocale(['it'], 'fr')).toBe('it');
  });

  it('falls back when no language has one, or there is no list', () => {
    expect(matchLocale(['pt-BR', 'ja'], 'fr')).toBe('fr');
    expect(matchLocale([], 'de')).toBe('de');
    expect(matchLocale(undefined, 'es')).toBe('es');
  });
});

describe('purseLocaleTag', () => {
  it('is a language-region tag of the same language, for every locale', () => {
    for (const locale of PURSE_LOCALES) expect(purseLocaleTag(locale)).toMatch(new RegExp(`^${locale}-[A-Z]{2}$`));
  });

  it('formats money exactly as the components do, so the drop-in reads like the page', () => {
    for (const locale of PURSE_LOCALES) {
      for (const [amount, currency] of [[4299, 'EUR'], [4299, 'JPY'], [123456, 'CHF']] as const) {
        expect(formatMinorUnits(amount, currency, purseLocaleTag(locale))).toBe(formatMinorUnits(amount, currency, locale));
      }
    }
  });
});
