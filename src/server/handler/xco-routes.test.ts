// @vitest-environment node
// The browser adapter (createHttpBackend) against the real handler against the real mock, all in process: the two
// sides of src/core/backend/routes.ts agree on paths, bodies, answers and errors.
import { describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import { routes } from '../../core/backend/routes.ts';
import { kitError, shop } from '../test-support.ts';

function browser(customer?: string, options: { dropFirstAnswer?: boolean; email?: string } = {}) {
  const s = shop();
  if (customer && options.email) s.accounts.set(customer, { email: options.email });
  let dropped = false;
  const backend = createHttpBackend({
    baseUrl: 'https://shop.test/api/purse',
    retry: { sleep: async () => undefined },
    fetch: async (input, init) => {
      const headers = new Headers(init.headers);
      if (customer) headers.set('x-session', customer);
      const response = await s.handler(new Request(input, { ...init, headers }));
      // The answer is lost on the way back (a flaky mobile connection): the browser sees a network error.
      if (options.dropFirstAnswer && init.method === 'POST' && !dropped) {
        dropped = true;
        throw new TypeError('Failed to fetch');
      }
      return response;
    },
  });
  return { ...s, backend };
}

describe('createHttpBackend ⇄ createMerchantHandler ⇄ Purse mock', () => {
  it('new shopper: check 1 + create 1, one user linked to the session customer', async () => {
    const b = browser('cust_new', { email: 'fresh@example.com' });
    expect(await b.backend.checkUser({ email: 'fresh@example.com' })).toEqual({ exists: false, token_count: 0 });
    const { user } = await b.backend.createUser({ user: { email: 'fresh@example.com', first_name: 'Fresh' } });
    expect(user).toMatchObject({ email: 'fresh@example.com' });
    const api = b.purse.control.requests().filter((r) => r.path !== '/oauth2/token');
    expect(api.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(b.purse.control.users().filter((u) => u.created_by === 'api')[0]!.customer_references).toEqual(['cust_new']);
  });

  it('existing shopper: wrong code, right code, consent', async () => {
    const b = browser('cust_link');
    const identifier = { email: 'existing@example.com' };
    expect(await b.backend.checkUser(identifier)).toMatchObject({ exists: true });
    await b.backend.startPasswordless(identifier);
    const code = b.purse.control.currentCode(identifier)!;
    const wrong = await kitError(b.backend.verifyPasswordless({ identifier, verification_code: code === '000000' ? '111111' : '000000' }));
    expect(wrong).toMatchObject({ kind: 'invalid_code', attemptsLeft: 4 });
    const verified = await b.backend.verifyPasswordless({ identifier, verification_code: code });
    await b.backend.createConsent({ identifier, consent_challenge_id: verified.consent_challenge_id });
    expect(b.purse.control.consents()).toEqual([expect.objectContaining({ customer_reference: 'cust_link' })]);
    await expect(b.backend.getUser()).resolves.toMatchObject({ email: 'existing@example.com' });
  });

  it("getUser: no account linked is the handler's own 404, xco_account_not_linked (what the account view reads as none)", async () => {
    const b = browser('cust_nobody');
    expect(await kitError(b.backend.getUser())).toEqual({ kind: 'request', status: 404, code: 'xco_account_not_linked', message: expect.any(String) });
  });

  it('tells whether an account exists, but its saved payment methods only to the customer it is linked to', async () => {
    // Anyone may ask whether an email has a Purse account (the signup needs it); how many cards its owner saved is theirs.
    const b = browser('cust_link');
    const identifier = { email: 'existing@example.com' };
    expect(await b.backend.checkUser(identifier)).toEqual({ exists: true, token_count: 0 });
    await b.backend.startPasswordless(identifier);
    const verified = await b.backend.verifyPasswordless({ identifier, verification_code: b.purse.control.currentCode(identifier)! });
    await b.backend.createConsent({ identifier, consent_challenge_id: verified.consent_challenge_id });
    // The account view reads the linked account, then asks with its email or phone.
    await b.backend.getUser();
    expect(await b.backend.checkUser(identifier)).toEqual({ exists: true, token_count: 2 });
    expect(await b.backend.checkUser({ phone_number: '+33612345678' })).toEqual({ exists: true, token_count: 2 });
    expect(await b.backend.checkUser({ email: 'camille.martin@example.fr' })).toEqual({ exists: true, token_count: 0 });
    const stranger = browser();
    expect(await stranger.backend.checkUser({ email: 'camille.martin@example.fr' })).toEqual({ exists: true, token_count: 0 });
  });

  it('a stranger cannot tell an account with saved payment methods from one without: the same work, the same answer', async () => {
    // Work done only for accounts with saved methods (resolving the customer, reading the store) would show in the time
    // of the answer, and as a 500 from a resolveCustomer that throws for guests.
    const resolveCustomer = vi.fn((request: Request) => request.headers.get('x-session'));
    const s = shop({ resolveCustomer });
    const ask = async (email: string) => {
      resolveCustomer.mockClear();
      const answer = await s.send('GET', `${routes.checkUser}?email=${encodeURIComponent(email)}`);
      return { body: await answer.json(), resolved: resolveCustomer.mock.calls.length };
    };
    const withCards = await ask('existing@example.com'); // 2 saved methods
    const withoutCards = await ask('sam.taylor@example.com'); // none
    expect(withCards).toEqual({ body: { exists: true, token_count: 0 }, resolved: withoutCards.resolved });
    expect(withoutCards.body).toEqual({ exists: true, token_count: 0 });

    const throwing = shop({
      resolveCustomer: (request: Request) => {
        if (!request.headers.get('x-session')) throw new Error('no session cookie');
        return request.headers.get('x-session');
      },
    });
    const statuses = await Promise.all(
      ['existing@example.com', 'sam.taylor@example.com'].map(async (email) => (await throwing.send('GET', `${routes.checkUser}?email=${encodeURIComponent(email)}`)).status),
    );
    expect(statuses).toEqual([200, 200]);
  });

  it('maps validation pointers to form fields and throttled resends to rate_limited', async () => {
    const b = browser('cust_v', { email: 'valid@example.com' });
    const invalid = await kitError(b.backend.createUser({ user: { email: 'nope' } }));
    expect(invalid).toMatchObject({ kind: 'validation', fields: { 'user.email': expect.any(String) } });
    await b.backend.startPasswordless({ email: 'existing@example.com' });
    const throttled = await kitError(b.backend.startPasswordless({ email: 'existing@example.com' }, { idempotencyKey: 'resend-1' }));
    expect(throttled.kind).toBe('rate_limited');
  });

  it('a POST whose answer was lost is retried by the adapter and replayed by the handler: one user', async () => {
    const b = browser('cust_retry', { dropFirstAnswer: true, email: 'flaky@example.com' });
    const { user } = await b.backend.createUser({ user: { email: 'flaky@example.com' } });
    expect(user).toMatchObject({ email: 'flaky@example.com' });
    expect(b.purse.control.users().filter((u) => u.created_by === 'api')).toHaveLength(1);
  });
});
