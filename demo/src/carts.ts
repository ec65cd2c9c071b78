// The storefront's carts. The browser only names a cart; the merchant server (demo/server.ts → resolveOrder) decides
// its amount and content from this same table.
export interface DemoCart {
  reference: string;
  label: string;
  amount: number;
  currency: 'EUR' | 'JPY';
}

const table: Record<string, DemoCart> = {
  'cart-eur': { reference: 'cart-eur', label: 'Linen tote bag', amount: 4299, currency: 'EUR' },
  'cart-jpy': { reference: 'cart-jpy', label: 'Matcha tea set', amount: 4299, currency: 'JPY' },
};

/**
 * The cart named `reference`, or `undefined`. Own keys only: a name from a request such as `__proto__` or
 * `toString` must never reach Object.prototype.
 */
export const findCart = (reference: string): DemoCart | undefined => (Object.hasOwn(table, reference) ? table[reference] : undefined);

/** The cart an order reference was made from (`${cart}-${time}`, see demo/merchant.ts), if it is one of the table's. */
export function cartOfOrder(orderReference: string | undefined): string | undefined {
  const cart = orderReference?.replace(/-\d+$/, '');
  return cart !== undefined && findCart(cart) ? cart : undefined;
}
