// The shop's products, carts and prices: one table for the pages (what the shopper sees) and the merchant server
// (demo/merchant.ts → resolveOrder: what Purse is asked to charge). The browser only names a cart and a quantity.

export type ProductId = 'tote' | 'matcha';

export interface Product {
  id: ProductId;
  /** Unit price excluding VAT, in the currency's minor units. */
  unitPrice: number;
  currency: 'EUR' | 'JPY';
  /** VAT (consumption tax) on the goods, in percent. */
  taxRate: number;
  /** Flat shipping for the order, in minor units. */
  shipping: number;
}

const products: Record<ProductId, Product> = {
  tote: { id: 'tote', unitPrice: 3000, currency: 'EUR', taxRate: 20, shipping: 699 },
  matcha: { id: 'matcha', unitPrice: 3636, currency: 'JPY', taxRate: 10, shipping: 299 },
};

/** The carts the shop sells: the EUR shop's tote bag, and a yen cart (a currency without a minor unit). */
const carts = { 'cart-eur': 'tote', 'cart-jpy': 'matcha' } as const satisfies Record<string, ProductId>;
export type CartId = keyof typeof carts;
export const DEFAULT_CART: CartId = 'cart-eur';
export const MAX_QUANTITY = 10;

export interface PricedCart {
  cart: CartId;
  product: Product;
  quantity: number;
  currency: Product['currency'];
  /** quantity × unit price, excluding VAT. */
  subtotal: number;
  shipping: number;
  tax: number;
  /** subtotal + shipping + tax: what Purse is asked to charge. */
  total: number;
}

export const isCartId = (value: unknown): value is CartId => typeof value === 'string' && Object.hasOwn(carts, value);

/** The lines of a cart and what they add up to, in minor units (VAT rounded half up to the minor unit). */
export function priceCart(cart: CartId, quantity: number): PricedCart {
  if (!isCartId(cart)) throw new Error(`No cart ${String(cart)}.`);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw new Error(`Quantity ${quantity} is not 1 to ${MAX_QUANTITY}.`);
  const product = products[carts[cart]];
  const subtotal = product.unitPrice * quantity;
  const tax = Math.round((subtotal * product.taxRate) / 100);
  return { cart, product, quantity, currency: product.currency, subtotal, shipping: product.shipping, tax, total: subtotal + product.shipping + tax };
}

/** A cart's reference: "cart-eur" (one item) or "cart-eur:3". */
export const cartReference = (cart: CartId, quantity: number) => (quantity === 1 ? cart : `${cart}:${quantity}`);

/**
 * What the checkout sends as `order_reference`: the cart and the order being paid, "cart-eur:3/k2x9…" (a new order id
 * per visit to the checkout, kept in its URL: a reload pays the same order, and the server never offers an order
 * already paid a second session).
 */
export const orderReference = (cart: CartId, quantity: number, orderId: string) => `${cartReference(cart, quantity)}/${orderId}`;

/** An order id the checkout names: letters, digits and dashes, at most 64. */
export const isOrderId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);

/** The cart, quantity and order id an `orderReference` names (no "/<id>": `orderId` undefined), or `undefined`. */
export function parseOrderReference(reference: string): { cart: CartId; quantity: number; orderId?: string } | undefined {
  const [cart = '', orderId, ...rest] = reference.split('/');
  const named = parseCartReference(cart);
  if (!named || rest.length > 0 || (orderId !== undefined && !isOrderId(orderId))) return undefined;
  return { ...named, ...(orderId !== undefined && { orderId }) };
}

/**
 * The cart and quantity an `order_reference` names, or `undefined` for anything else. Own keys only: a name such as
 * `__proto__` or `toString` must never reach Object.prototype.
 */
export function parseCartReference(reference: string): { cart: CartId; quantity: number } | undefined {
  const match = /^([a-z-]+)(?::(\d{1,2}))?$/.exec(reference);
  const quantity = Number(match?.[2] ?? 1);
  if (!match || !isCartId(match[1]) || quantity < 1 || quantity > MAX_QUANTITY) return undefined;
  return { cart: match[1], quantity };
}

/** The product of a product id, e.g. for its image and price on the shop page. */
export const productOf = (cart: CartId): Product => products[carts[cart]];
