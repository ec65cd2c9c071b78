import { describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { ORIGIN, pointersOf, problemOf, sessionBody, setupPurse, START } from './test-support.ts';

describe('POST /payment/v2/client-sessions', () => {
  it('honours Idempotency-Key: same key and body → the same session; another body → 409 "Idempotency violation"', async () => {
    const { call, purse } = setupPurse();
    const key = { 'idempotency-key': 'intent-1' };
    const first = await call('POST', '/payment/v2/client-sessions', sessionBody(), key);
    const again = await call('POST', '/payment/v2/client-sessions', sessionBody(), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const other = await call('POST', '/payment/v2/client-sessions', sessionBody({ amount: 1 }), key);
    expect(other.status).toBe(409);
    expect(await problemOf(other)).toMatchObject({ title: 'Conflict', detail: expect.stringContaining('Idempotency violation') });
    expect(purse.control.sessions()).toHaveLength(1);
  });

  it('creates an EMBEDDED session: CREATED, expires_at from the clock, widget data and Drop-in Checkout js_url', async () => {
    const { api } = setupPurse();
    const session = await api.createSession({ webhook: { url: 'https://shop.test/hook' } });
    expect(session).toMatchObject({
      status: 'CREATED',
      amount: 12000,
      currency: 'EUR',
      entity_id: MOCK_CREDENTIALS.entityId,
      capture_mode: 'MANUAL',
      integration_mode: 'EMBEDDED',
      allow_future_usage: false,
      order: { reference: 'o-1' },
      shopper_redirection_url: 'https://shop.test/return?order=o-1',
      expires_at: new Date(START + 30 * 60_000).toISOString(),
      widget: { js_url: `${ORIGIN}/dropin-checkout/stable/purse.js` },
      // As the create sample: `self` only (a CREATED session still aborts).
      links: { self: { href: `/v2/client-sessions/${session.id}`, method: 'GET' } },
    });
    expect(Object.keys(session.links)).toEqual(['self']);
    expect(session.widget!.data).toMatch(/^[\w-]{20,}$/);
    expect(session.links.hosted_page).toBeUndefined();
    expect(await api.getSession(session.id)).toEqual(session);
  });

  it('gives HOSTED_PAGE sessions a hosted page link and no widget', async () => {
    const { api } = setupPurse();
    const session = await api.createSession({ integration_mode: 'HOSTED_PAGE' });
    expect(session.widget).toBeUndefined();
    expect(session.links.hosted_page).toEqual({
      href: `${ORIGIN}/entities/${MOCK_CREDENTIALS.entityId}/sessions/${session.id}`,
      method: 'GET',
    });
  });

  it('follows the sessionTtlMs option and the drop-in generation, changeable at run time', async () => {
    const { api, purse, call } = setupPurse({ sessionTtlMs: 60_000, dropinGeneration: 'widget-v3' });
    const first = await api.createSession();
    expect(first.expires_at).toBe(new Date(START + 60_000).toISOString());
    expect(first.widget!.js_url).toBe(`${ORIGIN}/dropin/v3-stable/purse.js`);
    purse.control.setDropinGeneration('dropin-checkout');
    expect((await api.createSession()).widget!.js_url).toBe(`${ORIGIN}/dropin-checkout/stable/purse.js`);
    expect((await call('POST', '/__mock/config', { dropinGeneration: 'widget-v3' }, {}, false)).status).toBe(204);
    expect((await api.createSession()).widget!.js_url).toBe(`${ORIGIN}/dropin/v3-stable/purse.js`);
    expect((await call('POST', '/__mock/config', { dropinGeneration: 'v2' }, {}, false)).status).toBe(400);
    expect(() => purse.control.setDropinGeneration('v9' as never)).toThrow(/dropin-checkout/);
    // A session keeps the script it was created with.
    expect((await api.getSession(first.id)).widget!.js_url).toBe(`${ORIGIN}/dropin/v3-stable/purse.js`);
    purse.control.reset();
    expect((await api.createSession()).widget!.js_url).toBe(`${ORIGIN}/dropin/v3-stable/purse.js`);
  });

  it('offers eligible solutions by amount and currency', async () => {
    const { api } = setupPurse();
    const methods = async (overrides: Record<string, unknown>) =>
      (await api.createSession(overrides)).eligible_solutions!.map((s) => `${s.method}/${s.partner}`);
    expect(await methods({ amount: 12000 })).toEqual(['creditcard/dalenys', 'wallet/paypal', 'giftcard/illicado', 'cb3x/oney']);
    expect(await methods({ amount: 5000 })).toEqual(['creditcard/dalenys', 'wallet/paypal', 'giftcard/illicado']);
    expect(await methods({ amount: 4299, currency: 'JPY' })).toEqual(['creditcard/dalenys']);
    expect(await methods({ amount: 0, allow_future_usage: true })).toEqual(['creditcard/dalenys']);
  });

  it.each([
    ['an unknown entity', { entity_id: '5e3a0862-7cc3-4427-92ba-9e1e9595f571' }, ['/entity_id']],
    ['a malformed entity', { entity_id: 'entity' }, ['/entity_id']],
    ['an unknown currency', { currency: 'SEK' }, ['/currency']],
    ['a decimal amount', { amount: 42.99 }, ['/amount']],
    ['a negative amount', { amount: -1 }, ['/amount']],
    ['a zero amount without allow_future_usage', { amount: 0 }, ['/amount']],
    ['a relative redirection URL', { shopper_redirection_url: '/return' }, ['/shopper_redirection_url']],
    ['no redirection URL', { shopper_redirection_url: undefined }, ['/shopper_redirection_url']],
    ['no order', { order: undefined }, ['/order']],
    ['an order without reference', { order: {} }, ['/order/reference']],
    ['a bad capture mode', { capture_mode: 'LATER' }, ['/capture_mode']],
    ['a bad integration mode', { integration_mode: 'IFRAME' }, ['/integration_mode']],
    ['a webhook without URL', { webhook: { headers: [] } }, ['/webhook/url']],
    ['bad webhook headers', { webhook: { url: 'https://shop.test/h', headers: [{ name: 'x' }] } }, ['/webhook/headers']],
    ['a bad email', { customer: { email: 'nope' } }, ['/customer/email']],
    ['an unknown field', { colour: 'red' }, ['/colour']],
    [
      'future usage without a mandate challenge',
      { allow_future_usage: true, three_ds_authentication_options: { challenge_indicator: 'NO_CHALLENGE_REQUESTED' } },
      ['/three_ds_authentication_options/challenge_indicator'],
    ],
  ])('refuses %s with a 400 problem pointing at the field', async (_name, overrides, pointers) => {
    const { call } = setupPurse();
    const response = await call('POST', '/payment/v2/client-sessions', sessionBody(overrides));
    expect(response.status).toBe(400);
    expect(pointersOf(await problemOf(response))).toEqual(pointers);
  });

  it('accepts a zero amount with allow_future_usage and a mandate challenge', async () => {
    const { api } = setupPurse();
    const session = await api.createSession({
      amount: 0,
      allow_future_usage: true,
      three_ds_authentication_options: { challenge_indicator: 'CHALLENGE_REQUESTED_BY_MERCHANT' },
    });
    expect(session).toMatchObject({ amount: 0, allow_future_usage: true });
  });

  it('requires the bearer token, and answers 404 for an unknown session', async () => {
    const { call } = setupPurse();
    expect((await call('POST', '/payment/v2/client-sessions', sessionBody(), {}, false)).status).toBe(401);
    const response = await call('GET', '/payment/v2/client-sessions/3fa85f64-5717-4562-b3fc-2c963f66afa6');
    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe('client_session_not_found');
  });
});

describe('abort and expiry', () => {
  it('aborts a CREATED session, repeats harmlessly, refuses the other abort status', async () => {
    const { api, call } = setupPurse();
    const session = await api.createSession();
    const abort = (status: string) => call('POST', `/payment/v2/client-sessions/${session.id}/abort`, { status });
    const response = await abort('ABORTED_BY_CUSTOMER');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ABORTED_BY_CUSTOMER' });
    expect((await abort('ABORTED_BY_CUSTOMER')).status).toBe(200);
    expect((await abort('ABORTED_BY_MERCHANT')).status).toBe(400);
    expect((await api.getSession(session.id)).links.abort).toBeUndefined();
    expect(pointersOf(await problemOf(await abort('CANCELLED')))).toEqual(['/status']);
  });

  it('refuses to abort a SUBMITTED session whose payment holds money (400, no abort link), and to pay an aborted one', async () => {
    const { api, call } = setupPurse();
    for (const card of ['4111 1111 1111 1111', '4000 0000 0000 0077']) {
      const submitted = await api.createSession();
      expect((await api.pay(submitted, card)).status).toBe(201);
      const refused = await call('POST', `/payment/v2/client-sessions/${submitted.id}/abort`, { status: 'ABORTED_BY_MERCHANT' });
      expect(refused.status).toBe(400);
      expect((await problemOf(refused)).detail).toMatch(/SUBMITTED.*void the payment/);
      const session = await api.getSession(submitted.id);
      expect(session).toMatchObject({ status: 'SUBMITTED', links: { payment: { href: `/v2/payments/${session.payment_id}` } } });
      expect(session.links.abort).toBeUndefined();
    }

    const aborted = await api.createSession();
    await call('POST', `/payment/v2/client-sessions/${aborted.id}/abort`, { status: 'ABORTED_BY_MERCHANT' });
    const payment = await api.pay(aborted);
    expect(payment.status).toBe(409);
    expect((await problemOf(payment)).code).toBe('SESSION_ABORTED');
  });

  it('offers and performs the abort of a SUBMITTED session whose payment was refused, as the samples show', async () => {
    const { api, call } = setupPurse();
    const session = await api.createSession();
    expect((await api.pay(session, '4000 0000 0000 0002')).status).toBe(201);
    const submitted = await api.getSession(session.id);
    expect(submitted.links).toEqual({
      self: { href: `/v2/client-sessions/${session.id}`, method: 'GET' },
      abort: { href: `/v2/client-sessions/${session.id}/abort`, method: 'POST' },
      payment: { href: `/v2/payments/${submitted.payment_id}`, method: 'GET' },
    });
    const aborted = await call('POST', `/payment/v2/client-sessions/${session.id}/abort`, { status: 'ABORTED_BY_MERCHANT' });
    expect(aborted.status).toBe(200);
    // The abort sample: the payment id stays, the links shrink to self.
    expect(await aborted.json()).toMatchObject({
      status: 'ABORTED_BY_MERCHANT',
      payment_id: submitted.payment_id,
      links: { self: { href: `/v2/client-sessions/${session.id}`, method: 'GET' } },
    });
    expect(Object.keys((await api.getSession(session.id)).links)).toEqual(['self']);
    expect((await api.getPayment(submitted.payment_id!)).authorization.status).toBe('REFUSED');
  });

  it('expires by the clock: the drop-in API reports it and refuses payment with 410', async () => {
    const { api, clock, purse } = setupPurse({ sessionTtlMs: 60_000 });
    const session = await api.createSession();
    const state = async () => {
      const response = await purse.fetch(
        new Request(`${ORIGIN}/dropin/api/session`, { headers: { authorization: `Widget ${session.widget!.data}` } }),
      );
      return (await response.json()) as { availability: string; expires_in_ms: number };
    };
    expect(await state()).toMatchObject({ availability: 'open', expires_in_ms: 60_000 });
    clock.advance(60_000);
    expect(await state()).toMatchObject({ availability: 'expired', expires_in_ms: 0 });
    const response = await api.pay(session);
    expect(response.status).toBe(410);
    expect((await problemOf(response)).code).toBe('SESSION_EXPIRED');
    // The API status stays CREATED (Purse has no EXPIRED session status); expires_at tells.
    expect((await api.getSession(session.id)).status).toBe('CREATED');
  });

  it('control.expireSession and POST /__mock/sessions/{id}/expire end a session now', async () => {
    const { api, purse, call } = setupPurse();
    const first = await api.createSession();
    expect(purse.control.expireSession(first.id).expires_at).toBe(new Date(START).toISOString());
    expect((await api.pay(first)).status).toBe(410);
    const second = await api.createSession();
    expect((await call('POST', `/__mock/sessions/${second.id}/expire`, undefined, {}, false)).status).toBe(200);
    expect((await api.pay(second)).status).toBe(410);
    expect(() => purse.control.expireSession('nope')).toThrow(/no client session/);
  });
});

describe('POST /payment/v2/eligible-solutions', () => {
  it('answers amount, currency and the solutions; validates like sessions', async () => {
    const { call, ok } = setupPurse();
    const body = { entity_id: MOCK_CREDENTIALS.entityId, amount: 4299, currency: 'GBP', order: { reference: 'o' } };
    expect(await ok(call('POST', '/payment/v2/eligible-solutions', body))).toEqual({
      amount: 4299,
      currency: 'GBP',
      eligible_solutions: [
        { partner: 'dalenys', method: 'creditcard' },
        { partner: 'paypal', method: 'wallet' },
      ],
    });
    const bad = await call('POST', '/payment/v2/eligible-solutions', { ...body, currency: 'XXX', order: undefined });
    expect(pointersOf(await problemOf(bad))).toEqual(['/currency', '/order']);
  });
});
