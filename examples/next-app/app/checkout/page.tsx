import { PurseCheckout, PurseProvider } from 'purse-react-kit';

// Read at request time (not at build): the mock's origin, allowed to serve the drop-in script in development and tests.
// In production leave PURSE_MOCK_ORIGIN unset: the kit allows Purse's own CDNs by default.
export const dynamic = 'force-dynamic';

export default function CheckoutPage() {
  const mockOrigin = process.env.PURSE_MOCK_ORIGIN;
  return (
    <>
      <h1>Checkout</h1>
      <PurseProvider baseUrl="/api/purse">
        <PurseCheckout order={{ order_reference: 'cart-1' }} allowedOrigins={mockOrigin ? [mockOrigin] : undefined} />
      </PurseProvider>
    </>
  );
}
