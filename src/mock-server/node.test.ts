// @vitest-environment node
// Real HTTP through @hono/node-server, as the demo and merchants' E2E use it.
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, startMockPurseServer } from './index.ts';

let server: Awaited<ReturnType<typeof startMockPurseServer>> | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function getToken(url: string) {
  const response = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${MOCK_CREDENTIALS.clientId}:${MOCK_CREDENTIALS.clientSecret}`)}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('startMockPurseServer', () => {
  it('serves the mock on a random port of 127.0.0.1, with control endpoints in test mode', async () => {
    server = await startMockPurseServer({ testMode: true });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = await getToken(server.url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const exists = await fetch(`${server.url}/v1/users/exists?email=existing%40example.com&caller_id=10.0.0.1`, { headers });
    expect(await exists.json()).toEqual({ exists: true, token_count: 2 });

    const start = await fetch(`${server.url}/v1/merchants/${MOCK_CREDENTIALS.merchantId}/users/passwordless/start`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'existing@example.com' }),
    });
    expect(start.status).toBe(204);
    const otp = await fetch(`${server.url}/__mock/otp?email=existing%40example.com`);
    expect((await otp.json()) as { code: string }).toEqual({ code: server.purse.control.currentCode({ email: 'existing@example.com' }) });
    expect(server.purse.control.requests().map((r) => r.path)).toEqual([
      '/oauth2/token',
      '/v1/users/exists',
      `/v1/merchants/${MOCK_CREDENTIALS.merchantId}/users/passwordless/start`,
    ]);
  });

  it('destroys the socket for a drop fault, so fetch rejects, and keeps serving afterwards', async () => {
    server = await startMockPurseServer();
    server.purse.control.setFault({ path: '/oauth2/token', drop: true, times: 1 });
    await expect(getToken(server.url)).rejects.toBeInstanceOf(TypeError);
    expect(typeof (await getToken(server.url))).toBe('string');
  });

  it('passes injected statuses and malformed bodies over the wire', async () => {
    server = await startMockPurseServer();
    server.purse.control.setFault({ path: '/v1/*', malformed: true, times: 1 });
    server.purse.control.setFault({ path: '/v1/*', status: 503 });
    const token = await getToken(server.url);
    const malformed = await fetch(`${server.url}/v1/users/exists?email=a%40b.fr`, { headers: { authorization: `Bearer ${token}` } });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    const unavailable = await fetch(`${server.url}/v1/users/exists?email=a%40b.fr`, { headers: { authorization: `Bearer ${token}` } });
    expect(unavailable.status).toBe(503);
  });

  it('binds the requested port and refuses a port in use', async () => {
    server = await startMockPurseServer();
    const port = Number(new URL(server.url).port);
    await expect(startMockPurseServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
