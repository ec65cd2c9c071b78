// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SEEDED_USERS } from '../../mock-server/index.ts';
import { createPurseClient } from './client.ts';
import { purseApiFailure, purseWorld } from '../test-support.ts';

const EXISTING = { email: 'existing@example.com' };

describe('createPurseClient: OAuth2 token', () => {
  it('requests one token for many calls', async () => {
    const { client, purse } = purseWorld();
    await client.checkUser(EXISTING);
    await client.checkUser({ email: 'nobody@example.com' });
    await client.checkUser({ phone_number: '+33612345678' });
    expect(purse.control.tokenRequests()).toBe(1);
  });

  it('shares one refresh between concurrent calls (single flight)', async () => {
    const { client, purse } = purseWorld();
    const results = await Promise.all(Array.from({ length: 10 }, () => client.checkUser(EXISTING)));
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ exists: true, token_count: 2 })));
    expect(purse.control.tokenRequests()).toBe(1);
  });

  it('sends client credentials as HTTP Basic with a form body, and the scope when set', async () => {
    const seen: Request[] = [];
    const world = purseWorld();
    const client = createPurseClient({
      ...world.options,
      scope: 'xco-api',
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push(request.clone());
        return world.purse.fetch(request);
      },
    });
    await client.checkUser(EXISTING);
    const token = seen[0]!;
    expect(token.url).toBe('http://purse.test/oauth2/token');
    expect(token.headers.get('authorization')).toBe(`Basic ${btoa('mock-client-id:mock-client-secret')}`);
    expect(token.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(await token.text()))).toEqual({
      grant_type: 'client_credentials',
      scope: 'xco-api',
    });
    expect(seen[1]!.headers.get('authorization')).toMatch(/^Bearer \S+$/);
  });

  it('keeps the token until shortly before expires_in, then refreshes it', async () => {
    const { client, purse, advance } = purseWorld({}, { tokenTtlSeconds: 3600 });
    await client.checkUser(EXISTING);
    advance(3600_000 - 61_000); // 61 s before expiry: still inside the cache window
    await client.checkUser(EXISTING);
    expect(purse.control.tokenRequests()).toBe(1);
    advance(2_000); // 59 s before expiry: past the 60 s margin
    await client.checkUser(EXISTING);
    expect(purse.control.tokenRequests()).toBe(2);
  });

  it('uses a 10% margin for short-lived tokens', async () => {
    const { client, purse, advance } = purseWorld({}, { tokenTtlSeconds: 100 });
    await client.checkUser(EXISTING);
    advance(89_000);
    await client.checkUser(EXISTING);
    expect(purse.control.tokenRequests()).toBe(1);
    advance(2_000);
    await client.checkUser(EXISTING);
    expect(purse.control.tokenRequests()).toBe(2);
  });

  it('retries once with a fresh token when Purse answers 401', async () => {
    const { client, purse, calls } = purseWorld();
    await client.checkUser(EXISTING);
    purse.control.setFault({ path: '/v1/users/exists', status: 401, times: 1 });
    await expect(client.checkUser(EXISTING)).resolves.toEqual({ exists: true, token_count: 2 });
    expect(purse.control.tokenRequests()).toBe(2);
    expect(calls('/v1/users/exists')).toHaveLength(3);
  });

  it('gives up after one retry when Purse keeps answering 401', async () => {
    const { client, purse, calls } = purseWorld();
    purse.control.setFault({ path: '/v1/users/exists', status: 401, times: 5 });
    const error = await purseApiFailure(client.checkUser(EXISTING));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(calls('/v1/users/exists')).toHaveLength(2);
    expect(purse.control.tokenRequests()).toBe(2);
  });

  it('reports refused credentials without echoing the secret', async () => {
    const { client } = purseWorld({ clientSecret: 'wrong-secret-value' });
    const error = await purseApiFailure(client.checkUser(EXISTING));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/refused the client credentials/);
    expect(error.message).not.toContain('wrong-secret-value');
  });

  it('lets the next call try again after a failed refresh', async () => {
    const { client, purse } = purseWorld();
    purse.control.setFault({ path: '/oauth2/token', status: 503, times: 1 });
    expect((await purseApiFailure(client.checkUser(EXISTING))).status).toBe(503);
    await expect(client.checkUser(EXISTING)).resolves.toMatchObject({ exists: true });
  });
});

describe('createPurseClient: XCO calls', () => {
  it('sends caller_id on exists, start and verify', async () => {
    const { client, purse, calls } = purseWorld();
    const user = SEEDED_USERS[0]!;
    await client.checkUser({ email: user.email! }, '203.0.113.7');
    await client.startPasswordless({ email: user.email! }, '203.0.113.7');
    const code = purse.control.currentCode({ email: user.email! })!;
    const verified = await client.verifyPasswordless({ email: user.email!, verification_code: code }, '203.0.113.7');
    expect(verified.user.last_name).toBe('Dupont');
    expect(calls('/v1/users/exists')[0]!.caller_id).toBe('203.0.113.7');
    const passwordless = purse.control.requests().filter((r) => r.path.includes('/passwordless/'));
    expect(passwordless.map((r) => r.caller_id)).toEqual(['203.0.113.7', '203.0.113.7']);
  });

  it('creates a user, links it by consent and reads it back by customer reference', async () => {
    const { client, purse } = purseWorld();
    const created = await client.createUser({
      customer_reference: 'cust_1',
      user: { email: 'new@example.com', first_name: 'Ada' },
    });
    expect(created).toMatchObject({ customer_reference: 'cust_1', user: { email: 'new@example.com' } });
    await expect(client.getUser('cust_1')).resolves.toMatchObject({ email: 'new@example.com', first_name: 'Ada' });

    await client.startPasswordless({ phone_number: '+33698765432' });
    const code = purse.control.currentCode({ phone_number: '+33698765432' })!;
    const { consent_challenge_id } = await client.verifyPasswordless({ phone_number: '+33698765432', verification_code: code });
    await expect(client.createConsent('cust_2', consent_challenge_id)).resolves.toBeUndefined();
    expect(purse.control.consents()).toContainEqual(expect.objectContaining({ customer_reference: 'cust_2', via: 'consent_challenge' }));
  });

  it('rejects with the status and problem body of a Purse refusal', async () => {
    const { client, purse } = purseWorld();
    await client.startPasswordless(EXISTING);
    const wrong = purse.control.currentCode(EXISTING) === '000000' ? '111111' : '000000';
    const error = await purseApiFailure(client.verifyPasswordless({ ...EXISTING, verification_code: wrong }));
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.problem).toMatchObject({ code: 'invalid_code', attempts_left: 4, errors: [{ pointer: '/verification_code' }] });
  });

  it('keeps Retry-After of a 429', async () => {
    const { client, purse } = purseWorld();
    purse.control.setFault({ path: '/v1/users/exists', status: 429, headers: { 'retry-after': '7' } });
    const error = await purseApiFailure(client.checkUser(EXISTING));
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe('7');
    expect(error.retryAfterMs()).toBe(7000);
  });

  it('types a dropped connection, a timeout and a malformed answer', async () => {
    const { client, purse } = purseWorld({ timeoutMs: 50 });
    purse.control.setFault({ path: '/v1/users/exists', drop: true, times: 1 });
    expect((await purseApiFailure(client.checkUser(EXISTING))).kind).toBe('network');
    purse.control.setFault({ path: '/v1/users/exists', latencyMs: 200, times: 1 });
    expect((await purseApiFailure(client.checkUser(EXISTING))).kind).toBe('timeout');
    purse.control.setFault({ path: '/v1/users/exists', malformed: true, times: 1 });
    expect((await purseApiFailure(client.checkUser(EXISTING))).kind).toBe('invalid_response');
  });

  it('refuses incomplete options with a message naming them', () => {
    const { options } = purseWorld();
    expect(() => createPurseClient({ ...options, clientSecret: '', tokenUrl: '' })).toThrow(/clientSecret, tokenUrl/);
    expect(() => createPurseClient({ ...options, xcoApiUrl: 'purse.test' })).toThrow(/xcoApiUrl must be an absolute/);
  });
});
