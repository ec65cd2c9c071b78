// Message lookup and formatting. Shoppers see these texts; PurseKitError.message (worded for developers) never.
// English is built in, and only the English texts of the components on the page: each component's hook module adds
// its part of en/ with addMessages. Every other language is a catalogue of its own, downloaded when a provider first
// asks for it (LOCALES below: one line per language).
import type { PurseKitError } from '../../core/errors.ts';
import { enCommon } from './en/common.ts';
import type { MessageKey, Messages } from './en.ts';
import type { PurseLocale } from './locales.ts';

export type { MessageKey, Messages, PurseLocale };

/** Catalogues other than English, each a file of the same shape as en.ts exporting it by its locale, loaded on first use. */
const LOCALES: Record<Exclude<PurseLocale, 'en'>, () => Promise<Partial<Record<PurseLocale, Messages>>>> = {
  fr: () => import('./fr.ts'),
  de: () => import('./de.ts'),
  es: () => import('./es.ts'),
  it: () => import('./it.ts'),
  nl: () => import('./nl.ts'),
};

/** The English texts of the components in the page (see addMessages). */
const english: Partial<Messages> = { ...enCommon };

/** Adds a component's English texts (from en/): called once by the module of the component's hook. */
export function addMessages(messages: Partial<Messages>): void {
  Object.assign(english, messages);
}

/** Per language: its download, started once; then its catalogue, or `false` (English: built in; or it could not load). */
const downloads: Partial<Record<PurseLocale, Promise<void>>> = {};
const catalogues: Partial<Record<PurseLocale, Messages | false>> = { en: false };

/**
 * Downloads a language's catalogue once (English is built in). Resolves when it can be used; never rejects: a
 * catalogue that cannot load leaves the components in English. Call it early (a route loader, or on the server
 * before `renderToString`) so that the provider never waits for it.
 */
export function loadMessages(locale: PurseLocale): Promise<void> {
  if (locale in catalogues) return Promise.resolve();
  return (downloads[locale] ??= LOCALES[locale as Exclude<PurseLocale, 'en'>]().then(
    (module) => void (catalogues[locale] = module[locale]!),
    (error: unknown) => {
      catalogues[locale] = false;
      console.error(
        `purse-react-kit: the "${locale}" messages could not be loaded` +
          (process.env.NODE_ENV !== 'production' ? '; the components speak English.' : ''),
        error,
      );
    },
  ));
}

/**
 * The catalogue of `locale` for rendering: suspends (React Suspense) while it downloads the first time, and falls
 * back to English (undefined) when it cannot load.
 */
export function readMessages(locale: PurseLocale): Messages | undefined {
  // Throwing the pending promise is how a component suspends in React 18 and 19 alike.
  if (!(locale in catalogues)) throw loadMessages(locale);
  return catalogues[locale] || undefined;
}

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
  /**
   * The shopper's message for an error: by kind, never the developer text in `error.message`. A kind whose text no
   * component of the page brought (see en/common.ts) reads as `error.server`.
   */
  error(error: PurseKitError): string;
}

/** A translator over `catalogue` (undefined: English), with the merchant's `overrides` first. */
export function createTranslator(locale: PurseLocale, overrides?: Partial<Messages>, catalogue?: Messages): Translator {
  // Without its catalogue (English, or one that failed to load), the texts and the number formats are English.
  const language = catalogue ? locale : 'en';
  const plurals = new Intl.PluralRules(language);
  const lookup = (key: string): string | undefined =>
    overrides?.[key as MessageKey] ?? catalogue?.[key as MessageKey] ?? english[key as MessageKey];
  const format = (template: string, params?: MessageParams) =>
    // A number's toLocaleString is Intl.NumberFormat's format; a string's is the string itself.
    template.replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name]?.toLocaleString(language) ?? whole);
  // A key no catalogue has (a component whose texts were not added) shows as itself rather than breaking the view.
  const t = (key: MessageKey, params?: MessageParams) => format(lookup(key) ?? key, params);
  return {
    locale: language,
    t,
    plural: (key, count, params) =>
      format(lookup(`${key}.${plurals.select(count)}`) ?? lookup(`${key}.other`) ?? key, { ...params, count }),
    // Shopper texts of errors have no placeholders.
    error: (error) => lookup(`error.${error.kind}` satisfies MessageKey) ?? lookup('error.server')!,
  };
}
