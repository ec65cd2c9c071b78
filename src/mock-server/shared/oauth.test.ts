import { describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { basicAuth, readProblem, setupMock } from '../test-support.ts';

const { clientId, clientSecret } = MOCK_CREDENTIALS;

describe('POST /oauth2/token', () => {
  it('grants a bearer token for client credentials sent with HTTP Basic', async () => {
    const { tokenResponse, purse } = setupMock();
    const response = await tokenResponse({ grant_type: 'client_credentials' }, { authorization: basicAuth(clientId, clientSecret) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    // The documented answer: no scope unless one was asked for.
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    expect((body.access_token as string).length).toBeGreaterThanOrEqual(40);
    expect(purse.control.tokenRequests()).toBe(1);
  });

  it('says the scope it granted when one was requested', async () => {
    const { tokenResponse } = setupMock();
    const response = await tokenResponse({ grant_type: 'client_credentials', scope: 'xco-api' }, { authorization: basicAuth(clientId, clientSecret) });
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'xco-api' });
  });

  it('accepts credentials in the form body too, and honours tokenTtlSeconds', async () => {
    const { tokenResponse } = setupMock({ tokenTtlSeconds: 120 });
    const response = await tokenResponse({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { expires_in: number }).expires_in).toBe(120);
  });

  it('refuses a wrong secret or unknown client with 401 invalid_client, and counts no grant', async () => {
    const { tokenResponse, purse } = setupMock();
    const basic = await tokenResponse({ grant_type: 'client_credentials' }, { authorization: basicAuth(clientId, 'nope') });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await basic.json()).toMatchObject({ error: 'invalid_client' });
    const form = await tokenResponse({ grant_type: 'client_credentials', client_id: 'someone', client_secret: clientSecret });
    expect(form.status).toBe(401);
    const none = await tokenResponse({ grant_type: 'client_credentials' });
    expect(await none.json()).toMatchObject({ error: 'invalid_client' });
    expect(purse.control.tokenRequests()).toBe(0);
  });

  it('refuses other grant types, a missing grant type and non-form bodies', async () => {
    const { tokenResponse, purse } = setupMock();
    const auth = { authorization: basicAuth(clientId, clientSecret) };
    const password = await tokenResponse({ grant_type: 'password' }, auth);
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect(await (await tokenResponse({}, auth)).json()).toMatchObject({ error: 'invalid_request' });
    const jsonBody = await purse.fetch(
      new Request('http://purse.test/oauth2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      }),
    );
    expect(jsonBody.status).toBe(400);
    expect(await jsonBody.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('bearer tokens on API routes', () => {
  it('answers 401 problem+json without a token, with an unknown one, or with a malformed header', async () => {
    const { call } = setupMock();
    for (const token of [null, 'not-a-token']) {
      const response = await call('GET', '/v1/users/exists?email=existing@example.com', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(await readProblem(response)).toMatchObject({ status: 401, title: 'Unauthorized', code: 'unauthorized' });
    }
  });

  it('accepts a token until tokenTtlSeconds have passed on the injected clock', async () => {
    const { call, token, clock } = setupMock({ tokenTtlSeconds: 60 });
    const access = await token();
    const path = '/v1/users/exists?email=existing@example.com';
    clock.advance(59_999);
    expect((await call('GET', path, { token: access })).status).toBe(200);
    clock.advance(1);
    const expired = await call('GET', path, { token: access });
    expect(expired.status).toBe(401);
    expect((await readProblem(expired)).detail).toMatch(/expired/);
    expect((await call('GET', path, { token: await token() })).status).toBe(200);
  });
});
