import { useState } from 'react';
import { PaymentStatus, type ShopperPayment } from '../../src/index.ts';
import { checkoutHref } from './cart.ts';
import { isCartId, isOrderId, MAX_QUANTITY, priceCart } from './catalog.ts';
import { useDemoText } from './i18n/index.ts';
import { OrderSummary } from './OrderSummary.tsx';

/** The cart Purse's redirect names (demo/merchant.ts → returnUrl), if it names one. */
function paidCart() {
  const params = new URLSearchParams(window.location.search);
  const cart = params.get('cart');
  const quantity = Number(params.get('qty'));
  return isCartId(cart) && Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY ? priceCart(cart, quantity) : undefined;
}

/** The order Purse's redirect names, if any: "Try again" returns to it. */
function orderOf() {
  const order = new URLSearchParams(window.location.search).get('order');
  return isOrderId(order) ? order : undefined;
}

/**
 * shopper_redirection_url, the order confirmation: PaymentStatus reads `purse-redirection-data` and has the merchant
 * server verify it; once paid, what was bought and a way back to the shop.
 */
export function ReturnPage() {
  const { t } = useDemoText();
  const [paid, setPaid] = useState<ShopperPayment | null>(null);
  // The back office links here by payment id; after a payment, the token in the URL is used.
  const paymentId = new URLSearchParams(window.location.search).get('payment_id') ?? undefined;
  const cart = paidCart();
  // Shown only when it is what the verified payment paid: the URL alone proves nothing.
  const bought = cart && paid && paid.amount === cart.total && paid.currency === cart.currency ? cart : undefined;
  return (
    <>
      <section className="demo-card" aria-label={t('order.status')}>
        <PaymentStatus
          paymentId={paymentId}
          retryHref={cart ? checkoutHref({ cart: cart.cart, quantity: cart.quantity }, orderOf()) : '/checkout'}
          onSuccess={({ payment }) => {
            if (!payment) return;
            localStorage.setItem('demo:last-payment', payment.id);
            setPaid(payment);
          }}
        />
      </section>
      {bought && <OrderSummary priced={bought} title={t('order.bought')} />}
      {paid && (
        <div className="demo-card">
          {bought && <p>{t('order.thanks')}</p>}
          <a className="demo-button" href="/">
            {t('order.continue')}
          </a>
        </div>
      )}
    </>
  );
}
