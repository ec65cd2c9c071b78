// The mistakes people make mounting the handler in Hono, answered with errors that say what to change.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createMerchantHandler, purseConfigFromEnv } from 'purse-react-kit/server';
import { mockPurseEnv } from 'purse-react-kit/mock-server';
import { expect, test } from '../fixtures.ts';
import { purseOptions, purseRoute } from './purse.ts';

/** The app on a real Node server, as server.ts runs it. */
async function listen(app: Hono) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

test.describe('Hono mistakes', () => {
  test('a middleware that read the body first: a 400 that says so', async ({ request, mockUrl }) => {
    const app = new Hono();
    app.use('/api/purse/*', async (c, next) => {
      await c.req.json(); // e.g. a logging or validation middleware
      await next();
    });
    app.all('/api/purse/*', purseRoute({ ...purseOptions, purse: purseConfigFromEnv(mockPurseEnv(mockUrl)) }));
    const server = await listen(app);
    try {
      const response = await request.post(`${server.url}/api/purse/xco/passwordless/start`, { data: { email: 'existing@example.com' } });
      expect(response.status()).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'body_already_read', detail: expect.stringContaining('c.req.json()') });
    } finally {
      server.close();
    }
  });

  test("app.mount('/api/purse', handler) strips the base path: a 404 naming the path received and the base", async ({ request, mockUrl }) => {
    const app = new Hono();
    app.mount('/api/purse', createMerchantHandler({ ...purseOptions, purse: purseConfigFromEnv(mockPurseEnv(mockUrl)) }));
    const server = await listen(app);
    try {
      const response = await request.get(`${server.url}/api/purse/xco/users/exists?email=existing%40example.com`);
      expect(response.status()).toBe(404);
      const { detail } = await response.json();
      expect(detail).toContain('Received /xco/users/exists');
      expect(detail).toContain("basePath: ''");
    } finally {
      server.close();
    }
  });
});
