// The languages of the mock's drop-in and hosted page, as a shopper-facing Purse page would speak them: the session's
// customer.locale (or the drop-in's locale option), else the browser's Accept-Language, else English.
import { TEST_CARDS } from '../test-cards.ts';
import { de } from './de.ts';
import { en, type MockTextKey, type MockTexts } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';

export type { MockTextKey, MockTexts };

export const MOCK_TEXTS = { en, fr, de, es, it, nl } as const satisfies Record<string, MockTexts>;
export type MockLang = keyof typeof MOCK_TEXTS;

/**
 * The first language the mock speaks among `candidates`: BCP 47 tags ("de-AT") or Accept-Language values
 * ("nl-BE,nl;q=0.9,en;q=0.8", taken in the order given); English when none matches.
 */
export function mockLang(...candidates: (string | null | undefined)[]): MockLang {
  for (const candidate of candidates) {
    for (const part of (candidate ?? '').split(',')) {
      const language = part.split(';')[0]!.trim().split('-')[0]!.toLowerCase();
      if (Object.hasOwn(MOCK_TEXTS, language)) return language as MockLang;
    }
  }
  return 'en';
}

const STATUS_KEYS = { AUTHORIZED: 'card.authorized', REFUSED: 'card.refused', PENDING: 'card.pending' } as const;

/** The texts of `lang`, plus the test-card hint built from the mock's actual test cards. */
export function mockTexts(lang: MockLang): MockTexts & { hint: string } {
  const texts = MOCK_TEXTS[lang];
  const cards = Object.entries(TEST_CARDS)
    .map(([number, card]) => `${number.replace(/(\d{4})(?=\d)/g, '$1 ')} (${texts[STATUS_KEYS[card.status as keyof typeof STATUS_KEYS]]})`)
    .join(', ');
  return { ...texts, hint: `${texts['hint.cards'].replace('{cards}', cards)} ${texts['hint.any']}` };
}

/** A text with its {placeholders} filled. */
export const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
