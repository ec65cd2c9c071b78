// @vitest-environment node
// createRedirectVerifier with its `jwksUrl` option: a key set published at a URL of our choosing, with a numeric kid
// as in Purse's JWKS sample, to check the claim rules the mock's tokens do not exercise (nbf, missing exp).
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createRedirectVerifier, isRedirectTokenError, type RedirectTokenFailure } from './redirect-token.ts';

const NOW = Date.parse('2025-03-01T10:00:00Z');
const JWKS_URL = 'https://keys.test/signing-jwks';
const CLAIMS = { client_session_id: '9753ec77-fc16-4886-92af-c7dcf9b7352d', payment_id: 'e3a6516b-0ec4-4a5b-92b0-7bb9693e82c1', authorization_status: 'AUTHORIZED', client_session_status: 'SUBMITTED' };

async function setup(options: { requireExpiry?: boolean } = {}) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const { n, e } = await exportJWK(publicKey);
  const seen: Request[] = [];
  const verifier = createRedirectVerifier({
    jwksUrl: JWKS_URL,
    now: () => NOW,
    ...options,
    fetch: async (input, init) => {
      seen.push(new Request(input, init));
      return Response.json({ keys: [{ kty: 'RSA', e, kid: 12345, n }] });
    },
  });
  const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: '12345' })).sign(privateKey);
  return { verifier, sign, seen };
}

async function reason(promise: Promise<unknown>): Promise<RedirectTokenFailure> {
  try {
    await promise;
  } catch (error) {
    if (isRedirectTokenError(error)) return error.reason;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

const seconds = (ms: number) => Math.floor(ms / 1000);

describe('createRedirectVerifier with jwksUrl', () => {
  it('verifies against a numeric kid, fetching the URL without credentials', async () => {
    const { verifier, sign, seen } = await setup();
    const token = await sign(CLAIMS, (jwt) => jwt.setExpirationTime(seconds(NOW) + 600));
    await expect(verifier.verify(token)).resolves.toMatchObject(CLAIMS);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(JWKS_URL);
    expect(seen[0]!.headers.get('authorization')).toBeNull();
  });

  it('refuses a token whose nbf is ahead of the clock tolerance', async () => {
    const { verifier, sign } = await setup();
    const early = await sign(CLAIMS, (jwt) => jwt.setNotBefore(seconds(NOW) + 120).setExpirationTime(seconds(NOW) + 600));
    expect(await reason(verifier.verify(early))).toBe('not_yet_valid');
    const skewed = await sign(CLAIMS, (jwt) => jwt.setNotBefore(seconds(NOW) + 10).setExpirationTime(seconds(NOW) + 600));
    await expect(verifier.verify(skewed)).resolves.toMatchObject(CLAIMS);
  });

  it('requires exp unless told otherwise', async () => {
    const strict = await setup();
    expect(await reason(strict.verifier.verify(await strict.sign(CLAIMS)))).toBe('claims');
    const lenient = await setup({ requireExpiry: false });
    await expect(lenient.verifier.verify(await lenient.sign(CLAIMS))).resolves.toMatchObject(CLAIMS);
  });

  it('refuses claims without a usable client_session_id', async () => {
    const { verifier, sign } = await setup();
    const exp = (jwt: SignJWT) => jwt.setExpirationTime(seconds(NOW) + 600);
    expect(await reason(verifier.verify(await sign({ ...CLAIMS, client_session_id: undefined }, exp)))).toBe('claims');
    expect(await reason(verifier.verify(await sign({ ...CLAIMS, client_session_id: '../../x' }, exp)))).toBe('claims');
    expect(await reason(verifier.verify(await sign({ ...CLAIMS, payment_id: 42 }, exp)))).toBe('claims');
  });

  it('needs a client or a jwksUrl', () => {
    expect(() => createRedirectVerifier({})).toThrow(/client.*jwksUrl/);
  });
});
