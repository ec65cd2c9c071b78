// The demo shop's texts in the provider's language (usePurse().i18n.locale, which locale="auto" may have picked from
// the browser), and its amounts formatted exactly as the components format theirs.
import { formatMinorUnits } from '../../../src/core/money.ts';
import { usePurse, type PurseLocale } from '../../../src/index.ts';
import { de } from './de.ts';
import { en, type DemoKey, type DemoTexts } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';

export type { DemoKey, DemoTexts };
export const DEMO_TEXTS: Record<PurseLocale, DemoTexts> = { en, fr, de, es, it, nl };

/** Each language by its own name, for the language switcher. */
export const LANGUAGE_NAMES: Record<PurseLocale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
};

export interface DemoText {
  locale: PurseLocale;
  t(key: DemoKey, params?: Record<string, string | number>): string;
  /** An amount in minor units, e.g. money(4299, 'EUR') → "42,99 €" in fr. */
  money(amount: number, currency: string): string;
  /** A rate in percent, e.g. percent(20) → "20 %" in fr. */
  percent(rate: number): string;
}

export function useDemoText(): DemoText {
  const { locale } = usePurse().i18n;
  const texts = DEMO_TEXTS[locale];
  return {
    locale,
    t: (key, params) =>
      texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params?.[name];
        return value === undefined ? whole : typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
      }),
    money: (amount, currency) => formatMinorUnits(amount, currency, locale),
    percent: (rate) => new Intl.NumberFormat(locale, { style: 'percent' }).format(rate / 100),
  };
}
