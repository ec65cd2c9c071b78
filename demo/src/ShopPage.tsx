import { useId, useState, type FormEvent } from 'react';
import { saveCart } from './cart.ts';
import { DEFAULT_CART, MAX_QUANTITY, productOf } from './catalog.ts';
import { useDemoText } from './i18n/index.ts';
import { PRODUCT_VIEWS } from './products.ts';

/** The shop's window: the product, its price and "Add to cart". */
export function ShopPage() {
  const { t, money } = useDemoText();
  const [quantity, setQuantity] = useState(1);
  const id = useId();
  const product = productOf(DEFAULT_CART);
  const view = PRODUCT_VIEWS[product.id];

  function add(event: FormEvent) {
    event.preventDefault();
    saveCart({ cart: DEFAULT_CART, quantity });
    window.location.assign('/cart');
  }

  return (
    <article className="demo-card demo-product">
      <img src={view.image} alt={t(view.alt)} width={240} height={240} />
      <div className="demo-product__details">
        <p className="demo-price">{t('product.price', { price: money(product.unitPrice, product.currency) })}</p>
        <p>{t(view.description)}</p>
        <form onSubmit={add} className="demo-add">
          <label htmlFor={id}>{t('product.quantity')}</label>
          <select id={id} value={quantity} onChange={(event) => setQuantity(Number(event.target.value))}>
            {Array.from({ length: MAX_QUANTITY }, (_, index) => (
              <option key={index} value={index + 1}>
                {index + 1}
              </option>
            ))}
          </select>
          <button type="submit" className="demo-button">
            {t('product.add')}
          </button>
        </form>
      </div>
    </article>
  );
}
