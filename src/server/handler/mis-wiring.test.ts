// @vitest-environment node
// The merchant's first hour: configuration read on the first request (builds need no secret), and the usual
// mis-wirings (no PURSE_* variables, a base path stripped by the framework, a body parser in front) answered clearly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import { PURSE_ORIGIN, purseWorld, shop } from '../test-support.ts';

const CHECK = `${routes.checkUser}?email=existing%40example.com`;
const read = async (response: Response) => ({ status: response.status, body: await response.json() });
const ENV_OF = (world: ReturnType<typeof purseWorld>) => ({
  PURSE_CLIENT_ID: world.options.clientId,
  PURSE_CLIENT_SECRET: world.options.clientSecret,
  PURSE_MERCHANT_ID: world.options.merchantId,
  PURSE_TOKEN_URL: `${PURSE_ORIGIN}/oauth2/token`,
  PURSE_XCO_API_URL: PURSE_ORIGIN,
  PURSE_PAYMENT_API_URL: `${PURSE_ORIGIN}/payment`,
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('createMerchantHandler: configuration read on the first request', () => {
  it('is created without any PURSE_* variable; every request then answers 500 naming them, logged once', async () => {
    for (const name of Object.keys(ENV_OF(purseWorld()))) vi.stubEnv(name, '');
    const s = shop({ purse: undefined });
    const first = await read(await s.send('GET', CHECK));
    expect(first).toMatchObject({ status: 500, body: { code: 'purse_not_configured', title: 'Purse is not configured' } });
    for (const name of ['PURSE_CLIENT_ID', 'PURSE_CLIENT_SECRET', 'PURSE_MERCHANT_ID', 'PURSE_TOKEN_URL', 'PURSE_XCO_API_URL', 'PURSE_PAYMENT_API_URL']) {
      expect(first.body.detail).toContain(name);
    }
    expect((await s.post(routes.startPasswordless, { email: 'existing@example.com' })).status).toBe(500);
    expect(s.logs.filter((l) => /Purse is not configured/.test(l.message))).toHaveLength(1);
    expect(s.purse.control.requests()).toEqual([]);
  });

  it('names only the missing variables when some are set', async () => {
    const world = purseWorld();
    for (const [name, value] of Object.entries(ENV_OF(world))) vi.stubEnv(name, name === 'PURSE_TOKEN_URL' ? '' : value);
    const s = shop({ purse: undefined }, world);
    const { body } = await read(await s.send('GET', CHECK));
    expect(body.detail).toMatch(/PURSE_TOKEN_URL is not set/);
    expect(body.detail).not.toContain('PURSE_CLIENT_ID');
  });

  it('reads process.env when the first request comes, not when the handler is created', async () => {
    const world = purseWorld();
    for (const name of Object.keys(ENV_OF(world))) vi.stubEnv(name, '');
    const s = shop({ purse: undefined }, world);
    for (const [name, value] of Object.entries(ENV_OF(world))) vi.stubEnv(name, value);
    // The mock is reached through the global fetch, as a deployed server reaches Purse.
    vi.stubGlobal('fetch', world.options.fetch);
    expect(await read(await s.send('GET', CHECK))).toEqual({ status: 200, body: { exists: true, token_count: 0 } });
  });

  it('calls a purse function once for concurrent first requests, and again after it failed', async () => {
    const world = purseWorld();
    let calls = 0;
    const source = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error('the secret manager timed out');
      return world.options;
    });
    const s = shop({ purse: source }, world);
    const failed = await read(await s.send('GET', CHECK));
    expect(failed).toMatchObject({ status: 500, body: { code: 'purse_not_configured' } });
    expect(failed.body.detail).toContain('the secret manager timed out');
    const answers = await Promise.all([s.send('GET', CHECK), s.send('GET', CHECK), s.send('GET', CHECK)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('says what to set when the purse function finds nothing (purseConfigFromEnv returned null)', async () => {
    const s = shop({ purse: () => null });
    const { status, body } = await read(await s.send('GET', CHECK));
    expect(status).toBe(500);
    expect(body.detail).toMatch(/returned no configuration.*PURSE_CLIENT_ID/);
  });

  it('reports a checkout misconfiguration found once the client exists (no entity id) the same way', async () => {
    const world = purseWorld();
    const { entityId: _unused, ...withoutEntity } = world.options;
    const s = shop(
      { purse: () => withoutEntity, resolveOrder: () => null, checkout: { shopperRedirectionUrl: 'https://shop.test/return' } },
      world,
    );
    const { body } = await read(await s.send('GET', CHECK));
    expect(body).toMatchObject({ code: 'purse_not_configured', detail: expect.stringMatching(/PURSE_ENTITY_ID/) });
  });
});

describe('createMerchantHandler: mis-wiring hints', () => {
  it('names the path received and the expected base when the framework stripped the base path', async () => {
    const s = shop();
    const request = () => s.handler(new Request('https://shop.test/xco/users/exists?email=existing%40example.com'));
    const { status, body } = await read(await request());
    expect(status).toBe(404);
    expect(body.detail).toContain('Received /xco/users/exists');
    expect(body.detail).toContain('/api/purse');
    expect(body.detail).toContain("basePath: ''");
    await request();
    expect(s.logs.filter((l) => l.level === 'warn' && l.message.includes('Received /xco/users/exists'))).toHaveLength(1);
  });

  it('names the prefix to use when the handler is mounted under another one', async () => {
    const s = shop();
    const { status, body } = await read(await s.handler(new Request('https://shop.test/shop/purse/checkout/sessions', { method: 'POST' })));
    expect(status).toBe(404);
    expect(body.detail).toContain("set basePath: '/shop/purse'");
  });

  it('keeps a plain 404 for paths that are no Purse route', async () => {
    const s = shop();
    const { body } = await read(await s.handler(new Request('https://shop.test/api/purse/nope')));
    expect(body).toMatchObject({ code: 'not_found', detail: 'No Purse route at /api/purse/nope.' });
    expect(s.logs).toEqual([]);
  });

  it('says a body parser ran first when the body reaches the handler already read', async () => {
    const s = shop();
    const request = new Request('https://shop.test/api/purse/xco/passwordless/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'existing@example.com' }),
    });
    await request.json(); // what a body-parsing middleware does
    const { status, body } = await read(await s.handler(request));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'body_already_read', detail: expect.stringMatching(/body parser.*before any body parser/) });
    expect(s.logs.filter((l) => l.level === 'warn' && /body parser/.test(l.message))).toHaveLength(1);
    expect(s.purse.control.requests()).toEqual([]);
  });

  it('says so too when a Node adapter hands over a drained stream (Content-Length promised bytes, none came)', async () => {
    const s = shop();
    const { status, body } = await read(
      await s.handler(
        new Request('https://shop.test/api/purse/xco/passwordless/start', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '32' },
          body: new ReadableStream({ start: (controller) => controller.close() }),
          duplex: 'half',
        } as RequestInit),
      ),
    );
    expect(status).toBe(400);
    expect(body.code).toBe('body_already_read');
  });
});

describe('createMerchantHandler: a wrong Purse URL', () => {
  const session = () => ({ customer: 'cust-1' });
  const checkoutOptions = {
    resolveOrder: () => ({ amount: 4299, currency: 'EUR' as const, order: { reference: 'order-1' } }),
    checkout: { shopperRedirectionUrl: 'https://shop.test/return' },
  };

  it('refuses an API URL given with the version the client adds (/v1, /v2) at the first request, naming the variable', async () => {
    const world = purseWorld();
    for (const [name, value] of Object.entries(ENV_OF(world))) vi.stubEnv(name, name === 'PURSE_XCO_API_URL' ? `${value}/v1` : value);
    const s = shop({ purse: undefined }, world);
    const { status, body } = await read(await s.send('GET', CHECK));
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: 'purse_not_configured', detail: expect.stringMatching(/PURSE_XCO_API_URL.*without \/v1/) });

    const payment = shop({ purse: () => ({ ...world.options, paymentApiUrl: `${PURSE_ORIGIN}/payment/v2` }) }, world);
    const refused = await read(await payment.send('GET', CHECK));
    expect(refused.body).toMatchObject({ code: 'purse_not_configured', detail: expect.stringMatching(/PURSE_PAYMENT_API_URL.*without \/v2/) });
    expect(world.purse.control.requests()).toEqual([]);
  });

  it('a token URL that answers 404 is a 502 for the browser and a log line naming PURSE_TOKEN_URL, never a 404', async () => {
    const s = shop({}, purseWorld({ tokenUrl: `${PURSE_ORIGIN}/oauth/token` }));
    const { status, body } = await read(await s.send('GET', CHECK));
    expect(status).toBe(502);
    expect(body.code).toBe('purse_invalid_response');
    expect(JSON.stringify(body)).not.toContain('/oauth/token');
    expect(s.logs).toContainEqual(expect.objectContaining({ level: 'error', details: expect.objectContaining({ message: expect.stringMatching(/PURSE_TOKEN_URL/) }) }));
    // In the line itself too: a logger that drops details (pino's take them first) still says what to check.
    expect(s.logs).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/PURSE_TOKEN_URL/) }));
  });

  it("the token endpoint's documented Not Found keeps Purse's words in the log line, with the client id and never the secret", async () => {
    const world = purseWorld();
    const s = shop({}, world);
    const purseSays = { title: 'Not Found', detail: 'No OAuth2 client with this id.', code: 'client_not_found' };
    world.purse.control.setFault({ path: '/oauth2/token', status: 404, times: 1, body: purseSays });
    const { status, body } = await read(await s.send('GET', CHECK));
    expect(status).toBe(502);
    expect(body.code).toBe('purse_invalid_response');
    // The browser gets none of it; the merchant's log line (the line itself, not only its details) gets all of it.
    expect(JSON.stringify(body)).not.toMatch(/client_not_found|OAuth2 client|mock-client-id/);
    const line = s.logs.find((l) => l.level === 'error')!;
    for (const words of [/PURSE_TOKEN_URL/, /Not Found/, /No OAuth2 client with this id\./, /client_not_found/, /client id "mock-client-id"/]) {
      expect(line.message).toMatch(words);
    }
    expect(JSON.stringify(s.logs)).not.toContain(world.options.clientSecret);

    // An answer that echoes the request's credentials still leaves the secret out of the log.
    world.purse.control.setFault({ path: '/oauth2/token', status: 405, times: 1, body: { title: 'Method Not Allowed', detail: `Bad client ${world.options.clientSecret}` } });
    await s.send('GET', CHECK);
    expect(s.logs.at(-1)?.message).toMatch(/answered 405 \(Method Not Allowed: Bad client \[secret\]\)/);
    expect(JSON.stringify(s.logs)).not.toContain(world.options.clientSecret);
  });

  it('a 404 at a path that always exists keeps what answered it in the log line', async () => {
    const xco = shop({}, purseWorld({ xcoApiUrl: `${PURSE_ORIGIN}/xco` }));
    await xco.send('GET', CHECK);
    const line = xco.logs.find((l) => l.level === 'error')!;
    expect(line.message).toMatch(/PURSE_XCO_API_URL/);
    // The mock's router answered: its title, detail and code say so.
    expect(line.message).toMatch(/Not Found.*No route for \/xco\/v1\/users\/exists.*not_found/);
  });

  it('an XCO or Payment API URL whose paths do not exist is a 502 and a log line naming the variable; a 404 that is an answer passes', async () => {
    const xco = shop({}, purseWorld({ xcoApiUrl: `${PURSE_ORIGIN}/xco` }));
    const lookup = await read(await xco.send('GET', CHECK));
    expect(lookup).toMatchObject({ status: 502, body: { code: 'purse_invalid_response' } });
    expect(JSON.stringify(lookup.body)).not.toContain('merchants');
    expect(xco.logs).toContainEqual(expect.objectContaining({ level: 'error', details: expect.objectContaining({ message: expect.stringMatching(/PURSE_XCO_API_URL/) }) }));

    const payment = shop(checkoutOptions, purseWorld({ paymentApiUrl: PURSE_ORIGIN }));
    const created = await read(await payment.post(routes.createSession, {}, session()));
    expect(created).toMatchObject({ status: 502, body: { code: 'purse_invalid_response' } });
    expect(payment.logs).toContainEqual(expect.objectContaining({ level: 'error', details: expect.objectContaining({ message: expect.stringMatching(/PURSE_PAYMENT_API_URL/) }) }));

    // Purse's own 404s are answers: no account for this email, passed on as before.
    const right = shop();
    const unknown = await read(await right.post(routes.startPasswordless, { email: 'nobody@example.com' }));
    expect(unknown).toMatchObject({ status: 404, body: { code: 'user_not_found' } });
  });
});
