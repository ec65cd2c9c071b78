// @vitest-environment node
// The cart the shopper sees and the amount Purse is asked to charge come from one table: demo/src/catalog.ts.
import { describe, expect, it } from 'vitest';
import { createMockPurse, MOCK_CREDENTIALS, MOCK_CUSTOMER_PURSE_CREDENTIALS } from '../src/mock-server/index.ts';
import { cartReference, MAX_QUANTITY, orderReference, parseCartReference, priceCart, type CartId } from './src/catalog.ts';
import { createDemoHandler, CUSTOMER_COOKIE, demoAccounts } from './merchant.ts';

const CARTS: CartId[] = ['cart-eur', 'cart-jpy'];

describe('the catalogue', () => {
  it('prices the lines so that subtotal, shipping and VAT add up to the total', () => {
    expect(priceCart('cart-eur', 1)).toMatchObject({ currency: 'EUR', subtotal: 3000, shipping: 699, tax: 600, total: 4299 });
    expect(priceCart('cart-eur', 3)).toMatchObject({ subtotal: 9000, shipping: 699, tax: 1800, total: 11_499 });
    expect(priceCart('cart-jpy', 1)).toMatchObject({ currency: 'JPY', subtotal: 3636, shipping: 299, tax: 364, total: 4299 });
    expect(priceCart('cart-jpy', 3)).toMatchObject({ subtotal: 10_908, tax: 1091, total: 12_298 });
    for (const cart of CARTS) {
      for (let quantity = 1; quantity <= MAX_QUANTITY; quantity += 1) {
        const priced = priceCart(cart, quantity);
        expect(priced.subtotal + priced.shipping + priced.tax).toBe(priced.total);
        expect(Number.isInteger(priced.tax)).toBe(true);
      }
    }
  });

  it('names a cart and quantity in an order reference, and reads back only what it wrote', () => {
    expect(cartReference('cart-eur', 1)).toBe('cart-eur');
    expect(parseCartReference(cartReference('cart-jpy', 7))).toEqual({ cart: 'cart-jpy', quantity: 7 });
    expect(parseCartReference('cart-eur')).toEqual({ cart: 'cart-eur', quantity: 1 });
    for (const bad of ['__proto__', 'toString', 'cart-eur:0', 'cart-eur:11', 'cart-eur:1e1', 'cart-eur:-1', 'cart-usd', 'cart-eur:2:3', ' cart-eur']) {
      expect(parseCartReference(bad), bad).toBeUndefined();
    }
    expect(() => priceCart('cart-eur', 0)).toThrow('Quantity 0 is not 1 to 10.');
  });
});

describe("the demo merchant's resolveOrder", () => {
  function shop() {
    const purse = createMockPurse({ testMode: true });
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => purse.fetch(new Request(input, init));
    const handler = createDemoHandler(
      {
        ...MOCK_CREDENTIALS,
        tokenUrl: 'http://purse.test/oauth2/token',
        xcoApiUrl: 'http://purse.test',
        paymentApiUrl: 'http://purse.test/payment',
        fetch,
      },
      undefined,
      demoAccounts(),
      { ...MOCK_CUSTOMER_PURSE_CREDENTIALS, apiUrl: 'http://purse.test', fetch },
    );
    const createSession = (body: Record<string, unknown>) =>
      handler(
        new Request('http://shop.test/api/purse/checkout/sessions', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
            cookie: `${CUSTOMER_COOKIE}=cust_demo_1`,
            'x-forwarded-for': '127.0.0.1',
          },
          body: JSON.stringify(body),
        }),
      );
    return { purse, createSession };
  }

  it.each([
    ['cart-eur', 1],
    ['cart-eur', 4],
    ['cart-jpy', 2],
  ] as const)('asks Purse for exactly the total the cart page shows: %s × %i', async (cart, quantity) => {
    const { purse, createSession } = shop();
    const response = await createSession({ order_reference: orderReference(cart, quantity, 'order-1'), locale: 'de-DE' });
    expect(response.status).toBe(201);
    const priced = priceCart(cart, quantity);
    expect(await response.json()).toMatchObject({ amount: priced.total, currency: priced.currency });
    const [session] = purse.control.sessions();
    expect(session).toMatchObject({
      amount: priced.total,
      currency: priced.currency,
      order: { reference: orderReference(cart, quantity, 'order-1'), net_amount: priced.total, tax_amount: priced.tax },
      customer: { reference: 'cust_demo_1', locale: 'de-DE' },
      shopper_redirection_url: `http://shop.test/return?cart=${cart}&qty=${quantity}&order=order-1`,
    });
  });

  it('has nothing to pay for a cart it does not sell (404), and asks Purse for nothing', async () => {
    const { purse, createSession } = shop();
    for (const order_reference of ['cart-eur:11', '__proto__', 'cart-usd', 'cart-eur/', 'cart-eur/an order', 'cart-eur/a/b']) {
      expect((await createSession({ order_reference })).status, order_reference).toBe(404);
    }
    expect(purse.control.sessions()).toEqual([]);
  });
});
