// The pages the hydration test renders on the server (in Node) and hydrates in Chromium: each component as a merchant
// renders it, in the same provider. The server never calls the backend; the browser's is the real in-process stack.
import type { ReactElement } from 'react';
import type { MerchantBackend } from '../core/backend/backend.ts';
import { CustomerPurse, PaymentStatus, PurseCheckout, PurseProvider, XcoAccount, XcoSignup } from '../index.ts';

export const SSR_PAGES: Record<string, (backend: MerchantBackend) => ReactElement> = {
  signup: (backend) => (
    <PurseProvider backend={backend}>
      <XcoSignup defaultCountry="FR" identifier="ada@example.com" />
    </PurseProvider>
  ),
  // The server cannot know the browser's languages: it renders the fallback, and so does the hydration.
  'signup (locale auto)': (backend) => (
    <PurseProvider backend={backend} locale="auto" fallbackLocale="fr">
      <XcoSignup defaultCountry="FR" />
    </PurseProvider>
  ),
  'checkout (locale auto)': (backend) => (
    <PurseProvider backend={backend} locale="auto">
      <PurseCheckout order={{ order_reference: 'cart-1' }} />
    </PurseProvider>
  ),
  checkout: (backend) => (
    <PurseProvider backend={backend} locale="fr">
      <PurseCheckout order={{ order_reference: 'cart-1' }} onCancel={() => {}} />
    </PurseProvider>
  ),
  // The return page as Purse redirects to it: the token is in the URL, which only the browser can read.
  'payment status (token in the URL)': (backend) => (
    <PurseProvider backend={backend}>
      <PaymentStatus retryHref="/checkout" />
    </PurseProvider>
  ),
  'payment status (no token)': (backend) => (
    <PurseProvider backend={backend}>
      <PaymentStatus />
    </PurseProvider>
  ),
  'payment status (payment id)': (backend) => (
    <PurseProvider backend={backend}>
      <PaymentStatus paymentId="pay_1" headingLevel={1} />
    </PurseProvider>
  ),
  // The account page: the shopper's deposits and their Express Checkout account, read in the browser only.
  'deposits and account': (backend) => (
    <PurseProvider backend={backend} locale="fr">
      <CustomerPurse />
      <XcoAccount />
    </PurseProvider>
  ),
  'deposits and account (locale auto)': (backend) => (
    <PurseProvider backend={backend} locale="auto" fallbackLocale="fr">
      <CustomerPurse headingLevel={3} />
      <XcoAccount headingLevel={3} />
    </PurseProvider>
  ),
};
