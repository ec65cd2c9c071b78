import { useMemo } from 'react';
import { createHttpBackend, PurseProvider } from '../../src/index.ts';
import { BackOfficePage } from './BackOfficePage.tsx';
import { CheckoutPage } from './CheckoutPage.tsx';
import { CustomersBackOffice } from './CustomersBackOffice.tsx';
import { DepositsPage } from './DepositsPage.tsx';
import { NaiveCheckoutPage } from './NaiveCheckoutPage.tsx';
import { ReturnPage } from './ReturnPage.tsx';
import { SignupPage } from './SignupPage.tsx';

// A deliberately tiny router: the storefront has a handful of pages and no client-side navigation state.
const pages: Record<string, { title: string; render: () => React.ReactNode }> = {
  '/': { title: 'Create your account', render: () => <SignupPage /> },
  '/checkout': { title: 'Checkout', render: () => <CheckoutPage /> },
  '/return': { title: 'Your payment', render: () => <ReturnPage /> },
  '/back-office': { title: 'Back office', render: () => <BackOfficePage /> },
  '/deposits': { title: 'Your deposits', render: () => <DepositsPage /> },
  '/back-office/customers': { title: 'Back office: deposit customers', render: () => <CustomersBackOffice /> },
  '/bench/naive-checkout': { title: 'Checkout (naive loader)', render: () => <NaiveCheckoutPage /> },
};

export function App() {
  const backend = useMemo(() => createHttpBackend({ baseUrl: '/api/purse' }), []);
  const page = pages[window.location.pathname] ?? pages['/']!;
  const locale = new URLSearchParams(window.location.search).get('lang') === 'fr' ? 'fr' : 'en';
  return (
    <PurseProvider backend={backend} locale={locale}>
      <header className="demo-header">
        <strong>Purse demo storefront</strong>
        <nav aria-label="Storefront">
          <a href="/">Sign up</a> <a href="/checkout">Checkout</a> <a href="/deposits">Deposits</a> <a href="/back-office">Back office</a>
        </nav>
      </header>
      <main className="demo-main">
        <h1>{page.title}</h1>
        {page.render()}
      </main>
    </PurseProvider>
  );
}
