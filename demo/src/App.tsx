import { useEffect, useMemo } from 'react';
import { createHttpBackend, PurseProvider } from '../../src/index.ts';
import { BackOfficePage } from './BackOfficePage.tsx';
import { CheckoutPage } from './CheckoutPage.tsx';
import { NaiveCheckoutPage } from './NaiveCheckoutPage.tsx';
import { ReturnPage } from './ReturnPage.tsx';
import { SignupPage } from './SignupPage.tsx';

// A deliberately tiny router: the storefront has a handful of pages and no client-side navigation state.
const pages: Record<string, { title: string; render: () => React.ReactNode }> = {
  '/': { title: 'Create your account', render: () => <SignupPage /> },
  '/checkout': { title: 'Checkout', render: () => <CheckoutPage /> },
  '/return': { title: 'Your payment', render: () => <ReturnPage /> },
  '/back-office': { title: 'Back office', render: () => <BackOfficePage /> },
  '/bench/naive-checkout': { title: 'Checkout (naive loader)', render: () => <NaiveCheckoutPage /> },
};

export function App() {
  const backend = useMemo(() => createHttpBackend({ baseUrl: '/api/purse' }), []);
  const page = pages[window.location.pathname] ?? pages['/']!;
  // Each page its own <title>: the browser tab, history and screen readers tell pages apart by it.
  useEffect(() => {
    document.title = `${page.title} – Purse demo storefront`;
  }, [page]);
  const locale = new URLSearchParams(window.location.search).get('lang') === 'fr' ? 'fr' : 'en';
  return (
    <PurseProvider backend={backend} locale={locale}>
      <header className="demo-header">
        <strong>Purse demo storefront</strong>
        <nav aria-label="Storefront">
          {/* The back office is staff-only: its own URL (/back-office), not in the shopper's navigation. */}
          <a href="/">Sign up</a> <a href="/checkout">Checkout</a>
        </nav>
      </header>
      <main className="demo-main">
        <h1>{page.title}</h1>
        {page.render()}
      </main>
    </PurseProvider>
  );
}
