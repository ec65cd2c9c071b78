// The demo storefront: one process serving the React storefront (Vite), the merchant handler at /api/purse and, unless
// PURSE_* variables point at the real sandbox, the Purse mock server on a port of its own (a separate origin, as
// Purse's CDN and API would be). Usage: npm start [-- --port 4321 --host 127.0.0.1 --prod]
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import {
  createCustomerPurseClient,
  createMerchantHandler,
  createPurseClient,
  customerPurseConfigFromEnv,
  isPurseApiError,
  purseConfigFromEnv,
} from '../src/server/index.ts';
import { MOCK_CREDENTIALS, MOCK_CUSTOMER_PURSE_CREDENTIALS, startMockPurseServer } from '../src/mock-server/index.ts';
import { customerPurseBackOffice } from './customer-purse-back-office.ts';
import { createPageServer } from './pages.ts';
import { carts } from './src/carts.ts';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    // A production build of the storefront instead of Vite's dev server (E2E and benchmarks).
    prod: { type: 'boolean', default: process.env.DEMO_PROD === '1' },
  },
});
const port = Number(args.port);
const host = args.host!;

// Real Purse sandbox (PURSE_*) and Customer Purse API (CALYPSO_*) when configured; otherwise the embedded mock (test
// mode: the demo's mock inbox and E2E read OTP codes and make deposits through /__mock/*).
const sandbox = purseConfigFromEnv(process.env);
const calypso = customerPurseConfigFromEnv(process.env);
const mock = sandbox && calypso
  ? null
  : await startMockPurseServer({
      port: Number(process.env.PURSE_MOCK_PORT ?? 0),
      host,
      testMode: true,
      // E2E shortens the 30 s resend throttle so a resend can be tested without waiting.
      ...(process.env.PURSE_MOCK_RESEND_THROTTLE_MS ? { resendThrottleMs: Number(process.env.PURSE_MOCK_RESEND_THROTTLE_MS) } : {}),
      onOtp: ({ identifier, code }) =>
        console.log(`[mock purse] one-time code for ${identifier.email ?? identifier.phone_number}: ${code}`),
    });
const customerPurse = createCustomerPurseClient(calypso ?? { ...MOCK_CUSTOMER_PURSE_CREDENTIALS, apiUrl: mock!.url });
const purseOptions = sandbox ?? {
  ...MOCK_CREDENTIALS,
  tokenUrl: `${mock!.url}/oauth2/token`,
  xcoApiUrl: mock!.url,
  paymentApiUrl: `${mock!.url}/payment`,
};

// The demo's own "accounts": every visitor gets a customer reference in a cookie, standing in for the merchant's
// session. A real storefront resolves it from its own authenticated session.
const CUSTOMER_COOKIE = 'demo_customer';
const customerFrom = (cookieHeader: string | null) =>
  cookieHeader?.split(/;\s*/).find((c) => c.startsWith(`${CUSTOMER_COOKIE}=`))?.slice(CUSTOMER_COOKIE.length + 1) ?? null;

const purse = createPurseClient(purseOptions);
const handler = createMerchantHandler({
  purse,
  basePath: '/api/purse',
  resolveCustomer: (request) => customerFrom(request.headers.get('cookie')),
  // Amounts come from the storefront's own cart table; the browser only names the cart.
  resolveOrder: (_request, { order_reference, customer }) => {
    const cart = carts[order_reference ?? 'cart-eur'];
    if (!cart) return null;
    return {
      amount: cart.amount,
      currency: cart.currency,
      capture_mode: 'MANUAL',
      order: { reference: `${cart.reference}-${Date.now()}`, net_amount: cart.amount, tax_amount: 0 },
      ...(customer ? { customer: { reference: customer } } : {}),
    };
  },
  checkout: {
    shopperRedirectionUrl: (request) => new URL('/return', request.url).href,
    allowedIntegrationModes: ['EMBEDDED', 'HOSTED_PAGE'],
  },
  // Deposit addresses and deposits of the signed-in shopper (a Customer Purse customer is made on the first visit).
  customerPurse: { client: customerPurse, currencies: ['BTC', 'USDT'] },
});
const handlerListener = getRequestListener(handler, { overrideGlobalObjects: false });

const pages = await createPageServer({
  prod: args.prod!,
  config: {
    mockOrigin: mock?.url ?? null,
    // The signup's resend countdown matches the mock's throttle (shortened in E2E).
    resendDelayMs: Number(process.env.PURSE_MOCK_RESEND_THROTTLE_MS ?? 30_000),
  },
});

// The merchant's back office (staff only in a real shop): payment operations through the server-side Purse client.
async function backOffice(request: Request): Promise<Response> {
  const match = /^\/demo\/back-office\/payments\/([^/]+)(?:\/(capture|refund|void))?$/.exec(new URL(request.url).pathname);
  if (!match) return Response.json({ title: 'Not found' }, { status: 404 });
  const [, id, operation] = match as unknown as [string, string, 'capture' | 'refund' | 'void' | undefined];
  try {
    if (!operation || request.method !== 'POST') return Response.json(await purse.getPayment(id, { cacheControl: 'max-age=0' }));
    const { amount } = (await request.json()) as { amount: number };
    const run = { capture: purse.capturePayment, refund: purse.refundPayment, void: purse.voidPayment }[operation];
    return Response.json(await run(id, { amount, merchant_reference: `BO-${operation}-${Date.now()}` }));
  } catch (error) {
    if (isPurseApiError(error)) return Response.json(error.problem ?? { title: error.message }, { status: error.status || 502 });
    throw error;
  }
}
const backOfficeListener = getRequestListener(
  (request: Request) =>
    new URL(request.url).pathname.startsWith('/demo/back-office/customers') || new URL(request.url).pathname === '/demo/mock/deposit'
      ? customerPurseBackOffice(request, { client: customerPurse, mock: mock?.purse, customerOf: (r) => customerFrom(r.headers.get('cookie')) })
      : backOffice(request),
  { overrideGlobalObjects: false },
);

async function proxyToMock(req: IncomingMessage, res: ServerResponse) {
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await readBody(req));
  const upstream = await fetch(`${mock!.url}${req.url}`, {
    method: req.method,
    headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
    body,
  });
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

const server = createServer((req, res) => {
  if (!customerFrom(req.headers.cookie ?? null)) {
    const reference = `cust_${randomUUID()}`;
    res.setHeader('set-cookie', `${CUSTOMER_COOKIE}=${reference}; Path=/; HttpOnly; SameSite=Lax`);
    req.headers.cookie = [req.headers.cookie, `${CUSTOMER_COOKIE}=${reference}`].filter(Boolean).join('; ');
  }
  const path = req.url ?? '/';
  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  } else if (path.startsWith('/api/purse/')) {
    // The shopper's IP is the caller_id Purse rate-limits on; set from the socket, never from the client.
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    void handlerListener(req, res);
  } else if (path.startsWith('/demo/back-office/') || path === '/demo/mock/deposit') {
    void backOfficeListener(req, res);
  } else if (path.startsWith('/__mock/') && mock) {
    proxyToMock(req, res).catch((error: unknown) => res.writeHead(502).end(String(error)));
  } else {
    pages.handle(req, res, { strictCsp: new URL(path, 'http://x').searchParams.get('csp') === 'strict' });
  }
});

server.listen(port, host, () => {
  console.log(`purse-react-kit demo storefront: http://${host}:${port}/`);
  if (mock) console.log("  (against the embedded Purse mock server; seeded XCO user: existing@example.com)");
  else console.log('  (against the Purse sandbox configured by PURSE_* variables)');
});

const shutdown = () => {
  server.close();
  void pages.close();
  void mock?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
