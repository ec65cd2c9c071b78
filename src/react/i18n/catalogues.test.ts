import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../test/catalogues.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { createTranslator, type Messages, type PurseLocale } from './index.ts';
import { PURSE_LOCALES } from './locales.ts';
import { it as itCatalogue } from './it.ts';
import { nl } from './nl.ts';

const translations: Record<string, Messages> = { fr, de, es, it: itCatalogue, nl };

// "locale:key" of texts that are rightly the same as in English. Keep it short: each entry says why.
const SAME_AS_ENGLISH: string[] = [
  // A product name.
  ...['fr', 'de', 'es', 'it', 'nl'].map((locale) => `${locale}:xcoAccount.title`),
  'fr:customerPurse.deposits.date', // "Date" in French
  'de:customerPurse.deposits.state', // "Status" in German and Dutch
  'nl:customerPurse.deposits.state',
  'de:xcoAccount.name', // "Name" in German
  'it:xcoAccount.email', // Italian writes "Email"
];

describe('message catalogues', () => {
  it('every locale the provider accepts has a catalogue', () => {
    expect(Object.keys({ en, ...translations }).sort()).toEqual([...PURSE_LOCALES].sort());
  });

  it('every catalogue has every English key, translated, with the same placeholders', () => {
    expect(catalogueProblems(en, translations, SAME_AS_ENGLISH)).toEqual([]);
  });

  it('a wait counted in minutes reads as the same button as one counted in seconds, in every language', () => {
    // The label of one button counts down from "… in 3 min" to "… in 90 s": the same words before the number, and the
    // same space after it (a no-break space keeps the unit on the number's line).
    for (const [locale, messages] of Object.entries({ en, ...translations })) {
      for (const key of ['error.retryIn', 'code.resendIn'] as const) {
        const around = (text: string | undefined) => text?.replace(/\{\w+\}(\s).*$/u, '{n}$1').replace('\u00a0', '<no-break space>');
        expect(`${locale}: ${around(messages[`${key}Minutes`])}`).toBe(`${locale}: ${around(messages[key])}`);
      }
    }
  });

  it('reports what a translator forgot', () => {
    const source = { 'code.title': 'Enter your code', 'code.sentTo': 'Code sent to {identifier}.', 'code.submit': 'Verify' };
    const problems = catalogueProblems(source, {
      de: { 'code.sentTo': 'Code an {identifer} gesendet.', 'code.submit': 'Verify', 'code.extra': 'x' },
    });
    expect(problems).toEqual([
      'de: missing code.title',
      'de: code.sentTo has placeholders {identifer}, English {identifier}',
      'de: code.submit is still English ("Verify")',
      'de: code.extra is not an English key',
    ]);
    expect(catalogueProblems(source, { de: { ...source, 'code.title': 'Code eingeben' } }, ['de:code.title', 'de:code.submit'])).toEqual([
      'de: code.title is listed as identical to English but is translated',
      'de: code.sentTo is still English ("Code sent to {identifier}.")',
    ]);
  });

  it.each(Object.keys(translations))('%s: plural forms for every count the language distinguishes', (locale) => {
    const t = createTranslator(locale as PurseLocale, undefined, translations[locale]);
    for (const count of [0, 1, 2, 5, 21, 1_000_000]) {
      const text = t.plural('code.invalidAttempts', count);
      expect(text).toContain(new Intl.NumberFormat(locale).format(count));
      expect(text).not.toMatch(/[{}]/);
    }
    // "one" reads singular, "other" plural: numbers aside, the two texts differ.
    const shape = (count: number) => t.plural('code.invalidAttempts', count).replace(/\d+/g, '#');
    expect(shape(1)).not.toBe(shape(3));
  });
});
