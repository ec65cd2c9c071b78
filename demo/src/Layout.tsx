import { useEffect, type ReactNode } from 'react';
import { PURSE_LOCALES } from '../../src/index.ts';
import { LANGUAGE_NAMES, useDemoText, type DemoKey } from './i18n/index.ts';

/** The shop's name: a brand, the same in every language. */
export const SHOP_NAME = 'Linen & Leaf';

const NAV: { href: string; label: DemoKey }[] = [
  { href: '/', label: 'nav.shop' },
  { href: '/cart', label: 'nav.cart' },
  { href: '/account', label: 'nav.account' },
  { href: '/deposits', label: 'nav.deposits' },
];

/** This page in another language: the same URL with ?lang=. */
function languageHref(locale: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}`;
}

/** The shopper's pages: header (shop, navigation, language), the page's heading and content, in the page's language. */
export function Layout({ title, children }: { title: DemoKey; children: ReactNode }) {
  const { t, locale } = useDemoText();
  const path = window.location.pathname;
  // <html lang> and <title> follow the language the provider speaks (with locale="auto", the browser's).
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t(title)} – ${SHOP_NAME}`;
  });
  return (
    <>
      <a className="demo-skip" href="#main">
        {t('skip')}
      </a>
      <header className="demo-header">
        <div className="demo-brand">
          <a href="/" className="demo-logo">
            {SHOP_NAME}
          </a>
          <p className="demo-tagline">{t('shop.tagline')}</p>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="demo-nav">
            {NAV.map(({ href, label }) => (
              <li key={href}>
                <a href={href} aria-current={href === path ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('nav.language')}>
          <ul className="demo-languages">
            {PURSE_LOCALES.map((code) => (
              <li key={code}>
                <a href={languageHref(code)} lang={code} hrefLang={code} aria-current={code === locale ? 'true' : undefined}>
                  {LANGUAGE_NAMES[code]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="demo-main" id="main" tabIndex={-1}>
        <h1>{t(title)}</h1>
        {children}
      </main>
    </>
  );
}

/** The merchant's staff pages (the back office): their own URL and heading, in English, outside the shop's navigation. */
export function StaffLayout({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = 'en';
    document.title = `${title} – ${SHOP_NAME}`;
  });
  return (
    <>
      <header className="demo-header demo-header--staff">
        <p className="demo-logo">{SHOP_NAME} · staff</p>
      </header>
      <main className="demo-main" id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
