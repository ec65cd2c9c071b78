// @vitest-environment node
// The redirect token through the handler's verifyRedirect route, against tokens the mock really signs (RS256, kid).
import { exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VerifiedRedirect } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { CARDS, checkoutShop, purseWorld } from '../test-support.ts';

const JWKS = '/payment/v2/signing-jwks';
const read = async (response: Response) => ({ status: response.status, body: await response.json() });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string };

function verify(s: ReturnType<typeof checkoutShop>, token: string, customer?: string) {
  return s.post(routes.verifyRedirect, { token }, { customer });
}

async function refused(s: ReturnType<typeof checkoutShop>, token: string, reason: string, customer = 'cust_1') {
  const { status, body } = await read(await verify(s, token, customer));
  expect(status).toBe(400);
  expect(body).toMatchObject({ code: 'invalid_redirect_token', reason });
  return body as { detail: string };
}

describe('verifyRedirect: a genuine token', () => {
  it('answers the session and payment as Purse has them now, not as the token says', async () => {
    const s = checkoutShop();
    const { session, paymentId, token } = await s.checkout('cust_1', CARDS.pending);
    expect(claimsOf(token)).toMatchObject({ client_session_id: session.id, payment_id: paymentId, authorization_status: 'PENDING' });
    s.purse.control.settlePayment(paymentId, 'AUTHORIZED');

    const { status, body } = await read(await verify(s, token, 'cust_1'));
    expect(status).toBe(200);
    const verified = body as VerifiedRedirect;
    expect(verified).toMatchObject({ client_session_id: session.id, client_session_status: 'SUBMITTED', payment_id: paymentId });
    expect(verified.payment).toMatchObject({ id: paymentId, authorization_status: 'AUTHORIZED', amount: 4299, currency: 'EUR' });
    expect(s.calls(`/payment/v2/client-sessions/${session.id}`)).toHaveLength(1);
    expect(s.calls(`/payment/v2/payments/${paymentId}`)).toHaveLength(1);
  });

  it('shows a refused payment as refused', async () => {
    const s = checkoutShop();
    const { token } = await s.checkout('cust_1', CARDS.refused);
    const { body } = await read(await verify(s, token, 'cust_1'));
    expect(body.payment.authorization_status).toBe('REFUSED');
  });

  it('fetches the JWKS once for many verifications, and shares the first fetch', async () => {
    const s = checkoutShop();
    const tokens = await Promise.all(['cust_1', 'cust_2', 'cust_3'].map(async (c) => ({ c, token: (await s.checkout(c)).token })));
    const answers = await Promise.all(tokens.map(({ c, token }) => verify(s, token, c)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await verify(s, tokens[0]!.token, 'cust_1')).status).toBe(200);
    expect(s.calls(JWKS)).toHaveLength(1);
  });

  it('refuses the token of another customer’s session', async () => {
    const s = checkoutShop();
    const { token, paymentId } = await s.checkout('cust_owner');
    expect(await read(await verify(s, token, 'cust_thief'))).toMatchObject({ status: 404, body: { code: 'session_not_found' } });
    expect(s.calls(`/payment/v2/payments/${paymentId}`)).toEqual([]);
  });

  it('accepts a verified token for a session this handler did not create (a payment link)', async () => {
    const world = purseWorld();
    const s = checkoutShop({}, world);
    const link = await world.client.createPaymentLink({
      amount: 2500,
      currency: 'EUR',
      shopper_redirection_url: 'https://shop.test/checkout/return',
      order: { reference: 'link-order' },
      expires_at: new Date(world.now() + 86_400_000).toISOString(),
    });
    const page = await world.purse.fetch(new Request(link.links.customer_url.href)); // opens a hosted session
    expect(page.status).toBe(200);
    const [linkSession] = (await world.client.getPaymentLink(link.id)).client_sessions;
    const hosted = world.purse.control.sessions().find((x) => x.id === linkSession!.id)!;
    const paid = await world.purse.fetch(
      new Request(new URL(`${hosted.links.hosted_page!.href}/pay`), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ card_number: CARDS.authorized, expiry: '12/30', cvc: '123' }),
        redirect: 'manual',
      }),
    );
    const token = new URL(paid.headers.get('location')!).searchParams.get('purse-redirection-data')!;
    const { status, body } = await read(await verify(s, token, 'cust_any'));
    expect(status).toBe(200);
    expect(body.payment).toMatchObject({ payment_link_id: link.id, authorization_status: 'AUTHORIZED', amount: 2500 });
  });
});

describe('verifyRedirect: tokens to refuse', () => {
  it('refuses alg "none" before looking at any key', async () => {
    const s = checkoutShop();
    const { token } = await s.checkout('cust_1');
    const unsigned = new UnsecuredJWT(claimsOf(token)).setExpirationTime('5m').encode();
    expect((await refused(s, unsigned, 'algorithm')).detail).toMatch(/only RS256/);
    expect(s.calls(JWKS)).toEqual([]);
    expect(s.calls('/payment/v2/payments/' + claimsOf(token).payment_id)).toEqual([]);
  });

  it('refuses HS256 signed with the published public key (algorithm confusion)', async () => {
    const s = checkoutShop();
    const { token } = await s.checkout('cust_1');
    const jwks = await s.client.getSigningJwks();
    const publicKey = await importJWK({ ...jwks.keys[0]!, kid: String(jwks.keys[0]!.kid) } as never, 'RS256', { extractable: true });
    const secrets = [new TextEncoder().encode(await exportSPKI(publicKey as CryptoKey)), new TextEncoder().encode(JSON.stringify(jwks.keys[0]))];
    for (const secret of secrets) {
      const forged = await new SignJWT({ ...claimsOf(token), authorization_status: 'AUTHORIZED' })
        .setProtectedHeader({ alg: 'HS256', kid: headerOf(token).kid })
        .sign(secret);
      await refused(s, forged, 'algorithm');
    }
  });

  it('refuses a tampered payload', async () => {
    const s = checkoutShop();
    const mine = await s.checkout('cust_1');
    const other = await s.checkout('cust_2');
    const [header, , signature] = mine.token.split('.');
    const tampered = `${header}.${b64({ ...claimsOf(mine.token), client_session_id: other.session.id, payment_id: other.paymentId })}.${signature}`;
    await refused(s, tampered, 'signature');
    expect(s.calls(`/payment/v2/payments/${other.paymentId}`)).toEqual([]);
  });

  it('refuses an expired token (past exp and the 30 s tolerance), accepts it within the tolerance', async () => {
    const s = checkoutShop();
    const { token } = await s.checkout('cust_1');
    s.advance(10 * 60_000 + 20_000); // the mock's tokens live 10 min
    expect((await verify(s, token, 'cust_1')).status).toBe(200);
    s.advance(11_000);
    expect((await refused(s, token, 'expired')).detail).toMatch(/expired/);
  });

  it('refuses garbage with a clear error', async () => {
    const s = checkoutShop();
    for (const token of ['abc', 'a.b.c', `${b64({ alg: 'RS256' })}.e30`, 'x'.repeat(9000)]) await refused(s, token, 'malformed');
    await refused(s, `${b64({ alg: 'RS256' })}.%%%.sig`, 'signature');
    const missing = await read(await s.post(routes.verifyRedirect, {}, { customer: 'cust_1' }));
    expect(missing).toMatchObject({ status: 400, body: { code: 'validation_error', errors: [{ pointer: '/token' }] } });
  });
});

describe('verifyRedirect: signing keys', () => {
  it('refetches the JWKS once when Purse rotated its key, then verifies', async () => {
    const s = checkoutShop();
    expect((await verify(s, (await s.checkout('cust_1')).token, 'cust_1')).status).toBe(200);
    const { kid } = await s.purse.control.rotateSigningKey();
    // Other orders (one order is paid once: its next session request gets the submitted session).
    const { token } = await s.checkout('cust_2');
    expect(headerOf(token).kid).toBe(kid);
    expect((await verify(s, token, 'cust_2')).status).toBe(200);
    expect((await verify(s, (await s.checkout('cust_3')).token, 'cust_3')).status).toBe(200);
    expect(s.calls(JWKS)).toHaveLength(2);
  });

  it('refuses a token signed by a key Purse never published, refetching at most once per cooldown', async () => {
    const s = checkoutShop();
    const { token } = await s.checkout('cust_1');
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (kid: string) =>
      new SignJWT({ ...claimsOf(token), authorization_status: 'AUTHORIZED' })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuedAt(Math.floor(s.now() / 1000))
        .setExpirationTime(Math.floor(s.now() / 1000) + 300)
        .sign(privateKey);
    expect((await verify(s, token, 'cust_1')).status).toBe(200); // keys cached
    expect((await refused(s, await forge('attacker-1'), 'unknown_key')).detail).toMatch(/unknown signing key/);
    expect(s.calls(JWKS)).toHaveLength(2);
    await refused(s, await forge('attacker-2'), 'unknown_key');
    expect(s.calls(JWKS)).toHaveLength(2);
    // The forger's key under the real kid: the signature does not verify.
    await refused(s, await forge(headerOf(token).kid), 'signature');
  });

  it('answers 502, not "invalid token", when the JWKS cannot be fetched', async () => {
    const s = checkoutShop();
    const { token } = await s.checkout('cust_1');
    s.purse.control.setFault({ path: JWKS, status: 503, times: 1 });
    expect((await verify(s, token, 'cust_1')).status).toBe(503);
    expect((await verify(s, token, 'cust_1')).status).toBe(200);
  });

  it('without the API key the keys cannot be read: 502 for the shopper (never "invalid token"), nothing asked of Purse', async () => {
    const s = checkoutShop({}, purseWorld({ apiKey: undefined }));
    const { token } = await s.checkout('cust_1');
    const { status, body } = await read(await verify(s, token, 'cust_1'));
    expect(status).toBe(502);
    expect(body).not.toMatchObject({ code: 'invalid_redirect_token' });
    expect(s.calls(JWKS)).toEqual([]);
    // What to set, for the developer reading the answer; it said "Purse answered 0" and listed every setting but this one.
    expect(body.detail).toContain('PURSE_API_KEY');
    expect(body.detail).not.toMatch(/answered 0/);
  });
});
