// createMerchantHandler as an Express route: mount it BEFORE any body parser, on the full path.
import type { RequestHandler } from 'express';
import { getRequestListener } from '@hono/node-server';
import { createMerchantHandler, purseConfigFromEnv, type MerchantHandlerOptions } from 'purse-react-kit/server';

const carts: Record<string, { amount: number; currency: 'EUR' }> = { 'cart-1': { amount: 4299, currency: 'EUR' } };

export const purseOptions: MerchantHandlerOptions = {
  purse: () => purseConfigFromEnv(process.env),
  // Your signed-in customer, from your own session (e.g. req.session). A fixed one keeps the example short.
  resolveCustomer: () => 'cust_express_demo',
  // The email your shop verified for that customer: the only one an XCO account is created with (fixed here too).
  resolveIdentity: () => ({ email: 'ada.lovelace@example.com' }),
  // One proxy: purseRoute writes req.ip (Express's view of the client) into X-Forwarded-For.
  trustProxy: 1,
  // The cart is this example's order: one reference for all its attempts, so a paid one is never offered a second
  // session (your shop's own order id in production).
  resolveOrder: (_request, { order_reference, customer }) => {
    const cart = order_reference ? carts[order_reference] : undefined;
    if (!cart || !order_reference) return null;
    return { ...cart, order: { reference: order_reference }, ...(customer ? { customer: { reference: customer } } : {}) };
  },
  checkout: { shopperRedirectionUrl: (request) => new URL('/return', request.url).href },
};

/** The handler as Express middleware. */
export function purseRoute(options: MerchantHandlerOptions = purseOptions): RequestHandler {
  const listener = getRequestListener(createMerchantHandler(options));
  return (req, res) => {
    // Purse rate-limits on the shopper's IP (caller_id): from the socket (req.ip honours Express's "trust proxy").
    req.headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
    void listener(req, res);
  };
}
