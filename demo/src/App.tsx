import { useMemo, type ReactNode } from 'react';
import { createHttpBackend, PurseProvider } from '../../src/index.ts';
import { BackOfficePage } from './BackOfficePage.tsx';
import { CartPage } from './CartPage.tsx';
import { CheckoutPage } from './CheckoutPage.tsx';
import { demoConfig } from './config.ts';
import { CustomersBackOffice } from './CustomersBackOffice.tsx';
import { DepositsPage } from './DepositsPage.tsx';
import { useDemoText, type DemoKey } from './i18n/index.ts';
import { Layout, StaffLayout } from './Layout.tsx';
import { ReturnPage } from './ReturnPage.tsx';
import { ShopPage } from './ShopPage.tsx';
import { SignupPage } from './SignupPage.tsx';

// A deliberately tiny router: the storefront has a handful of pages and no client-side navigation state.
const pages: Record<string, { title: DemoKey; render: () => ReactNode }> = {
  '/': { title: 'title.shop', render: () => <ShopPage /> },
  '/cart': { title: 'title.cart', render: () => <CartPage /> },
  '/checkout': { title: 'title.checkout', render: () => <CheckoutPage /> },
  '/account': { title: 'title.account', render: () => <SignupPage /> },
  '/return': { title: 'title.return', render: () => <ReturnPage /> },
  '/deposits': { title: 'title.deposits', render: () => <DepositsPage /> },
};

const staffPages: Record<string, { title: string; render: () => ReactNode }> = {
  '/back-office': { title: 'Back office', render: () => <BackOfficePage /> },
  '/back-office/customers': { title: 'Back office: deposit customers', render: () => <CustomersBackOffice /> },
};

const notFound = { title: 'title.notFound', render: () => <NotFound /> } as const;

export function App() {
  const backend = useMemo(() => createHttpBackend({ baseUrl: '/api/purse' }), []);
  // The merchant's staff pages: their own URLs, outside the shop's navigation and language.
  const staff = staffPages[window.location.pathname];
  if (staff) {
    return (
      <PurseProvider backend={backend} locale="en">
        <StaffLayout title={staff.title}>{staff.render()}</StaffLayout>
      </PurseProvider>
    );
  }
  const page = pages[window.location.pathname] ?? notFound;
  return (
    // The language the shopper chose in the header, else the browser's.
    <PurseProvider backend={backend} locale={demoConfig.locale ?? 'auto'}>
      <Layout title={page.title}>{page.render()}</Layout>
    </PurseProvider>
  );
}

function NotFound() {
  const { t } = useDemoText();
  return (
    <p className="demo-card">
      {t('notFound.body')} <a href="/">{t('cart.continue')}</a>
    </p>
  );
}
