import { useId, type ReactNode } from 'react';
import type { PricedCart } from './catalog.ts';
import { useDemoText } from './i18n/index.ts';
import { PRODUCT_VIEWS } from './products.ts';

/**
 * A cart's lines and what they add up to (the amount Purse is asked for). `quantity` replaces the quantity text, e.g.
 * with the cart page's quantity field.
 */
export function OrderSummary({ priced, title, quantity }: { priced: PricedCart; title: string; quantity?: ReactNode }) {
  const { t, money, percent } = useDemoText();
  const id = useId();
  const view = PRODUCT_VIEWS[priced.product.id];
  const amount = (value: number) => money(value, priced.currency);
  return (
    <section className="demo-card demo-summary" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="demo-line">
        <img src={view.image} alt="" width={72} height={72} />
        <div className="demo-line__text">
          <p className="demo-line__name">{t(view.name)}</p>
          {quantity ?? (
            <p>
              {priced.quantity} × {amount(priced.product.unitPrice)}
            </p>
          )}
        </div>
      </div>
      <dl className="demo-totals">
        <div>
          <dt>{t('summary.subtotal')}</dt>
          <dd>{amount(priced.subtotal)}</dd>
        </div>
        <div>
          <dt>{t('summary.shipping')}</dt>
          <dd>{amount(priced.shipping)}</dd>
        </div>
        <div>
          <dt>{t('summary.tax', { rate: percent(priced.product.taxRate) })}</dt>
          <dd>{amount(priced.tax)}</dd>
        </div>
        <div className="demo-totals__total">
          <dt>{t('summary.total')}</dt>
          <dd>{amount(priced.total)}</dd>
        </div>
      </dl>
    </section>
  );
}
