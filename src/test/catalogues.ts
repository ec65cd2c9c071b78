// Checks a set of message catalogues against their English source: the library's (src/react/i18n) and the demo's.

/** A catalogue: message key → text with {placeholders}. */
export type Catalogue = Readonly<Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * What is wrong with the `translations` of `source` (English): a missing or extra key, an empty text, other
 * placeholders than the English one, or a text left in English. `sameAsEnglish` lists the "locale:key" pairs that are
 * legitimately identical (a brand, a word both languages share); an entry that is not identical is reported too, so
 * the list stays short and true.
 */
export function catalogueProblems(
  source: Catalogue,
  translations: Record<string, Catalogue>,
  sameAsEnglish: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const keys = Object.keys(source);
  for (const [locale, catalogue] of Object.entries(translations)) {
    for (const key of keys) {
      const text = catalogue[key];
      const english = source[key]!;
      if (text === undefined) problems.push(`${locale}: missing ${key}`);
      else if (text.trim() === '') problems.push(`${locale}: ${key} is empty`);
      else {
        if (placeholders(text).join() !== placeholders(english).join()) {
          problems.push(`${locale}: ${key} has placeholders {${placeholders(text).join('}{')}}, English {${placeholders(english).join('}{')}}`);
        }
        const allowed = sameAsEnglish.includes(`${locale}:${key}`);
        if (text === english && !allowed) problems.push(`${locale}: ${key} is still English ("${english}")`);
        if (text !== english && allowed) problems.push(`${locale}: ${key} is listed as identical to English but is translated`);
      }
    }
    for (const key of Object.keys(catalogue)) if (!(key in source)) problems.push(`${locale}: ${key} is not an English key`);
  }
  return problems;
}
