// The demo storefront's HTTP server: the React pages (demo/pages.ts: Vite, or a production build), the merchant API at /api/purse (served by `api`: the
// handler in this process, or a proxy to several handler processes), the back office and the mock's control routes.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { isPurseApiError, type CustomerPurseClient, type PurseClient } from '../src/server/index.ts';
import type { MockPurse } from '../src/mock-server/index.ts';
import { customerPurseBackOffice } from './customer-purse-back-office.ts';
import { isValidEmail } from '../src/core/wire/xco-rules.ts';
import { CUSTOMER_COOKIE, customerFrom, type DemoAccounts } from './merchant.ts';
import { createPageServer } from './pages.ts';

export interface StorefrontOptions {
  port: number;
  host: string;
  /** A production build of the pages instead of Vite's dev server. */
  prod: boolean;
  /** The embedded mock's URL (its /__mock control routes are proxied), or null against the real sandbox. */
  mockUrl: string | null;
  /** The back office's Purse client. */
  purse: PurseClient;
  /** The back office's Customer Purse client (find, block and unblock deposit customers). */
  customerPurse: CustomerPurseClient;
  /** The embedded mock in this process, for the deposits page's "mock wallet". */
  mockPurse?: MockPurse;
  /** Serves /api/purse/*. The request's `x-forwarded-for` is already set from the socket. */
  api(req: IncomingMessage, res: ServerResponse): void;
  /** The shop's accounts (the email it vouches for), shared with the handler. */
  accounts: DemoAccounts;
}

export async function startStorefront(options: StorefrontOptions) {
  const { mockUrl, purse } = options;

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
    (request: Request) => {
      const { pathname } = new URL(request.url);
      const deposits = pathname.startsWith('/demo/back-office/customers') || pathname === '/demo/mock/deposit';
      return deposits
        ? customerPurseBackOffice(request, { client: options.customerPurse, mock: options.mockPurse, customerOf: (r) => customerFrom(r.headers.get('cookie')) })
        : backOffice(request);
    },
    { overrideGlobalObjects: false },
  );

  // The shop's own account: GET tells the page which email the shop has for this visitor, POST records one.
  async function account(request: Request): Promise<Response> {
    const customer = customerFrom(request.headers.get('cookie'));
    if (!customer) return Response.json({ title: 'No session' }, { status: 401 });
    if (request.method === 'GET') return Response.json({ email: await options.accounts.email(customer) });
    if (request.method !== 'POST') return Response.json({ title: 'Method not allowed' }, { status: 405 });
    const body = (await request.json().catch(() => null)) as { email?: unknown } | null;
    const email = typeof body?.email === 'string' ? body.email.trim() : '';
    if (!isValidEmail(email)) return Response.json({ title: 'Enter a valid email address.' }, { status: 400 });
    await options.accounts.setEmail(customer, email);
    return Response.json({ email }, { status: 201 });
  }
  const accountListener = getRequestListener(account, { overrideGlobalObjects: false });

  async function proxyToMock(req: IncomingMessage, res: ServerResponse) {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
    const upstream = await fetch(`${mockUrl}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body,
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }

  const server = createServer((req, res) => {
    if (!customerFrom(req.headers.cookie)) {
      const reference = `cust_${randomUUID()}`;
      res.setHeader('set-cookie', `${CUSTOMER_COOKIE}=${reference}; Path=/; HttpOnly; SameSite=Lax`);
      req.headers.cookie = [req.headers.cookie, `${CUSTOMER_COOKIE}=${reference}`].filter(Boolean).join('; ');
    }
    const path = req.url ?? '/';
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else if (path.startsWith('/api/purse/')) {
      // The shopper's IP is the caller_id Purse rate-limits on: this server is the one trusted proxy (trustProxy: 1) and
      // overwrites whatever the client sent with the socket's address.
      req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
      options.api(req, res);
    } else if (path === '/demo/account') {
      void accountListener(req, res);
    } else if (path.startsWith('/demo/back-office/') || path === '/demo/mock/deposit') {
      void backOfficeListener(req, res);
    } else if (path.startsWith('/__mock/') && mockUrl) {
      proxyToMock(req, res).catch((error: unknown) => res.writeHead(502).end(String(error)));
    } else {
      pages.handle(req, res, { strictCsp: new URL(path, 'http://x').searchParams.get('csp') === 'strict' });
    }
  });
  // Created once the server exists: in dev, Vite serves its HMR websocket on it.
  const pages = await createPageServer({
    prod: options.prod,
    config: {
      mockOrigin: mockUrl,
      // The signup's resend countdown matches the mock's throttle (shortened in E2E).
      resendDelayMs: Number(process.env.PURSE_MOCK_RESEND_THROTTLE_MS ?? 30_000),
    },
    httpServer: server,
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    url: `http://${options.host}:${options.port}/`,
    async close() {
      server.close();
      await pages.close();
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}
