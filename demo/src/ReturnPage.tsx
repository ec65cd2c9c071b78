import { useState } from 'react';
import { PaymentStatus, usePurse } from '../../src/index.ts';
import { formatMinorUnits } from '../../src/core/index.ts';
import { findCart } from './carts.ts';

/** shopper_redirection_url: PaymentStatus reads `purse-redirection-data` and has the merchant server verify it. */
export function ReturnPage() {
  const params = new URLSearchParams(window.location.search);
  // The back office links here by payment id; after a payment, the token in the URL is used.
  const paymentId = params.get('payment_id') ?? undefined;
  // The cart that was being paid (the merchant server puts it in the return URL): "Try again" goes back to it.
  const cart = findCart(params.get('cart') ?? '');
  const [paid, setPaid] = useState(false);
  const { i18n } = usePurse();
  return (
    <>
      <section className="demo-card" aria-label="Payment status">
        <PaymentStatus
          paymentId={paymentId}
          retryHref={cart ? `/checkout?cart=${encodeURIComponent(cart.reference)}` : '/checkout'}
          onSuccess={({ payment }) => {
            if (payment) localStorage.setItem('demo:last-payment', payment.id);
            setPaid(true);
          }}
        />
      </section>
      {paid && (
        <section className="demo-card" aria-labelledby="order-summary-title">
          <h2 id="order-summary-title">Your order</h2>
          {cart && (
            <dl className="demo-summary">
              <div>
                <dt>{cart.label}</dt>
                <dd>{formatMinorUnits(cart.amount, cart.currency, i18n.locale)}</dd>
              </div>
            </dl>
          )}
          <p>Thank you for your order. We will email you when it ships.</p>
          <p>
            <a href="/">Continue shopping</a>
          </p>
        </section>
      )}
    </>
  );
}
