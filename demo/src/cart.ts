// The shopper's cart: one product and its quantity, remembered in this browser. `?cart=` and `?qty=` in a page's URL
// (links, tests, the return from Purse) name a cart explicitly.
import { DEFAULT_CART, isCartId, MAX_QUANTITY, type CartId } from './catalog.ts';

export interface CartChoice {
  cart: CartId;
  quantity: number;
}

const KEY = 'demo:cart';

const quantityOf = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_QUANTITY ? n : undefined;
};

function stored(): CartChoice | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<CartChoice> | null;
    const quantity = quantityOf(value?.quantity);
    return value && isCartId(value.cart) && quantity ? { cart: value.cart, quantity } : undefined;
  } catch {
    return undefined;
  }
}

/** The cart the URL names, else the one remembered, else one tote bag. */
export function currentCart(search = window.location.search): CartChoice {
  const params = new URLSearchParams(search);
  const remembered = stored();
  const named = params.get('cart');
  const cart = isCartId(named) ? named : (remembered?.cart ?? DEFAULT_CART);
  const quantity = quantityOf(params.get('qty')) ?? (cart === remembered?.cart ? remembered.quantity : 1);
  return { cart, quantity };
}

export const saveCart = (choice: CartChoice) => localStorage.setItem(KEY, JSON.stringify(choice));

/** The checkout of a cart, e.g. "/checkout?cart=cart-jpy&qty=2", and of one order of it when named (`order=`). */
export const checkoutHref = ({ cart, quantity }: CartChoice, order?: string) =>
  `/checkout?${new URLSearchParams({ cart, qty: String(quantity), ...(order && { order }) })}`;
