import { PurseCheckout, XcoAccount } from '../../src/index.ts';
import { findCart } from './carts.ts';
import { cspNonce as nonce, demoConfig } from './config.ts';

const mockOrigin = demoConfig.mockOrigin;

// Against the mock, its origin serves the drop-in scripts and the hosted page; against Purse (or with
// ?allowed=purse, to see a refused script origin), Purse's own CDNs and pages only.
const allowedOrigins =
  mockOrigin && new URLSearchParams(window.location.search).get('allowed') !== 'purse'
    ? [mockOrigin]
    : undefined;

export function CheckoutPage() {
  const params = new URLSearchParams(window.location.search);
  const cart = findCart(params.get('cart') ?? 'cart-eur') ?? findCart('cart-eur')!;
  const mode = params.get('mode') === 'hosted' ? 'HOSTED_PAGE' : 'EMBEDDED';
  // ?scriptHint=1: tell the component which drop-in script the session will name, so it downloads it while the
  // session is being created (bench/ measures the difference).
  const scriptUrl =
    mockOrigin && params.get('scriptHint') === '1' ? `${mockOrigin}/dropin-checkout/stable/purse.js` : undefined;
  const count = Math.min(Number(params.get('count') ?? 1) || 1, 3);
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency: cart.currency }).format(
    cart.amount / 10 ** (cart.currency === 'JPY' ? 0 : 2),
  );
  return (
    <>
      <div className="demo-card">
        <XcoAccount signup={{ defaultCountry: 'FR' }} />
      </div>
      <section className="demo-card" aria-label="Your order">
        <p>
          {cart.label} — <strong>{amount}</strong>
        </p>
      </section>
      {Array.from({ length: count }, (_, index) => (
        <section className="demo-card" key={index} aria-label={count > 1 ? `Payment ${index + 1}` : 'Payment'}>
          <PurseCheckout
            order={{ order_reference: cart.reference }}
            integrationMode={mode}
            allowedOrigins={allowedOrigins}
            nonce={nonce}
            scriptUrl={scriptUrl}
            onReady={() => performance.mark('purse:dropin-ready')}
            showCancelButton
          />
        </section>
      ))}
    </>
  );
}
