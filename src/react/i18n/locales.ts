// The languages the components speak, how a browser's language list picks one, and the tag Purse gets for it.

/** Every language with a complete catalogue. */
export const PURSE_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

/** The languages the components speak. */
export type PurseLocale = (typeof PURSE_LOCALES)[number];

export const isPurseLocale = (value: unknown): value is PurseLocale => (PURSE_LOCALES as readonly unknown[]).includes(value);

/**
 * The first of `languages` (BCP 47 tags in the shopper's order of preference, as `navigator.languages`) that has a
 * catalogue, matched on the language subtag ("de-AT" → "de"); `fallback` when none has.
 */
export function matchLocale(languages: readonly string[] | undefined, fallback: PurseLocale): PurseLocale {
  for (const tag of languages ?? []) {
    const language = tag.split('-')[0]!.toLowerCase();
    if (isPurseLocale(language)) return language;
  }
  return fallback;
}

/**
 * The language-region tag Purse takes for a locale: the Drop-in Checkout's `locale` option and the client session's
 * `customer.locale` (which Widget v3 and the hosted page speak), in the form of Purse's samples ("fr-FR"). The region
 * is the one whose number, currency and date formats are those of the bare tag the components format with, so the
 * drop-in's amounts read exactly like the page's ("en" formats like en-US: "¥4,299", where en-GB has "JP¥4,299"); for
 * every other language it is the country of the same letters (fr-FR, de-DE, es-ES, it-IT, nl-NL).
 */
export const purseLocaleTag = (locale: PurseLocale): string => (locale === 'en' ? 'en-US' : `${locale}-${locale.toUpperCase()}`);
