// The merchant server of the SPA: createMerchantHandler on Node's http, at /api/purse (the Vite dev server and
// `vite preview` proxy it). PURSE_* come from the environment (`npx purse-mock-server` prints them).
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createMerchantHandler, purseConfigFromEnv } from 'purse-react-kit/server';

const carts: Record<string, { amount: number; currency: 'EUR' }> = { 'cart-1': { amount: 4299, currency: 'EUR' } };

const handler = createMerchantHandler({
  purse: () => purseConfigFromEnv(process.env),
  // Your signed-in customer, from your own session. A fixed one keeps the example short.
  resolveCustomer: () => 'cust_vite_demo',
  // The email your shop verified for that customer: the only one an XCO account is created with (fixed here too).
  resolveIdentity: () => ({ email: 'ada.lovelace@example.com' }),
  // One proxy: this server writes the socket's address into X-Forwarded-For below.
  trustProxy: 1,
  // The cart is this example's order: one reference for all its attempts, so a paid one is never offered a second
  // session (your shop's own order id in production).
  resolveOrder: (_request, { order_reference, customer }) => {
    const cart = order_reference ? carts[order_reference] : undefined;
    if (!cart || !order_reference) return null;
    return { ...cart, order: { reference: order_reference }, ...(customer ? { customer: { reference: customer } } : {}) };
  },
  // /checkout?mode=hosted sends the shopper to Purse's hosted page instead of the drop-in.
  checkout: {
    shopperRedirectionUrl: (request) => new URL('/return', request.url).href,
    allowedIntegrationModes: ['EMBEDDED', 'HOSTED_PAGE'],
  },
});
const listener = getRequestListener(handler);

const port = Number(process.env.API_PORT ?? 3001);
createServer((req, res) => {
  // Purse rate-limits on the shopper's IP (caller_id): set it from the socket, never from what the client sent.
  // Behind the dev proxy that is the proxy's address; a production proxy sets X-Forwarded-For itself.
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  void listener(req, res);
}).listen(port, '127.0.0.1', () => console.log(`purse handler on http://127.0.0.1:${port}/api/purse`));
