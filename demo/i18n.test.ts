// The demo shop's own texts: every key in every language the kit speaks, none left in English by mistake.
import { describe, expect, it } from 'vitest';
import { PURSE_LOCALES } from '../src/index.ts';
import { catalogueProblems } from '../src/test/catalogues.ts';
import { DEMO_TEXTS, LANGUAGE_NAMES } from './src/i18n/index.ts';

// "locale:key" of texts rightly the same as in English.
const SAME_AS_ENGLISH = [
  'de:nav.label', // "Shop" is German too
  'de:nav.shop',
  'fr:summary.total', // "Total" in French and Spanish
  'es:summary.total',
];

describe("the demo shop's texts", () => {
  it('has a catalogue and a name for every language of the kit', () => {
    expect(Object.keys(DEMO_TEXTS).sort()).toEqual([...PURSE_LOCALES].sort());
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...PURSE_LOCALES].sort());
  });

  it('every catalogue has every English key, translated, with the same placeholders', () => {
    const { en, ...translations } = DEMO_TEXTS;
    expect(catalogueProblems(en, translations, SAME_AS_ENGLISH)).toEqual([]);
  });
});
