// locale="auto": the shopper's browser languages pick the catalogue. Read through useSyncExternalStore, so a server
// render and the hydration that follows both use the fallback (they agree), the client then re-renders in the browser's
// language, and a page rendered only in the browser has it from its first render.
import { useSyncExternalStore } from 'react';
import { isPurseLocale, matchLocale, PURSE_LOCALES, type PurseLocale } from '../i18n/locales.ts';

const subscribe = (onChange: () => void) => {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
};

const browserLanguages = (): readonly string[] => (navigator.languages?.length ? navigator.languages : [navigator.language ?? '']);

/** The provider's catalogue language: `locale` itself, or with "auto" the browser's best match (else `fallback`). */
export function useLocale(locale: PurseLocale | 'auto', fallback: PurseLocale): PurseLocale {
  const check = (name: string, value: string, auto?: boolean) => {
    if (!isPurseLocale(value) && !(auto && value === 'auto')) {
      // Which values are allowed, in development builds only.
      throw new Error(
        `<PurseProvider ${name}="${value}">` +
          (process.env.NODE_ENV !== 'production' ? `: use one of ${PURSE_LOCALES.join(', ')}${auto ? ', or "auto"' : ''}.` : ''),
      );
    }
  };
  check('locale', locale, true);
  check('fallbackLocale', fallback);
  const auto = locale === 'auto';
  // Subscribed whatever the locale: a fixed one reads the same after a change, so nothing renders again.
  return useSyncExternalStore(
    subscribe,
    () => (auto ? matchLocale(browserLanguages(), fallback) : locale),
    () => (auto ? fallback : locale),
  );
}
