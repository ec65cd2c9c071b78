import { useEffect, useState } from 'react';
import { createIdempotencyKey } from '../../src/core/index.ts';
import { PurseCheckout, XcoAccount } from '../../src/index.ts';
import { currentCart, saveCart } from './cart.ts';
import { isOrderId, orderReference, priceCart } from './catalog.ts';
import { cspNonce as nonce, demoConfig } from './config.ts';
import { useDemoText } from './i18n/index.ts';
import { NaiveCheckout } from './NaiveCheckout.tsx';
import { OrderSummary } from './OrderSummary.tsx';

const mockOrigin = demoConfig.mockOrigin;

// Against the mock, its origin serves the drop-in scripts and the hosted page; against Purse (or with
// ?allowed=purse, to see a refused script origin), Purse's own CDNs and pages only.
const allowedOrigins =
  mockOrigin && new URLSearchParams(window.location.search).get('allowed') !== 'purse'
    ? [mockOrigin]
    : undefined;

/** The order this visit pays: named by the URL (a reload), else a new one. */
const visitOrder = (params: URLSearchParams) => {
  const named = params.get('order');
  // createIdempotencyKey, not crypto.randomUUID: that one exists only in secure contexts (not http://192.168.…).
  return isOrderId(named) ? named : createIdempotencyKey();
};

export function CheckoutPage() {
  const { t } = useDemoText();
  const params = new URLSearchParams(window.location.search);
  const choice = currentCart();
  const [orderId] = useState(() => visitOrder(params));
  // Kept in the URL, so a reload (after a payment whose answer was lost, say) asks for the same order.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('order') === orderId) return;
    url.searchParams.set('order', orderId);
    window.history.replaceState(window.history.state, '', url);
  }, [orderId]);
  const priced = priceCart(choice.cart, choice.quantity);
  const mode = params.get('mode') === 'hosted' ? 'HOSTED_PAGE' : 'EMBEDDED';
  // ?scriptHint=1: tell the component which drop-in script the session will name, so it downloads it while the
  // session is being created (bench/ measures the difference).
  const scriptUrl =
    mockOrigin && params.get('scriptHint') === '1' ? `${mockOrigin}/dropin-checkout/stable/purse.js` : undefined;
  const count = Math.min(Number(params.get('count') ?? 1) || 1, 3);
  // ?loader=naive (bench/ only): the naive sequential loader in PurseCheckout's place, the rest of the page the same.
  const naive = params.get('loader') === 'naive';
  // Several checkouts on one page (tests, bench) pay orders of their own: an order has one payable session.
  const referenceOf = (index: number) => orderReference(choice.cart, choice.quantity, count > 1 ? `${orderId}-${index}` : orderId);
  return (
    <>
      <OrderSummary priced={priced} title={t('checkout.order')} />
      <p className="demo-edit">
        <a href="/cart" onClick={() => saveCart(choice)}>
          {t('checkout.edit')}
        </a>
      </p>
      <div className="demo-card">
        <XcoAccount signup={{ defaultCountry: 'FR' }} />
      </div>
      {Array.from({ length: count }, (_, index) => (
        <section className="demo-card" key={index} aria-label={count > 1 ? t('checkout.paymentN', { n: index + 1 }) : t('checkout.payment')}>
          {/* The server prices the same cart from the same table (demo/merchant.ts → resolveOrder). */}
          {naive ? (
            <NaiveCheckout orderReference={referenceOf(index)} />
          ) : (
            <PurseCheckout
              order={{ order_reference: referenceOf(index) }}
              integrationMode={mode}
              allowedOrigins={allowedOrigins}
              nonce={nonce}
              scriptUrl={scriptUrl}
              onReady={() => performance.mark('purse:dropin-ready')}
              showCancelButton
            />
          )}
        </section>
      ))}
    </>
  );
}
