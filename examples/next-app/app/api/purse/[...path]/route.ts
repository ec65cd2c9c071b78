import { createMerchantHandler, purseConfigFromEnv } from 'purse-react-kit/server';

// The shop's own data: the browser only names the cart, the amount comes from here.
const carts: Record<string, { amount: number; currency: 'EUR' }> = { 'cart-1': { amount: 4299, currency: 'EUR' } };

const handler = createMerchantHandler({
  // Read on the first request, so `next build` needs no secret (see .env.example at the repository root).
  purse: () => purseConfigFromEnv(process.env),
  // Your signed-in customer, from your own session (cookie, JWT…). A fixed one keeps the example short.
  resolveCustomer: () => 'cust_next_demo',
  // The email your shop verified for that customer: the only one an XCO account is created with (fixed here too).
  resolveIdentity: () => ({ email: 'ada.lovelace@example.com' }),
  // Vercel's edge (or one proxy of yours, e.g. nginx) writes the client's address into X-Forwarded-For: one trusted hop.
  // `next start` with nothing in front keeps what the client sent there: leave trustProxy out in that set-up.
  trustProxy: 1,
  // The cart is this example's order: one reference for all its attempts, so a paid one is never offered a second
  // session (your shop's own order id in production).
  resolveOrder: (_request, { order_reference, customer }) => {
    const cart = order_reference ? carts[order_reference] : undefined;
    if (!cart || !order_reference) return null;
    return {
      ...cart,
      order: { reference: order_reference },
      ...(customer ? { customer: { reference: customer } } : {}),
    };
  },
  checkout: { shopperRedirectionUrl: (request) => new URL('/return', request.url).href },
});

export { handler as GET, handler as POST };
