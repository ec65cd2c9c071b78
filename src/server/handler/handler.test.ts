// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import { createMemoryStore } from './store.ts';
import { checkoutShop, purseWorld, shop } from '../test-support.ts';

const EXISTING = { email: 'existing@example.com' };
const NEW_USER = { email: 'new.shopper@example.com', first_name: 'Ada', last_name: 'Lovelace' };

const read = async (response: Response) => ({ status: response.status, body: await response.json() });

/** start + verify through the handler; returns the consent challenge. */
async function verified(s: ReturnType<typeof shop>, identifier: XcoIdentifier, customer?: string) {
  expect((await s.post(routes.startPasswordless, identifier)).status).toBe(204);
  const code = s.purse.control.currentCode(identifier)!;
  const response = await s.post(routes.verifyPasswordless, { ...identifier, verification_code: code }, { customer });
  expect(response.status).toBe(200);
  return ((await response.json()) as { consent_challenge_id: string }).consent_challenge_id;
}

describe('createMerchantHandler: XCO routes', () => {
  it('checks a user and passes the shopper IP to Purse as caller_id', async () => {
    const s = shop();
    const { status, body } = await read(await s.send('GET', `${routes.checkUser}?email=existing%40example.com`));
    expect(status).toBe(200);
    // No customer: told whether the account exists, not how many payment methods its owner saved (xco-routes.test.ts).
    expect(body).toEqual({ exists: true, token_count: 0 });
    expect(s.calls('/v1/users/exists')[0]!.caller_id).toBe('198.51.100.4');
  });

  it('trusts no forwarding header unless told how many proxies set it', async () => {
    const untrusting = shop({ trustProxy: undefined });
    await untrusting.send('GET', `${routes.checkUser}?phone_number=%2B33612345678`, { headers: { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '192.0.2.9' } });
    expect(untrusting.calls('/v1/users/exists')[0]!.caller_id).toBeUndefined();
    const oneProxy = shop({ trustProxy: 1 });
    // The client wrote the first entry; the proxy appended the address it saw.
    await oneProxy.send('GET', `${routes.checkUser}?phone_number=%2B33612345678`, { headers: { 'x-forwarded-for': '203.0.113.66, 198.51.100.7' } });
    expect(oneProxy.calls('/v1/users/exists')[0]!.caller_id).toBe('198.51.100.7');
    const custom = shop({ callerId: () => 'socket-ip' });
    await custom.send('GET', `${routes.checkUser}?phone_number=%2B33612345678`);
    expect(custom.calls('/v1/users/exists')[0]!.caller_id).toBe('socket-ip');
  });

  it('takes the address alone from a forwarded entry written with its port (Azure’s proxies write 203.0.113.7:51234)', async () => {
    // With the port, each new connection of one client was a new caller: for Purse's rate limit and the guest quotas.
    const s = shop({ trustProxy: 1, lookupQuota: { limit: 2, windowMs: 60_000 } });
    const entries = ['203.0.113.7:51234', '203.0.113.7:51235', '[2001:db8::1]:443'];
    const statuses: number[] = [];
    for (const entry of entries) {
      s.browser.clear();
      statuses.push((await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { 'x-forwarded-for': entry } })).status);
    }
    expect(s.calls('/v1/users/exists').map((c) => c.caller_id)).toEqual(['203.0.113.7', '203.0.113.7', '2001:db8::1']);
    // Two lookups from one address, then its quota is spent whatever the port; the IPv6 caller is another one.
    expect(statuses).toEqual([200, 200, 200]);
    s.browser.clear();
    expect((await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { 'x-forwarded-for': '203.0.113.7:60000' } })).status).toBe(429);
  });

  it('creates the user for the session customer, ignoring a customer_reference in the body', async () => {
    const s = shop();
    s.accounts.set('cust_42', { email: NEW_USER.email });
    const response = await s.post(routes.createUser, { customer_reference: 'cust_victim', user: NEW_USER }, { customer: 'cust_42' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ user: expect.objectContaining(NEW_USER) });
    const created = s.purse.control.users().filter((u) => u.created_by === 'api');
    expect(created).toHaveLength(1);
    expect(created[0]!.customer_references).toEqual(['cust_42']);
  });

  it('refuses createUser, createConsent and getUser without a customer session, before calling Purse', async () => {
    const s = shop();
    const answers = [
      await s.post(routes.createUser, { customer_reference: 'cust_1', user: NEW_USER }),
      await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: crypto.randomUUID() }),
      await s.send('GET', routes.getUser),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await answer.json()).toMatchObject({ code: 'no_customer_session' });
    }
    expect(s.purse.control.requests()).toEqual([]);
  });

  it('links an existing XCO account: start, verify, consent, then reads the user back', async () => {
    const s = shop();
    const challenge = await verified(s, EXISTING);
    expect((await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: 'cust_7' })).status).toBe(204);
    expect(s.purse.control.consents()).toEqual([expect.objectContaining({ customer_reference: 'cust_7', via: 'consent_challenge' })]);
    const user = await read(await s.send('GET', routes.getUser, { customer: 'cust_7' }));
    expect(user).toMatchObject({ status: 200, body: { email: 'existing@example.com', last_name: 'Dupont' } });
    const passwordless = s.purse.control.requests().filter((r) => r.path.includes('/passwordless/'));
    expect(passwordless.map((r) => r.caller_id)).toEqual(['198.51.100.4', '198.51.100.4']);
  });

  it('accepts the nested { identifier } body shape of MerchantBackend inputs', async () => {
    const s = shop();
    const identifier = { phone_number: '+33698765432' };
    expect((await s.post(routes.startPasswordless, { identifier })).status).toBe(204);
    const code = s.purse.control.currentCode(identifier)!;
    const verify = await s.post(routes.verifyPasswordless, { identifier, verification_code: code });
    const { consent_challenge_id } = (await verify.json()) as { consent_challenge_id: string };
    const consent = await s.post(routes.createConsent, { identifier, consent_challenge_id }, { customer: 'cust_9' });
    expect(consent.status).toBe(204);
  });
});

describe('createMerchantHandler: consent challenges', () => {
  it('refuses a challenge for another identifier, and keeps it for the right one', async () => {
    const s = shop();
    const challenge = await verified(s, EXISTING);
    const other = await read(await s.post(routes.createConsent, { email: 'camille.martin@example.fr', consent_challenge_id: challenge }, { customer: 'cust_1' }));
    expect(other).toMatchObject({ status: 403, body: { code: 'consent_challenge_mismatch', errors: [{ pointer: '/email' }] } });
    // Case differences in an email are the same shopper.
    const right = await s.post(routes.createConsent, { email: 'Existing@Example.com', consent_challenge_id: challenge }, { customer: 'cust_1' });
    expect(right.status).toBe(204);
  });

  it('refuses a challenge verified in another customer session', async () => {
    const s = shop();
    const challenge = await verified(s, EXISTING, 'cust_owner');
    const stolen = await read(await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: 'cust_thief' }));
    expect(stolen).toMatchObject({ status: 403, body: { code: 'consent_challenge_mismatch' } });
    expect(s.calls(`/v1/merchants/${s.options.merchantId}/users/cust_thief/consents`)).toEqual([]);
    const owner = await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: 'cust_owner' });
    expect(owner.status).toBe(204);
  });

  it('refuses a reused challenge and one it never issued', async () => {
    const s = shop();
    const challenge = await verified(s, EXISTING);
    const body = { ...EXISTING, consent_challenge_id: challenge };
    expect((await s.post(routes.createConsent, body, { customer: 'cust_1' })).status).toBe(204);
    const reused = await read(await s.post(routes.createConsent, body, { customer: 'cust_1' }));
    expect(reused).toMatchObject({ status: 400, body: { code: 'consent_challenge_unknown' } });
    const unknown = await read(await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: crypto.randomUUID() }, { customer: 'cust_1' }));
    expect(unknown).toMatchObject({ status: 400, body: { code: 'consent_challenge_unknown', errors: [{ pointer: '/consent_challenge_id' }] } });
    expect(s.purse.control.consents()).toHaveLength(1);
  });

  it('forgets a challenge after its TTL', async () => {
    const s = shop({ consentChallengeTtlMs: 60_000 });
    const challenge = await verified(s, EXISTING);
    s.advance(61_000);
    const late = await s.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: 'cust_1' });
    expect(late.status).toBe(400);
  });

  it('gives the challenge back when Purse fails to answer, so the shopper can retry', async () => {
    const s = shop();
    const challenge = await verified(s, EXISTING);
    const path = `/v1/merchants/${s.options.merchantId}/users/cust_1/consents`;
    s.purse.control.setFault({ path, status: 503, times: 1 });
    const body = { ...EXISTING, consent_challenge_id: challenge };
    expect((await s.post(routes.createConsent, body, { customer: 'cust_1' })).status).toBe(503);
    expect((await s.post(routes.createConsent, body, { customer: 'cust_1' })).status).toBe(204);
  });
});

/** A shop whose customers cust_1 and cust_2 have the emails their XCO accounts are created with. */
function accountsShop(...args: Parameters<typeof shop>) {
  const s = shop(...args);
  s.accounts.set('cust_1', { email: NEW_USER.email });
  s.accounts.set('cust_2', { email: 'other@example.com' });
  return s;
}

describe('createMerchantHandler: idempotency', () => {
  it('replays the first answer for a repeated key: one user created', async () => {
    const s = accountsShop();
    const body = { user: NEW_USER };
    const first = await s.post(routes.createUser, body, { customer: 'cust_1', key: 'key-1' });
    const second = await s.post(routes.createUser, body, { customer: 'cust_1', key: 'key-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect([first, second].filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect(await second.json()).toEqual(await first.json());
    expect(s.purse.control.users().filter((u) => u.created_by === 'api')).toHaveLength(1);
  });

  it('makes a concurrent duplicate wait for the first request', async () => {
    const s = accountsShop();
    const path = `/v1/merchants/${s.options.merchantId}/users`;
    s.purse.control.setFault({ path, latencyMs: 50, times: 1 }); // keep the first request in flight a while
    const [a, b] = await Promise.all([
      s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'key-2' }),
      s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'key-2' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(s.calls(path)).toHaveLength(1);
    expect(s.purse.control.users().filter((u) => u.created_by === 'api')).toHaveLength(1);
  });

  it('answers 409 when a key is reused with another body', async () => {
    const s = accountsShop();
    await s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'key-3' });
    const reused = await read(await s.post(routes.createUser, { user: { ...NEW_USER, first_name: 'Grace' } }, { customer: 'cust_1', key: 'key-3' }));
    expect(reused).toMatchObject({ status: 409, body: { code: 'idempotency_key_reused' } });
  });

  it('does not replay one shopper’s answer to another using the same key', async () => {
    const s = accountsShop();
    await s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'shared' });
    const other = await s.post(routes.createUser, { user: { email: 'other@example.com' } }, { customer: 'cust_2', key: 'shared' });
    expect(other.status).toBe(201);
    expect(await other.json()).toMatchObject({ user: { email: 'other@example.com' } });
  });

  it('does not store a 5xx, so a retry with the same key runs again', async () => {
    const s = accountsShop();
    s.purse.control.setFault({ path: `/v1/merchants/${s.options.merchantId}/users`, status: 500, times: 1 });
    expect((await s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'key-4' })).status).toBe(500);
    const retry = await s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'key-4' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  // After an attempt whose answer was lost (Purse may have acted), the retry sends Purse that attempt's request again:
  // a "retry" with another body must be refused, not answered with what the first body asked for.
  it('answers 409 when a key is reused with another body after an attempt whose answer was lost', async () => {
    const s = checkoutShop();
    const path = '/payment/v2/client-sessions';
    s.purse.control.setFault({ path, method: 'POST', status: 503, after: true, times: 1 });
    const lost = await s.post(routes.createSession, { integration_mode: 'HOSTED_PAGE' }, { customer: 'cust_1', key: 'lost-1' });
    expect(lost.status).toBeGreaterThanOrEqual(500);
    const other = await read(await s.post(routes.createSession, { integration_mode: 'EMBEDDED' }, { customer: 'cust_1', key: 'lost-1' }));
    expect(other).toMatchObject({ status: 409, body: { code: 'idempotency_key_reused' } });
    // The real retry still gets the session Purse made for the first attempt: one session at Purse, hosted.
    const retry = await read(await s.post(routes.createSession, { integration_mode: 'HOSTED_PAGE' }, { customer: 'cust_1', key: 'lost-1' }));
    expect(retry).toMatchObject({ status: 201, body: { integration_mode: 'HOSTED_PAGE' } });
    expect(s.purse.control.sessions()).toHaveLength(1);
  });

  it('answers 409 when an account creation is retried with another account after its answer was lost', async () => {
    const s = accountsShop();
    s.purse.control.setFault({ path: `/v1/merchants/${s.options.merchantId}/users`, status: 503, after: true, times: 1 });
    expect((await s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'lost-2' })).status).toBeGreaterThanOrEqual(500);
    const other = await read(await s.post(routes.createUser, { user: { ...NEW_USER, first_name: 'Grace' } }, { customer: 'cust_1', key: 'lost-2' }));
    expect(other).toMatchObject({ status: 409, body: { code: 'idempotency_key_reused' } });
    const retry = await read(await s.post(routes.createUser, { user: NEW_USER }, { customer: 'cust_1', key: 'lost-2' }));
    expect(retry).toMatchObject({ status: 201, body: { user: { email: NEW_USER.email } } });
    expect(s.purse.control.users().filter((u) => u.created_by === 'api')).toHaveLength(1);
  });

  it('works across instances that share one store (challenges and keys)', async () => {
    const world = purseWorld();
    const store = createMemoryStore({ now: world.now });
    const guestCookie = { secret: 'one secret for every instance' };
    const a = accountsShop({ store, guestCookie }, world);
    const b = accountsShop({ store, guestCookie }, world);
    const challenge = await verified(a, EXISTING);
    // The same browser (the guest cookie a issued), answered by instance b.
    const consent = await b.post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: 'cust_1', browser: a.browser });
    expect(consent.status).toBe(204);

    const path = `/v1/merchants/${world.options.merchantId}/users`;
    world.purse.control.setFault({ path, latencyMs: 120, times: 1 });
    const [first, second] = await Promise.all([
      a.post(routes.createUser, { user: { email: 'other@example.com' } }, { customer: 'cust_2', key: 'multi' }),
      b.post(routes.createUser, { user: { email: 'other@example.com' } }, { customer: 'cust_2', key: 'multi' }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first, second].filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect(world.calls(path)).toHaveLength(1);
  });

  it('without a shared store, another instance does not know the challenge', async () => {
    const world = purseWorld();
    const challenge = await verified(shop({}, world), EXISTING);
    const other = await shop({}, world).post(routes.createConsent, { ...EXISTING, consent_challenge_id: challenge }, { customer: 'cust_1' });
    expect(other.status).toBe(400);
  });
});
