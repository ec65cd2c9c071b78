import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SigningJwks } from '../../core/wire/payment.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { withRedirectToken } from './checkout.ts';
import { keySetOf, setupPurse, signingJwks, START, tokenOf } from './test-support.ts';

async function redirectOf(api: ReturnType<typeof setupPurse>['api'], ok: ReturnType<typeof setupPurse>['ok'], card?: string) {
  const session = await api.createSession();
  const result = await ok<{ redirect_url: string; payment_id: string }>(api.pay(session, card), 201);
  return { session, ...result };
}

describe('redirect token and signing JWKS', () => {
  it('signs RS256 with a published kid: payload as documented, exp = iat + 10 min by the clock', async () => {
    const { api, ok, purse } = setupPurse();
    const { session, redirect_url, payment_id } = await redirectOf(api, ok);
    expect(redirect_url.startsWith('https://shop.test/return?order=o-1&purse-redirection-data=')).toBe(true);
    const token = tokenOf(redirect_url);
    const jwks = await signingJwks(purse);
    expect(jwks.keys).toHaveLength(1);
    // A number, as in the sample; the token header carries its decimal form.
    expect(typeof jwks.keys[0]!.kid).toBe('number');
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(String(jwks.keys[0]!.kid)).toBe(decodeProtectedHeader(token).kid);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(keySetOf(jwks)), {
      algorithms: ['RS256'],
      currentDate: new Date(START),
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toEqual({
      client_session_id: session.id,
      payment_id,
      authorization_status: 'AUTHORIZED',
      client_session_status: 'SUBMITTED',
      iat: START / 1000,
      exp: START / 1000 + 600,
    });
  });

  it('answers only with the API key (the api_key scheme), never for a bearer token alone or a wrong key', async () => {
    const { call, purse } = setupPurse();
    const withToken = await call('GET', '/payment/v2/signing-jwks');
    expect(withToken.status).toBe(401);
    expect(await withToken.json()).toMatchObject({ detail: expect.stringMatching(/x-api-key/) });
    expect((await call('GET', '/payment/v2/signing-jwks', undefined, { 'x-api-key': 'not-the-key' }, false)).status).toBe(401);
    const withKey = await call('GET', '/payment/v2/signing-jwks', undefined, { 'x-api-key': MOCK_CREDENTIALS.apiKey }, false);
    expect(((await withKey.json()) as SigningJwks).keys).toEqual((await signingJwks(purse)).keys);
  });

  it('carries the refused and pending outcomes', async () => {
    const { api, ok } = setupPurse();
    for (const [card, status] of [['4000 0000 0000 0002', 'REFUSED'], ['4000 0000 0000 0077', 'PENDING']]) {
      const { redirect_url } = await redirectOf(api, ok, card);
      const claims = JSON.parse(atob(tokenOf(redirect_url).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
      expect(claims.authorization_status).toBe(status);
    }
  });

  it('rotates: new tokens use the new kid, the previous key stays published, old tokens still verify', async () => {
    const { api, ok, purse, call } = setupPurse();
    const before = tokenOf((await redirectOf(api, ok)).redirect_url);
    const { kid } = await purse.control.rotateSigningKey();
    const after = tokenOf((await redirectOf(api, ok)).redirect_url);
    expect(decodeProtectedHeader(after).kid).toBe(kid);
    expect(decodeProtectedHeader(before).kid).not.toBe(kid);
    const jwks = keySetOf(await signingJwks(purse));
    expect(jwks.keys.map((k) => k.kid)).toEqual([kid, decodeProtectedHeader(before).kid]);
    const keySet = createLocalJWKSet(jwks);
    for (const token of [before, after]) await expect(jwtVerify(token, keySet, { currentDate: new Date(START) })).resolves.toBeTruthy();

    const response = await call('POST', '/__mock/signing-keys/rotate', undefined, {}, false);
    const { kid: third } = (await response.json()) as { kid: string };
    const latest = keySetOf(await signingJwks(purse));
    expect(latest.keys.map((k) => k.kid)).toEqual([third, kid]);
    // The first key is gone: a verifier must refuse the oldest token now.
    await expect(jwtVerify(before, createLocalJWKSet(latest), { currentDate: new Date(START) })).rejects.toThrow();
  });

  it('is refused past exp', async () => {
    const { api, ok, purse } = setupPurse();
    const token = tokenOf((await redirectOf(api, ok)).redirect_url);
    const jwks = keySetOf(await signingJwks(purse));
    await expect(jwtVerify(token, createLocalJWKSet(jwks), { currentDate: new Date(START + 601_000) })).rejects.toThrow(/exp/);
  });

  it('appends the token with ? or &, before any fragment', () => {
    expect(withRedirectToken('https://a.test/r', 'T')).toBe('https://a.test/r?purse-redirection-data=T');
    expect(withRedirectToken('https://a.test/r?x=1#top', 'T')).toBe('https://a.test/r?x=1&purse-redirection-data=T#top');
    expect(withRedirectToken('https://a.test/r?', 'T')).toBe('https://a.test/r?purse-redirection-data=T');
  });
});
