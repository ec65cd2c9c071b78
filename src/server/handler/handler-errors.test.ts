// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import { createMerchantHandler } from './handler.ts';
import { purseWorld, shop } from '../test-support.ts';

const EXISTING = { email: 'existing@example.com' };
const read = async (response: Response) => ({ status: response.status, body: await response.json() });

describe('createMerchantHandler: request checks', () => {
  it('validates bodies with one JSON pointer per field, before calling Purse', async () => {
    const s = shop();
    const user = { email: 'not-an-email', phone_number: '0612', birthdate: '1990-02-30', addresses: [{ address_type: 'home' }] };
    const created = await read(await s.post(routes.createUser, { user }, { customer: 'cust_1' }));
    expect(created.status).toBe(400);
    const pointers = (created.body.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/user/email',
        '/user/phone_number',
        '/user/birthdate',
        '/user/addresses/0/address_type',
        '/user/addresses/0/street_address',
      ]),
    );
    const verify = await read(await s.post(routes.verifyPasswordless, { ...EXISTING, verification_code: '' }));
    expect(verify.body.errors).toEqual([{ pointer: '/verification_code', detail: expect.any(String) }]);
    const both = await read(await s.send('GET', `${routes.checkUser}?email=a%40b.fr&phone_number=%2B33612345678`));
    expect(both.status).toBe(400);
    expect(s.purse.control.requests()).toEqual([]);
  });

  it('passes Purse validation errors on with their pointers', async () => {
    const s = shop();
    s.accounts.set('cust_1', { email: 'kid@example.com' });
    // Purse refusing what the handler let through (its rules may change before ours do).
    s.purse.control.setFault({ path: `/v1/merchants/${s.options.merchantId}/users`, status: 400, times: 1, body: {
      title: 'Validation Error', status: 400, instance: '/v1/merchants/x/users', errors: [{ pointer: '/user/birthdate', detail: 'Too young.' }],
    } });
    const refused = await s.post(routes.createUser, { user: { email: 'kid@example.com', birthdate: '2009-01-01' } }, { customer: 'cust_1' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Validation Error', status: 400, errors: [{ pointer: '/user/birthdate' }] });
    expect(body).not.toHaveProperty('instance'); // Purse's internal path stays on the server
  });

  it('passes invalid_code with attempts_left on, pointers in the shape the browser sent', async () => {
    const s = shop();
    await s.post(routes.startPasswordless, EXISTING);
    const wrong = s.purse.control.currentCode(EXISTING) === '000000' ? '111111' : '000000';
    const flat = await read(await s.post(routes.verifyPasswordless, { ...EXISTING, verification_code: wrong }));
    expect(flat).toMatchObject({ status: 400, body: { code: 'invalid_code', attempts_left: 4, errors: [{ pointer: '/verification_code' }] } });
    s.purse.control.setFault({ path: `/v1/merchants/${s.options.merchantId}/users/passwordless/verify`, status: 400, times: 1, body: {
      title: 'Validation Error', status: 400, errors: [{ pointer: '/email', detail: 'Unknown email.' }],
    } });
    const nested = await read(await s.post(routes.verifyPasswordless, { identifier: EXISTING, verification_code: wrong }));
    expect(nested.body.errors).toEqual([{ pointer: '/identifier/email', detail: 'Unknown email.' }]);
  });

  it('passes a 429 on with its Retry-After', async () => {
    const s = shop();
    expect((await s.post(routes.startPasswordless, EXISTING)).status).toBe(204);
    const again = await s.post(routes.startPasswordless, EXISTING); // the mock throttles a resend for 30 s
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await again.json()).toMatchObject({ code: 'resend_throttled' });
  });

  it('refuses a body over the size limit with 413, whether or not Content-Length says so', async () => {
    const s = shop({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ user: { email: 'a@b.fr', first_name: 'x'.repeat(2000) } });
    const declared = await s.post(routes.createUser, big, { customer: 'cust_1', headers: { 'content-length': String(big.length) } });
    expect(declared.status).toBe(413);
    const streamed = await s.handler(
      new Request('https://shop.test/api/purse/xco/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-session': 'cust_1' },
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: 'payload_too_large' });
    expect(s.purse.control.users().filter((u) => u.created_by === 'api')).toEqual([]);
  });

  it('requires a JSON content type and a JSON object body', async () => {
    const s = shop();
    const text = await s.post(routes.startPasswordless, 'email=existing@example.com', { headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const broken = await read(await s.post(routes.startPasswordless, '{"email":'));
    expect(broken).toMatchObject({ status: 400, body: { code: 'invalid_json' } });
    expect((await s.post(routes.startPasswordless, '[1]')).status).toBe(400);
  });

  it('answers 404 for unknown routes and 405 with Allow for a wrong method', async () => {
    const s = shop();
    expect((await s.send('GET', '/xco/nope')).status).toBe(404);
    const outside = await s.handler(new Request('https://shop.test/other/xco/users/exists?email=a%40b.fr'));
    expect(outside.status).toBe(404);
    const wrong = await s.send('GET', routes.createUser);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await wrong.json()).toMatchObject({ code: 'method_not_allowed' });
    expect((await s.post(routes.getUser, {})).status).toBe(405);
  });

  it('serves another basePath', async () => {
    const s = shop({ basePath: '/purse/' });
    const response = await s.handler(new Request('https://shop.test/purse/xco/users/exists?email=existing%40example.com'));
    expect(await read(response)).toEqual({ status: 200, body: { exists: true, token_count: 0 } });
  });

  it('serves a path with doubled slashes (a proxy rewrite gives /api/purse//xco/…) as the route it names', async () => {
    // nginx's `location /api/purse { proxy_pass http://node/api/purse/; }`: the 404 used to advise basePath '/api/purse/',
    // which is the same base and changes nothing.
    const s = shop();
    for (const path of ['/api/purse//xco/users/exists', '//api/purse/xco//users/exists/']) {
      const response = await s.handler(new Request(`https://shop.test${path}?email=existing%40example.com`));
      expect(await read(response)).toEqual({ status: 200, body: { exists: true, token_count: 0 } });
    }
  });

  it('refuses an Idempotency-Key that is not a plain token', async () => {
    const s = shop();
    const response = await s.post(routes.startPasswordless, EXISTING, { key: 'spaces are not allowed' });
    expect(response.status).toBe(400);
  });
});

describe('createMerchantHandler: failures of Purse and of the merchant setup', () => {
  it('turns refused merchant credentials into a 502 for the developer, never a 401 for the shopper', async () => {
    const world = purseWorld({ clientSecret: 'not-the-secret' });
    const s = shop({}, world);
    const response = await read(await s.send('GET', `${routes.checkUser}?email=existing%40example.com`));
    expect(response).toMatchObject({ status: 502, body: { title: 'Purse rejected the merchant credentials', code: 'purse_credentials_rejected' } });
    expect(s.logs.some((l) => l.level === 'error' && /rejected the merchant credentials/.test(l.message))).toBe(true);
    expect(JSON.stringify(s.logs)).not.toContain('not-the-secret');
  });

  it('answers 502 when Purse keeps answering 401 after the retry with a fresh token, or 403', async () => {
    const s = shop();
    s.purse.control.setFault({ path: '/v1/users/exists', status: 401, times: 2 });
    expect((await s.send('GET', `${routes.checkUser}?email=existing%40example.com`)).status).toBe(502);
    s.purse.control.setFault({ path: '/v1/users/exists', status: 403, times: 1 });
    expect((await s.send('GET', `${routes.checkUser}?email=existing%40example.com`)).status).toBe(502);
  });

  it('answers 502 when Purse is unreachable or unreadable, 504 when it is too slow', async () => {
    const s = shop({}, purseWorld({ timeoutMs: 50 }));
    const url = `${routes.checkUser}?email=existing%40example.com`;
    s.purse.control.setFault({ path: '/v1/users/exists', drop: true, times: 1 });
    expect(await read(await s.send('GET', url))).toMatchObject({ status: 502, body: { code: 'purse_unreachable' } });
    s.purse.control.setFault({ path: '/v1/users/exists', malformed: true, times: 1 });
    expect(await read(await s.send('GET', url))).toMatchObject({ status: 502, body: { code: 'purse_invalid_response' } });
    s.purse.control.setFault({ path: '/v1/users/exists', latencyMs: 200, times: 1 });
    expect(await read(await s.send('GET', url))).toMatchObject({ status: 504, body: { code: 'purse_timeout' } });
  });

  it('answers 500 without details when resolveCustomer throws', async () => {
    const s = shop({
      resolveCustomer: () => {
        throw new Error('session store down');
      },
    });
    const response = await read(await s.send('GET', routes.getUser));
    expect(response).toMatchObject({ status: 500, body: { code: 'internal_error' } });
    expect(JSON.stringify(response.body)).not.toContain('session store down');
    expect(s.logs[0]).toMatchObject({ level: 'error', details: { error: 'Error: session store down' } });
  });

  it('says resolveCustomer and resolveGuest must return a string when they return a number (a database id), before calling Purse', async () => {
    // Untyped code (or an `as`): 0, the first id of many tables, read as "no customer"; 42 reached Purse as a number.
    for (const id of [42, 0]) {
      const s = shop({ resolveCustomer: () => id as unknown as string });
      const response = await read(await s.send('GET', routes.getUser));
      expect(response).toMatchObject({ status: 500, body: { code: 'internal_error' } });
      expect(s.logs).toContainEqual(
        expect.objectContaining({ level: 'error', details: { error: expect.stringMatching(new RegExp(`resolveCustomer returned ${id} \\(a number\\).*String\\(`)) } }),
      );
      expect(s.purse.control.requests()).toEqual([]);
    }
    const guest = shop({ resolveCustomer: () => null, resolveGuest: () => 7 as unknown as string });
    expect(await read(await guest.post(routes.startPasswordless, EXISTING))).toMatchObject({ status: 500, body: { code: 'internal_error' } });
    expect(guest.logs).toContainEqual(expect.objectContaining({ details: { error: expect.stringMatching(/resolveGuest returned 7 \(a number\)/) } }));
  });

  it('never logs a one-time code', async () => {
    const s = shop();
    const verifyPath = `/v1/merchants/${s.options.merchantId}/users/passwordless/verify`;
    await s.post(routes.startPasswordless, EXISTING);
    const code = s.purse.control.currentCode(EXISTING)!;
    const wrong = code === '000000' ? '111111' : '000000';
    await s.post(routes.verifyPasswordless, { ...EXISTING, verification_code: wrong });
    for (const fault of [{ status: 500 }, { status: 401, times: 2 }, { drop: true }, { malformed: true }, { status: 429 }]) {
      s.purse.control.setFault({ path: verifyPath, times: 1, ...fault });
      await s.post(routes.verifyPasswordless, { ...EXISTING, verification_code: code });
    }
    const ok = await s.post(routes.verifyPasswordless, { ...EXISTING, verification_code: code });
    expect(ok.status).toBe(200);
    expect(s.logs.length).toBeGreaterThanOrEqual(5);
    const logged = JSON.stringify(s.logs);
    expect(logged).not.toContain(code);
    expect(logged).not.toContain(wrong);
  });

  it('throws a helpful error when resolveCustomer is missing (a missing purse is reported by the first request)', () => {
    const { client } = purseWorld();
    // @ts-expect-error: resolveCustomer is required
    expect(() => createMerchantHandler({ purse: client })).toThrow(/resolveCustomer/);
  });
});
