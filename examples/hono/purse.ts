// createMerchantHandler in Hono: it already speaks Request/Response, so the route hands it the raw request.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createMerchantHandler, purseConfigFromEnv, type MerchantHandlerOptions } from 'purse-react-kit/server';

const carts: Record<string, { amount: number; currency: 'EUR' }> = { 'cart-1': { amount: 4299, currency: 'EUR' } };

export const purseOptions: MerchantHandlerOptions = {
  purse: () => purseConfigFromEnv(process.env),
  // Your signed-in customer, from your own session. A fixed one keeps the example short.
  resolveCustomer: () => 'cust_hono_demo',
  // The email your shop verified for that customer: the only one an XCO account is created with (fixed here too).
  resolveIdentity: () => ({ email: 'ada.lovelace@example.com' }),
  // The cart is this example's order: one reference for all its attempts, so a paid one is never offered a second
  // session (your shop's own order id in production).
  resolveOrder: (_request, { order_reference, customer }) => {
    const cart = order_reference ? carts[order_reference] : undefined;
    if (!cart || !order_reference) return null;
    return { ...cart, order: { reference: order_reference }, ...(customer ? { customer: { reference: customer } } : {}) };
  },
  checkout: { shopperRedirectionUrl: (request) => new URL('/return', request.url).href },
};

/** A Hono route for `app.all('/api/purse/*', …)`; the shopper's IP (Purse's caller_id) comes from the socket. */
export function purseRoute(options: MerchantHandlerOptions = purseOptions) {
  const ips = new WeakMap<Request, string>();
  const handler = createMerchantHandler({ ...options, callerId: (request) => ips.get(request) });
  return (c: Context) => {
    const ip = getConnInfo(c).remote.address;
    if (ip) ips.set(c.req.raw, ip);
    return handler(c.req.raw);
  };
}
