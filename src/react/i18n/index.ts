// Message lookup and formatting. Shoppers see these texts; PurseKitError.message (worded for developers) never.
import type { PurseKitError, PurseKitErrorKind } from '../../core/errors.ts';
import { de } from './de.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import type { PurseLocale } from './locales.ts';
import { nl } from './nl.ts';

export { de, en, es, fr, it, nl };
export type { MessageKey, Messages, PurseLocale };
export { PURSE_LOCALES, isPurseLocale, matchLocale, purseLocaleTag } from './locales.ts';

const catalogues: Record<PurseLocale, Messages> = { en, fr, de, es, it, nl };

/** Message keys that have plural forms ("code.invalidAttempts" for "code.invalidAttempts.one" / ".other"). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** Values of a message's {placeholders}. */
export type MessageParams = Record<string, string | number>;

/** The provider's message catalogue, with lookup and formatting (`usePurse().i18n`). */
export interface Translator {
  /** The catalogue's language. */
  locale: PurseLocale;
  /** The message, with {placeholders} replaced; numbers are formatted for the locale. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The plural form for `count` (also available as {count}). */
  plural(key: PluralKey, count: number, params?: MessageParams): string;
  /** The shopper's message for an error: by kind, never the developer text in `error.message`. */
  error(error: PurseKitError): string;
}

const errorKeys: Record<PurseKitErrorKind, MessageKey> = {
  validation: 'error.validation',
  invalid_code: 'error.invalid_code',
  code_expired: 'error.code_expired',
  rate_limited: 'error.rate_limited',
  unauthorized: 'error.unauthorized',
  network: 'error.network',
  server: 'error.server',
  script_load: 'error.script_load',
  session_expired: 'error.session_expired',
  config: 'error.config',
  request: 'error.request',
  dropin: 'error.dropin',
};

export function createTranslator(locale: PurseLocale, overrides?: Partial<Messages>): Translator {
  const messages: Messages = { ...catalogues[locale], ...overrides };
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const format = (template: string, params?: MessageParams) =>
    params
      ? template.replace(/\{(\w+)\}/g, (whole, name: string) => {
          const value = params[name];
          if (value === undefined) return whole;
          return typeof value === 'number' ? numbers.format(value) : value;
        })
      : template;
  const t = (key: MessageKey, params?: MessageParams) => format(messages[key], params);
  return {
    locale,
    t,
    plural(key, count, params) {
      const form = `${key}.${plurals.select(count)}`;
      const template = form in messages ? messages[form as MessageKey] : messages[`${key}.other` as MessageKey];
      return format(template, { ...params, count });
    },
    error: (error) => t(errorKeys[error.kind]),
  };
}
