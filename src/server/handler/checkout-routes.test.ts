// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { MOCK_CREDENTIALS } from '../../mock-server/index.ts';
import { CARDS, checkoutShop, cookieJar, purseWorld, RETURN_URL, shop } from '../test-support.ts';
import { createPurseClient } from '../purse/client.ts';
import { createMemoryStore } from './store.ts';

const read = async (response: Response) => ({ status: response.status, body: await response.json() });
const SESSIONS = '/payment/v2/client-sessions';

describe('createMerchantHandler: createSession', () => {
  it('takes amount, currency, order, customer and redirect URL from the merchant, never from the body', async () => {
    const s = checkoutShop();
    const forged = {
      amount: 1,
      currency: 'JPY',
      order: { reference: 'forged' },
      customer: { reference: 'cust_victim', email: 'victim@example.com' },
      shopper_redirection_url: 'https://evil.test/steal',
      capture_mode: 'AUTOMATIC',
      entity_id: '00000000-0000-4000-8000-000000000000',
      order_reference: 'cart-7',
    };
    const { status, body } = await read(await s.post(routes.createSession, forged, { customer: 'cust_42' }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ amount: 4299, currency: 'EUR', status: 'CREATED', integration_mode: 'EMBEDDED' });
    const [session] = s.purse.control.sessions();
    expect(session).toMatchObject({
      id: body.id,
      amount: 4299,
      currency: 'EUR',
      capture_mode: 'MANUAL',
      entity_id: MOCK_CREDENTIALS.entityId,
      shopper_redirection_url: RETURN_URL,
      order: { reference: 'order-cust_42' },
      customer: { reference: 'cust_42', email: 'cust_42@example.com' },
    });
    // The browser's order_reference reaches resolveOrder as a name to look up, with the session's customer.
    expect(s.resolved).toEqual([{ order_reference: 'cart-7', customer: 'cust_42' }]);
  });

  it('answers the shopper-safe CheckoutSession view: widget for EMBEDDED, hosted_page_url for HOSTED_PAGE', async () => {
    const s = checkoutShop();
    const embedded = (await (await s.post(routes.createSession, {}, { customer: 'cust_1' })).json()) as CheckoutSession;
    expect(Object.keys(embedded).sort()).toEqual([
      'amount',
      'currency',
      'eligible_solutions',
      'expired',
      'expires_at',
      'expires_in_ms',
      'id',
      'integration_mode',
      'shopper_redirection_url',
      'status',
      'widget',
    ]);
    // The shop's own return page (a closed checkout leads the shopper there, to the payment's status).
    const purseEmbedded = s.purse.control.sessions().find((x) => x.id === embedded.id)!;
    expect(embedded.shopper_redirection_url).toBe(purseEmbedded.shopper_redirection_url);
    expect(embedded.widget).toEqual({ data: expect.any(String), js_url: expect.stringMatching(/purse\.js$/) });
    expect(embedded.eligible_solutions.length).toBeGreaterThan(0);

    const hosted = (await (await s.post(routes.createSession, { integration_mode: 'HOSTED_PAGE' }, { customer: 'cust_1' })).json()) as CheckoutSession;
    expect(hosted.integration_mode).toBe('HOSTED_PAGE');
    expect(hosted.widget).toBeUndefined();
    const purseSession = s.purse.control.sessions().find((x) => x.id === hosted.id)!;
    expect(hosted.hosted_page_url).toBe(purseSession.links.hosted_page!.href);
  });

  it('refuses an integration mode the merchant does not allow, before calling Purse', async () => {
    const s = checkoutShop({ checkout: { shopperRedirectionUrl: RETURN_URL } }); // default: EMBEDDED only
    for (const integration_mode of ['HOSTED_PAGE', 'POPUP', 42]) {
      const { status, body } = await read(await s.post(routes.createSession, { integration_mode }, { customer: 'cust_1' }));
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'validation_error', errors: [{ pointer: '/integration_mode', detail: 'Use one of EMBEDDED.' }] });
    }
    expect(s.calls(SESSIONS)).toEqual([]);
    expect((await s.post(routes.createSession, { integration_mode: 'EMBEDDED' }, { customer: 'cust_1' })).status).toBe(201);
  });

  it('answers 404 when resolveOrder has nothing to pay, and 501 without resolveOrder', async () => {
    const s = checkoutShop({ resolveOrder: () => null });
    expect(await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).toMatchObject({ status: 404, body: { code: 'order_not_found' } });
    const bare = shop();
    expect(await read(await bare.post(routes.createSession, {}, { customer: 'cust_1' }))).toMatchObject({ status: 501, body: { code: 'checkout_not_configured' } });
    expect(s.calls(SESSIONS)).toEqual([]);
  });

  it('reports a bad order from resolveOrder as the merchant’s misconfiguration, in the log only', async () => {
    const s = checkoutShop({ resolveOrder: () => ({ amount: 42.99, currency: 'EUR', order: { reference: 'o-1' } }) });
    const { status, body } = await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(status).toBe(500);
    expect(body.code).toBe('checkout_misconfigured');
    expect(JSON.stringify(body)).not.toContain('42.99');
    expect(s.logs).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('amount 42.99') })]);
  });

  it('names an amount given as a string as a string (a database numeric column), not as the number it reads like', async () => {
    const s = checkoutShop({ resolveOrder: () => ({ amount: '4299' as unknown as number, currency: 'EUR', order: { reference: 'o-1' } }) });
    expect(await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).toMatchObject({ status: 500, body: { code: 'checkout_misconfigured' } });
    expect(s.logs).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('amount "4299" (a string)') })]);
    expect(s.calls(SESSIONS)).toEqual([]);
  });

  it('reports an order Purse refuses (the merchant’s data: a malformed customer email) as the merchant’s misconfiguration, logged with Purse’s pointers', async () => {
    const s = checkoutShop();
    s.orders.set('cust_1', { amount: 4299, currency: 'EUR', order: { reference: 'o-1' }, customer: { reference: 'cust_1', email: 'not-an-email' } });
    for (const route of [routes.createSession, routes.eligibleSolutions]) {
      const { status, body } = await read(await s.post(route, {}, { customer: 'cust_1' }));
      // Not a validation error of a field the shopper never saw: the shop's setup, which trying again cannot fix.
      expect(status).toBe(500);
      expect(body.code).toBe('checkout_misconfigured');
      expect(body.errors).toBeUndefined();
    }
    const logged = s.logs.filter((l) => l.level === 'error' && /Purse refused the order resolveOrder returned/.test(l.message));
    expect(logged).toHaveLength(2);
    expect(logged[0]!.message).toContain('/customer/email');
    expect(JSON.stringify(s.logs)).not.toContain('not-an-email');
  });

  it('builds the redirect URL per request when given a function', async () => {
    const s = checkoutShop({
      checkout: { shopperRedirectionUrl: (_request, order) => `${RETURN_URL}?order=${order.order.reference}` },
    });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_5' })).status).toBe(201);
    expect(s.purse.control.sessions()[0]!.shopper_redirection_url).toBe(`${RETURN_URL}?order=order-cust_5`);
  });

  it('takes a URL object as the redirect URL, given or returned (untyped code: new URL(…) without .href)', async () => {
    // It worked until the check for paths; since, every checkout answered 500 with a log saying the URL it printed,
    // "https://shop.test/checkout/return", was not an absolute URL.
    const returned = checkoutShop({ checkout: { shopperRedirectionUrl: ((request: Request) => new URL('/checkout/return', request.url)) as never } });
    expect((await returned.post(routes.createSession, {}, { customer: 'cust_5' })).status).toBe(201);
    expect(returned.purse.control.sessions()[0]!.shopper_redirection_url).toBe(RETURN_URL);
    const given = checkoutShop({ checkout: { shopperRedirectionUrl: new URL(RETURN_URL) as never } });
    expect((await given.post(routes.createSession, {}, { customer: 'cust_5' })).status).toBe(201);
    expect(given.purse.control.sessions()[0]!.shopper_redirection_url).toBe(RETURN_URL);
    // A URL object naming a path elsewhere than http(s) is refused at creation, as its string is.
    expect(() => checkoutShop({ checkout: { shopperRedirectionUrl: new URL('javascript:alert(1)') as never } })).toThrow(/shopperRedirectionUrl must be an absolute http\(s\) URL/);
  });

  it('throws at creation when resolveOrder comes without a redirect URL', () => {
    expect(() => shop({ resolveOrder: () => null })).toThrow(/checkout\.shopperRedirectionUrl/);
  });

  it('throws at creation when the redirect URL is a path, saying what to give instead', () => {
    // Purse sends the shopper to this URL from its own pages: a path means nothing there.
    for (const url of ['/checkout/return', 'shop.example/return', 'javascript:alert(1)']) {
      expect(() => checkoutShop({ checkout: { shopperRedirectionUrl: url } })).toThrow(/shopperRedirectionUrl must be an absolute http\(s\) URL, your shop's public one.*or a function/);
    }
    expect(() => checkoutShop({ checkout: { shopperRedirectionUrl: RETURN_URL } })).not.toThrow();
  });

  it('throws at creation on a wrong checkout option when the Purse configuration is read later', () => {
    // The Quickstart's `purse: () => purseConfigFromEnv(process.env)`: these mistakes were found only by the first
    // request, which answered 500 purse_not_configured ("Purse is not configured") on every route, signup included.
    const world = purseWorld();
    const lazy = { purse: () => world.client };
    expect(() => shop({ ...lazy, resolveOrder: () => null })).toThrow(/checkout\.shopperRedirectionUrl/);
    expect(() =>
      shop({ ...lazy, resolveOrder: () => null, checkout: { shopperRedirectionUrl: RETURN_URL, allowedIntegrationModes: ['EMBEDED' as never] } }),
    ).toThrow(/allowedIntegrationModes/);
    // @ts-expect-error: a merchant's JavaScript passing an order instead of a function
    expect(() => shop({ ...lazy, resolveOrder: { amount: 1 } })).toThrow(/resolveOrder must be a function/);
  });

  it('creates one Purse session for a double submit with the same Idempotency-Key', async () => {
    const s = checkoutShop();
    const [a, b] = await Promise.all([
      s.post(routes.createSession, {}, { customer: 'cust_1', key: 'pay-click-1' }),
      s.post(routes.createSession, {}, { customer: 'cust_1', key: 'pay-click-1' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await a.json()).id).toBe((await b.json()).id);
    expect(s.calls(SESSIONS)).toHaveLength(1);
  });
});

describe('createMerchantHandler: createSession for an order Purse already took a payment for', () => {
  // The checkout page reloaded after a payment whose answer was lost, or opened in a second tab: a new intent (new
  // key) for the same order. A second session would let the shopper pay the order twice.
  it('answers the submitted session (200, SUBMITTED), not a second one, and lets the shopper see its payment', async () => {
    const s = checkoutShop();
    const { session, paymentId } = await s.checkout('cust_1');
    const again = await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(again).toMatchObject({ status: 200, body: { id: session.id, status: 'SUBMITTED', shopper_redirection_url: RETURN_URL } });
    expect(s.purse.control.sessions()).toHaveLength(1);
    expect((await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_1' })).status).toBe(200);
  });

  it('does the same while the payment is pending, and for a HOSTED_PAGE request', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1', CARDS.pending);
    const again = await read(await s.post(routes.createSession, { integration_mode: 'HOSTED_PAGE' }, { customer: 'cust_1' }));
    expect(again).toMatchObject({ status: 200, body: { id: session.id, status: 'SUBMITTED' } });
    expect(s.purse.control.sessions()).toHaveLength(1);
  });

  it('creates a new session after a refused payment, for an open or aborted session, and for another order', async () => {
    const s = checkoutShop();
    await s.checkout('cust_1', CARDS.refused);
    expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201); // after a refusal
    expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201); // the last one is open
    const open = (await (await s.post(routes.createSession, {}, { customer: 'cust_2' })).json()) as CheckoutSession;
    await s.post(`${routes.session}${open.id}/abort`, {}, { customer: 'cust_2' });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_2' })).status).toBe(201); // aborted
    await s.checkout('cust_3');
    s.orders.set('cust_3', { amount: 1000, currency: 'EUR', order: { reference: 'order-cust_3-next' } });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_3' })).status).toBe(201); // the next order
    expect(s.purse.control.sessions()).toHaveLength(7);
  });

  it('aborts the order’s earlier open session once its new one exists (one payable session per order)', async () => {
    const s = checkoutShop();
    const first = (await (await s.post(routes.createSession, {}, { customer: 'cust_1' })).json()) as CheckoutSession;
    const second = (await (await s.post(routes.createSession, {}, { customer: 'cust_1' })).json()) as CheckoutSession;
    const status = (id: string) => s.purse.control.sessions().find((session) => session.id === id)?.status;
    expect([status(first.id), status(second.id)]).toEqual(['ABORTED_BY_MERCHANT', 'CREATED']);
    // The earlier tab's drop-in can no longer pay; the new one can.
    await expect(s.pay(first)).rejects.toThrow(/409/);
    await s.pay(second);
    // An expired session (a renewal's predecessor) is left as it is: nothing can pay it, no call is spent on it.
    const third = (await (await s.post(routes.createSession, {}, { customer: 'cust_2' })).json()) as CheckoutSession;
    s.advance(24 * 60 * 60_000);
    const abortPath = `${SESSIONS}/${third.id}/abort`;
    expect((await s.post(routes.createSession, {}, { customer: 'cust_2' })).status).toBe(201);
    expect(s.calls(abortPath)).toHaveLength(0);
  });

  it('still answers the new session when the earlier one cannot be aborted (tried twice, not hammered; logged)', async () => {
    const s = checkoutShop();
    const first = (await (await s.post(routes.createSession, {}, { customer: 'cust_1' })).json()) as CheckoutSession;
    const abort = `${SESSIONS}/${first.id}/abort`;
    s.purse.control.setFault({ path: abort, method: 'POST', status: 503, times: 5 });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201);
    expect(s.purse.control.requests().filter((r) => r.method === 'POST' && r.path === abort)).toHaveLength(2);
    expect(s.logs.some((entry) => entry.message.includes('could not abort') && entry.details?.session === first.id)).toBe(true);
  });

  it('takes a paid reference asked again for another amount as another purchase, which never erases the paid one', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1');
    s.orders.set('cust_1', { amount: 9999, currency: 'EUR', order: { reference: 'order-cust_1' } });
    const other = await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(other).toMatchObject({ status: 201, body: { amount: 9999, status: 'CREATED' } });
    // The cart back to what was paid (an item added, then removed): the paid session, not a second one to pay.
    s.orders.delete('cust_1');
    const back = await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(back).toMatchObject({ status: 200, body: { id: session.id, amount: 4299, status: 'SUBMITTED' } });
  });

  it('aborts the order’s open session when its cart changes (another amount): one payable session still', async () => {
    const s = checkoutShop();
    const first = (await (await s.post(routes.createSession, {}, { customer: 'cust_1' })).json()) as CheckoutSession;
    s.orders.set('cust_1', { amount: 5000, currency: 'EUR', order: { reference: 'order-cust_1' } });
    const second = await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(second).toMatchObject({ status: 201, body: { amount: 5000 } });
    const status = (id: string) => s.purse.control.sessions().find((session) => session.id === id)?.status;
    expect([status(first.id), status(second.body.id)]).toEqual(['ABORTED_BY_MERCHANT', 'CREATED']);
  });

  it('keeps one shopper’s paid order from another’s, with the same order reference', async () => {
    const s = checkoutShop();
    await s.checkout(undefined, CARDS.authorized, cookieJar()); // a guest pays 'order-guest'
    const other = await s.post(routes.createSession, {}, { browser: cookieJar() });
    expect(other.status).toBe(201);
  });

  it('creates a new session when Purse no longer knows the order’s last one', async () => {
    const world = purseWorld();
    const store = createMemoryStore({ now: world.now });
    await checkoutShop({ store }, world).checkout('cust_1');
    // Another Purse (a reset sandbox), the same store: the remembered session is unknown there.
    const again = checkoutShop({ store });
    expect((await again.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201);
  });

  it('fails closed when Purse cannot tell: no second session', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1');
    s.purse.control.setFault({ path: `${SESSIONS}/${session.id}`, method: 'GET', status: 503, times: 1 });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBeGreaterThanOrEqual(500);
    expect(s.purse.control.sessions()).toHaveLength(1);
    expect((await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).status).toBe(200);
  });
});

describe('createMerchantHandler: the session\'s time left, by the merchant server\'s clock', () => {
  // The checkout's expiry timer counts this from when the answer arrives: the shopper's clock, minutes off, moves nothing.
  const left = (view: CheckoutSession) => view.expires_in_ms;

  it('answers how long the session has left when it answers, and 0 once it is past', async () => {
    const s = checkoutShop();
    const created = (await read(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body as CheckoutSession;
    expect(left(created)).toBe(Date.parse(created.expires_at) - s.now());
    s.advance(60_000);
    const later = (await read(await s.send('GET', `${routes.session}${created.id}`, { customer: 'cust_1' }))).body as CheckoutSession;
    expect(left(later)).toBe(left(created)! - 60_000);
    s.advance(left(later)! + 1);
    const past = (await read(await s.send('GET', `${routes.session}${created.id}`, { customer: 'cust_1' }))).body as CheckoutSession;
    expect(past).toMatchObject({ expires_in_ms: 0, expired: true });
  });

  it('counts a replayed answer (a retry of the intent, a minute later) from the replay, not from the first answer', async () => {
    const s = checkoutShop();
    const first = (await read(await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'create-1' }))).body as CheckoutSession;
    s.advance(60_000);
    const again = await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'create-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const replayed = (await read(again)) as { status: number; body: CheckoutSession };
    expect(replayed).toMatchObject({ status: 201, body: { id: first.id, expires_in_ms: left(first)! - 60_000, expired: false } });
    expect(s.purse.control.sessions()).toHaveLength(1);

    const cancel = () => s.post(`${routes.session}${first.id}/abort`, {}, { customer: 'cust_1', key: 'cancel-1' });
    const aborted = (await read(await cancel())).body as CheckoutSession;
    s.advance(60_000);
    expect((await read(await cancel())).body).toEqual({ ...aborted, expires_in_ms: left(aborted)! - 60_000 });
  });
});

describe('createMerchantHandler: getSession and abortSession', () => {
  async function created(s: ReturnType<typeof checkoutShop>, customer: string) {
    return (await (await s.post(routes.createSession, {}, { customer })).json()) as CheckoutSession;
  }

  it('reads the customer’s own session from Purse', async () => {
    const s = checkoutShop();
    const session = await created(s, 'cust_1');
    const { status, body } = await read(await s.send('GET', `${routes.session}${session.id}`, { customer: 'cust_1' }));
    expect(status).toBe(200);
    expect(body).toEqual(session);
    expect(s.calls(`${SESSIONS}/${session.id}`)).toHaveLength(1);
  });

  it('refuses another customer’s session, a guest, and sessions it did not create, without asking Purse', async () => {
    const s = checkoutShop();
    const session = await created(s, 'cust_owner');
    const path = `${routes.session}${session.id}`;
    const refusal = { status: 404, body: { code: 'session_not_found' } };
    expect(await read(await s.send('GET', path, { customer: 'cust_thief' }))).toMatchObject(refusal);
    expect(await read(await s.send('GET', path))).toMatchObject(refusal);
    expect(await read(await s.post(`${path}/abort`, {}, { customer: 'cust_thief' }))).toMatchObject(refusal);
    const unknown = await read(await s.send('GET', `${routes.session}${crypto.randomUUID()}`, { customer: 'cust_owner' }));
    expect(unknown).toMatchObject({ status: 404, body: { code: 'session_not_found' } });
    expect(s.calls(`${SESSIONS}/${session.id}`)).toEqual([]);
    expect(s.calls(`${SESSIONS}/${session.id}/abort`)).toEqual([]);
    expect(s.purse.control.sessions()[0]!.status).toBe('CREATED');
  });

  it('keeps guests’ sessions apart from signed-in customers’', async () => {
    const s = checkoutShop();
    const guest = await created(s, '');
    expect((await s.send('GET', `${routes.session}${guest.id}`)).status).toBe(200);
    expect((await s.send('GET', `${routes.session}${guest.id}`, { customer: 'cust_1' })).status).toBe(404);
  });

  it('aborts as ABORTED_BY_CUSTOMER, once for a double submit', async () => {
    const s = checkoutShop();
    const session = await created(s, 'cust_1');
    const abort = () => s.post(`${routes.session}${session.id}/abort`, {}, { customer: 'cust_1', key: 'cancel-1' });
    const [a, b] = await Promise.all([abort(), abort()]);
    expect(await read(a)).toMatchObject({ status: 200, body: { id: session.id, status: 'ABORTED_BY_CUSTOMER' } });
    expect(b.status).toBe(200);
    expect(s.calls(`${SESSIONS}/${session.id}/abort`)).toHaveLength(1);
    expect(s.purse.control.sessions()[0]!.status).toBe('ABORTED_BY_CUSTOMER');
  });

  it('passes Purse’s refusal to abort a submitted session on', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1');
    const refused = await read(await s.post(`${routes.session}${session.id}/abort`, {}, { customer: 'cust_1' }));
    expect(refused.status).toBe(400);
    expect(refused.body).not.toHaveProperty('instance');
  });

  it('passes Purse’s refusal on when the session reads as aborted but names a payment that holds money', async () => {
    // The abort route answers a refused cancel as done when the session is aborted already (another tab's session
    // superseded it). An aborted session keeps its payment's id, and its payment decides (classifySession): one that
    // holds money is no cancelled payment. Purse here reports the session aborted while its payment is authorized.
    const world = purseWorld();
    const aborted = new Set<string>();
    const client = createPurseClient({
      ...world.options,
      fetch: async (input, init) => {
        const response = await world.options.fetch!(input, init);
        const id = new URL(String(input)).pathname.split('/').at(-1)!;
        if ((init?.method ?? 'GET') !== 'GET' || !aborted.has(id) || !response.ok) return response;
        const body = { ...((await response.json()) as object), status: 'ABORTED_BY_MERCHANT' };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const s = checkoutShop({ purse: client }, world);
    const { session, paymentId } = await s.checkout('cust_1');
    expect((await world.client.getPayment(paymentId)).authorization.status).toBe('AUTHORIZED');
    aborted.add(session.id);
    const refused = await read(await s.post(`${routes.session}${session.id}/abort`, {}, { customer: 'cust_1' }));
    expect(refused.status).toBe(400);
  });

  it('answers a cancel of a session aborted already, whose payment was refused, as cancelled', async () => {
    const s = checkoutShop();
    const { session, paymentId } = await s.checkout('cust_1', CARDS.refused);
    await s.client.abortClientSession(session.id, 'ABORTED_BY_MERCHANT');
    const cancelled = await read(await s.post(`${routes.session}${session.id}/abort`, {}, { customer: 'cust_1' }));
    expect(cancelled).toMatchObject({ status: 200, body: { id: session.id, status: 'ABORTED_BY_MERCHANT', payment_id: paymentId } });
  });

  it('rejects malformed ids and wrong methods', async () => {
    const s = checkoutShop();
    expect((await s.send('GET', `${routes.session}..%2F..%2Fxco%2Fuser`, { customer: 'cust_1' })).status).toBe(404);
    expect((await s.send('GET', `${routes.session}a/b`, { customer: 'cust_1' })).status).toBe(404);
    expect((await s.send('DELETE', `${routes.session}abc`, { customer: 'cust_1' })).status).toBe(405);
    expect(s.purse.control.requests()).toEqual([]);
  });
});

describe('createMerchantHandler: eligibleSolutions', () => {
  it('asks Purse with the resolved order and answers only partner and method', async () => {
    const s = checkoutShop();
    s.orders.set('cust_1', { amount: 150000, currency: 'GBP', order: { reference: 'big' } });
    const { status, body } = await read(await s.post(routes.eligibleSolutions, { amount: 1, currency: 'EUR' }, { customer: 'cust_1' }));
    expect(status).toBe(200);
    expect(body.eligible_solutions.length).toBeGreaterThan(0);
    for (const solution of body.eligible_solutions) expect(Object.keys(solution).sort()).toEqual(['method', 'partner']);
    expect(s.calls('/payment/v2/eligible-solutions')).toHaveLength(1);
    expect(s.resolved).toEqual([{ order_reference: undefined, customer: 'cust_1' }]);
  });
});
