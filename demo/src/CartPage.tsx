import { useId, useState } from 'react';
import { checkoutHref, currentCart, saveCart } from './cart.ts';
import { MAX_QUANTITY, priceCart } from './catalog.ts';
import { useDemoText } from './i18n/index.ts';
import { OrderSummary } from './OrderSummary.tsx';

/** The cart: its line with a quantity to change, shipping, VAT and the total; on to the checkout. */
export function CartPage() {
  const { t, money } = useDemoText();
  const [choice, setChoice] = useState(currentCart);
  const id = useId();
  const priced = priceCart(choice.cart, choice.quantity);

  const quantity = (
    <p className="demo-quantity">
      <label htmlFor={id}>{t('product.quantity')}</label>
      <select
        id={id}
        value={choice.quantity}
        onChange={(event) => {
          const next = { ...choice, quantity: Number(event.target.value) };
          saveCart(next);
          setChoice(next);
        }}
      >
        {Array.from({ length: MAX_QUANTITY }, (_, index) => (
          <option key={index} value={index + 1}>
            {index + 1}
          </option>
        ))}
      </select>{' '}
      × {money(priced.product.unitPrice, priced.currency)}
    </p>
  );

  return (
    <>
      <OrderSummary priced={priced} title={t('summary.title')} quantity={quantity} />
      <p className="demo-actions">
        <a className="demo-button" href={checkoutHref(choice)}>
          {t('cart.checkout')}
        </a>
        <a href="/">{t('cart.continue')}</a>
      </p>
    </>
  );
}
