// The mistakes people make mounting the handler in Express, answered with errors that say what to change.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { mockPurseEnv } from 'purse-react-kit/mock-server';
import { purseConfigFromEnv } from 'purse-react-kit/server';
import { expect, test } from '../fixtures.ts';
import { purseOptions, purseRoute } from './purse.ts';

async function serve(app: Express) {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

test.describe('Express mistakes', () => {
  test('express.json() before the handler: a 400 that says a body parser ran first', async ({ request, mockUrl }) => {
    const app = express();
    app.use(express.json());
    app.all('/api/purse/*path', purseRoute({ ...purseOptions, purse: purseConfigFromEnv(mockPurseEnv(mockUrl)) }));
    const server = await serve(app);
    try {
      const response = await request.post(`${server.url}/api/purse/xco/passwordless/start`, { data: { email: 'existing@example.com' } });
      expect(response.status()).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'body_already_read', detail: expect.stringContaining('Mount the Purse handler before any body parser') });
    } finally {
      server.close();
    }
  });

  test("app.use('/api/purse', …) strips the base path: a 404 naming the path received and the base", async ({ request, mockUrl }) => {
    const app = express();
    app.use('/api/purse', purseRoute({ ...purseOptions, purse: purseConfigFromEnv(mockPurseEnv(mockUrl)) }));
    const server = await serve(app);
    try {
      const response = await request.get(`${server.url}/api/purse/xco/users/exists?email=existing%40example.com`);
      expect(response.status()).toBe(404);
      const { detail } = await response.json();
      expect(detail).toContain('Received /xco/users/exists');
      expect(detail).toContain('/api/purse');
      expect(detail).toContain('req.originalUrl');
    } finally {
      server.close();
    }
  });
});
