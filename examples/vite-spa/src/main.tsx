import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PaymentStatus, PurseCheckout, PurseProvider, XcoSignup } from 'purse-react-kit';
import 'purse-react-kit/styles.css';

// Mock origins (comma-separated) may serve the drop-in script in development and tests; production leaves this unset
// and allows Purse's CDNs only.
const mockOrigins = (import.meta.env.VITE_PURSE_MOCK_ORIGINS as string | undefined)?.split(',').filter(Boolean);

function Page() {
  switch (window.location.pathname) {
    case '/checkout':
      return (
        <>
          <h1>Checkout</h1>
          <PurseCheckout
            order={{ order_reference: 'cart-1' }}
            integrationMode={new URLSearchParams(window.location.search).get('mode') === 'hosted' ? 'HOSTED_PAGE' : 'EMBEDDED'}
            allowedOrigins={mockOrigins?.length ? mockOrigins : undefined}
          />
        </>
      );
    case '/return':
      return <PaymentStatus retryHref="/checkout" headingLevel={1} />;
    default:
      return (
        <>
          <h1>Create your account</h1>
          <XcoSignup defaultCountry="FR" onComplete={({ outcome }) => console.info(`Purse account ${outcome}`)} />
          <p>
            <a href="/checkout">Continue to checkout</a>
          </p>
        </>
      );
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main style={{ maxWidth: 560, margin: '2rem auto', padding: '0 1rem', fontFamily: 'system-ui, sans-serif' }}>
      <PurseProvider baseUrl="/api/purse">
        <Page />
      </PurseProvider>
    </main>
  </StrictMode>,
);
