import { describe, expect, it } from 'vitest';
import type { PurseKitError } from '../../core/errors.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { addMessages, createTranslator, type Messages, type PurseLocale } from './index.ts';
import { PURSE_LOCALES } from './locales.ts';
import { it as itCatalogue } from './it.ts';
import { nl } from './nl.ts';

// Every component's English texts, as a page with all the components has them.
addMessages(en);
const catalogues: Record<PurseLocale, Messages | undefined> = { en: undefined, fr, de, es, it: itCatalogue, nl };

const errors: PurseKitError[] = [
  { kind: 'validation', message: 'dev: user.email invalid', fields: {}, status: 400 },
  { kind: 'invalid_code', message: 'dev: wrong code', attemptsLeft: 2 },
  { kind: 'code_expired', message: 'dev: expired', locked: false },
  { kind: 'rate_limited', message: 'dev: 429', retryAfterMs: 1000 },
  { kind: 'unauthorized', message: 'dev: check createMerchantHandler credentials', status: 401 },
  { kind: 'network', message: 'dev: baseUrl unreachable', timeout: false },
  { kind: 'server', message: 'dev: 500', status: 500 },
  { kind: 'script_load', message: 'dev: script', url: 'https://cdn.example/x.js' },
  { kind: 'session_expired', message: 'dev: session' },
  { kind: 'config', message: 'dev: config' },
  { kind: 'request', message: 'dev: 404', status: 404 },
  { kind: 'dropin', message: 'dev: drop-in', code: 'PAYMENT_REFUSED' },
];

describe('createTranslator', () => {
  it.each(PURSE_LOCALES)('%s: a shopper message for every error kind, never the developer text', (locale) => {
    const { error } = createTranslator(locale, undefined, catalogues[locale]);
    for (const item of errors) {
      const text = error(item);
      expect(text).not.toContain('dev:');
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('says "Signup is unavailable right now" for unauthorized', () => {
    expect(createTranslator('en').error(errors[4]!)).toBe('Signup is unavailable right now. Please try again later.');
  });

  it('formats numbers and picks plural forms per locale', () => {
    const enT = createTranslator('en');
    expect(enT.plural('code.invalidAttempts', 1)).toBe('This code is not right. 1 attempt left.');
    expect(enT.plural('code.invalidAttempts', 3)).toBe('This code is not right. 3 attempts left.');
    expect(enT.t('code.resendIn', { seconds: 27 })).toBe('Resend code in 27 s');
    const frT = createTranslator('fr', undefined, fr);
    expect(frT.plural('code.invalidAttempts', 0)).toBe('Ce code est incorrect. Encore 0 essai.');
    expect(frT.plural('code.invalidAttempts', 2)).toBe('Ce code est incorrect. Encore 2 essais.');
    expect(createTranslator('en').t('code.resendIn', { seconds: 1234 })).toBe('Resend code in 1,234 s');
  });

  it('applies overrides and leaves unknown placeholders visible', () => {
    const t = createTranslator('en', { 'code.title': 'Type the {what}' });
    expect(t.t('code.title')).toBe('Type the {what}');
    expect(t.t('code.title', { what: 'code' })).toBe('Type the code');
  });
});
