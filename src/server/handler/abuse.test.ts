// @vitest-environment node
// Attacks on the merchant handler as an attacker, a careless merchant and a flaky network would play them, each against
// the real handler + Purse mock; each failed on the handler before its fix.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { checkoutShop, cookieJar, purseWorld } from '../test-support.ts';
import { createMemoryStore } from './store.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('store growth an anonymous caller controls', () => {
  // Defect (fixed): for a guest, overQuota (mutation.ts) increments the per-shopper counter BEFORE the per-IP counter. A guest
  // without a cookie gets a new scope per Idempotency-Key (shopper.ts mint), so every request — including every one the
  // per-IP quota refuses with 429 — writes one more `purse-kit:quota:g22:…` record that lives for the quota window.
  // One IP, over its quota, keeps filling the shared store until every shopper's write answers 503 store_full (memory
  // store), or Redis reaches maxmemory. The README says per-IP quotas bound cookie-dropping guests: they do not.
  it('a guest over its per-IP quota cannot keep writing records: another shopper still gets a session', async () => {
    const store = createMemoryStore({ maxEntries: 60 });
    const s = checkoutShop({ store, quota: { limit: 3, windowMs: 60 * 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      // No cookie kept (a fresh browser each time), a fresh key each time, one IP (the shop's X-Forwarded-For).
      statuses.push((await s.post(routes.createSession, {}, { browser: cookieJar() })).status);
    }
    // Before the fix: [201 ×3, 429 ×47, 503 ×50] — the refused requests themselves filled the store.
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(97);
    // A customer on another IP: their session must still be created (the flood was refused 97 times).
    const victim = await s.post(routes.createSession, {}, { customer: 'cust_victim', headers: { 'x-forwarded-for': '192.0.2.9, 10.0.0.1' } });
    expect(victim.status).toBe(201);
  });
});

describe('a 409 from Purse on the retry of a lost answer', () => {
  // Defect (fixed: purse-problem.ts answers a Purse `conflict` 503 + Retry-After, not stored): Purse's Payment API answers 409 to an Idempotency-Key whose first request is still running (the kit's own
  // PaymentApi error message says so: "or its first request is still running"). The handler retries with exactly the
  // request the first attempt sent (intent.ts), so a 409 on a retry can only mean that. But withIdempotency
  // (idempotency.ts isFinal) stores every status < 500 but 429 as the intent's final answer for 24 h: the 409 is
  // replayed to every later retry, and the shopper never gets the session Purse did create. intent.ts already treats
  // 409 as "not decided" (isDefinitiveRefusal excludes it); the idempotency layer should too.
  it('replays the session Purse created once Purse is done, not a stored 409', async () => {
    const world = purseWorld({ timeoutMs: 250 });
    const s = checkoutShop({}, world);
    const path = '/payment/v2/client-sessions';
    const key = randomUUID();
    // 1st attempt: Purse acts, but slower than the handler waits (504, the browser retries with the same key).
    s.purse.control.setFault({ path, method: 'POST', latencyMs: 700, times: 1 });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_1', key })).status).toBe(504);
    // 2nd attempt, while Purse is still busy with the 1st: Purse says the key's first request is still running.
    s.purse.control.setFault({
      path,
      method: 'POST',
      status: 409,
      body: { title: 'Conflict', status: 409, detail: 'Idempotency violation: a request with this key is in progress.' },
      times: 1,
    });
    // Before the fix the handler passed the 409 on and stored it as the intent's answer; now a 503 the browser retries.
    const second = await s.post(routes.createSession, {}, { customer: 'cust_1', key });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    await sleep(800); // Purse finished the 1st request
    expect(s.purse.control.sessions()).toHaveLength(1);
    // 3rd attempt, same key: Purse replays the session; the shopper must get it.
    const third = await s.post(routes.createSession, {}, { customer: 'cust_1', key });
    expect(third.status).toBe(201);
    expect(((await third.json()) as CheckoutSession).id).toBe(s.purse.control.sessions()[0]!.id);
  });
});

describe('signed-in customers still never see another browser’s guest sessions', () => {
  it('a customer on another browser, or another guest, is refused the guest’s session and payment', async () => {
    const s = checkoutShop();
    const browser = cookieJar();
    const { session, paymentId, token } = await s.checkout(undefined, undefined, browser);
    for (const init of [{ customer: 'cust_new', browser: cookieJar() }, { browser: cookieJar() }, { customer: 'cust_other', browser: cookieJar() }]) {
      expect((await s.post(routes.verifyRedirect, { token }, init)).status).toBe(404);
      expect((await s.send('GET', `${routes.session}${session.id}`, init)).status).toBe(404);
      expect((await s.send('GET', `${routes.payment}${paymentId}`, init)).status).toBe(404);
    }
  });
});

describe('a malformed answer from Purse', () => {
  // Defect (fixed: payment-api.ts also checks those lists): payment-api.ts checks a payment's shape (id, authorization.status, amounts) and a session's (id, status),
  // but the views then walk lists the check never looked at (authorization.partner_transactions, split, captures,
  // refunds, voids, eligible_solutions). One that is not a list of objects throws a TypeError in views.ts: 500
  // internal_error and a "failed" log line blaming the merchant's server, where an unreadable Purse answer is
  // 502 purse_invalid_response everywhere else.
  const owner = async () => {
    const s = checkoutShop();
    const { session, paymentId } = await s.checkout('cust_1');
    return { s, session, paymentId };
  };
  const base = { id: 'x', amount: 4299, currency: 'EUR', authorization: { status: 'AUTHORIZED' }, amounts: {} };
  const payments: [string, Record<string, unknown>][] = [
    ['partner_transactions an object', { ...base, authorization: { status: 'AUTHORIZED', partner_transactions: {} } }],
    ['partner_transactions [null]', { ...base, authorization: { status: 'AUTHORIZED', partner_transactions: [null] } }],
    ['captures an object', { ...base, captures: {} }],
    ['refunds [null]', { ...base, refunds: [null] }],
    ['split a string', { ...base, split: 'ingenico' }],
  ];
  it.each(payments)('GET /payments/{id} when Purse answers a payment with %s: 502, not a crash', async (_, body) => {
    const { s, session, paymentId } = await owner();
    const malformed = { ...body, id: paymentId, client_session_id: session.id };
    s.purse.control.setFault({ path: `/payment/v2/payments/${paymentId}`, method: 'GET', status: 200, body: malformed, times: 1 });
    const answer = await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_1' });
    expect({ status: answer.status, code: ((await answer.json()) as { code: string }).code }).toEqual({ status: 502, code: 'purse_invalid_response' });
  });

  it('GET /checkout/sessions/{id} when Purse answers a session whose eligible_solutions is not a list: 502, not a crash', async () => {
    const { s, session } = await owner();
    s.purse.control.setFault({
      path: `/payment/v2/client-sessions/${session.id}`,
      method: 'GET',
      status: 200,
      body: { id: session.id, status: 'CREATED', eligible_solutions: [null] },
      times: 1,
    });
    const answer = await s.send('GET', `${routes.session}${session.id}`, { customer: 'cust_1' });
    expect({ status: answer.status, code: ((await answer.json()) as { code: string }).code }).toEqual({ status: 502, code: 'purse_invalid_response' });
  });
});

describe('an Idempotency-Key reused with another identifier after a failed attempt', () => {
  // Defect (fixed: the attempt record keeps the body's fingerprint, intent.ts: another body → 409): a 5xx/429 answer is not stored (idempotency.ts), so the body's fingerprint is forgotten, while the intent's
  // attempt record (intent.ts) is kept. A retry of the key with ANOTHER identifier is then taken for a retry of the
  // same intent (`retried`), and startPasswordless reads Purse's resend_throttled for that other identifier as "my
  // lost send went out": it answers 204 and files the identifier's current code under this shopper. An attacker
  // (any shopper) thus takes over the code a victim just asked for: the victim's verify is refused
  // (code_not_requested_here) until they ask for a new code. The README promises "same key with another body → 409".
  it('a retry with another email is refused, and the victim keeps their code', async () => {
    const s = checkoutShop();
    const victim = cookieJar();
    const VICTIM = { email: 'existing@example.com' };
    expect((await s.post(routes.startPasswordless, VICTIM, { browser: victim })).status).toBe(204);
    const code = s.purse.control.currentCode(VICTIM)!;

    const key = randomUUID();
    const start = `/v1/merchants/${s.options.merchantId}/users/passwordless/start`;
    s.purse.control.setFault({ path: start, method: 'POST', status: 503, times: 1 });
    expect((await s.post(routes.startPasswordless, { email: 'mallory@example.com' }, { customer: 'cust_mallory', key })).status).toBe(503);
    // Same key, the victim's email: Purse throttles it (the victim's code is seconds old).
    const hijack = await s.post(routes.startPasswordless, VICTIM, { customer: 'cust_mallory', key });
    expect({ status: hijack.status, code: ((await hijack.json()) as { code: string }).code }).toEqual({ status: 409, code: 'idempotency_key_reused' });

    const verified = await s.post(routes.verifyPasswordless, { ...VICTIM, verification_code: code }, { browser: victim });
    expect(verified.status).toBe(200);
  });
});

describe('a careless merchant’s numeric options', () => {
  // Defect (fixed: createMerchantHandler throws at once on them): numeric options were never checked.
  // A value read from an unset environment variable (Number(undefined) = NaN) silently switched protections off:
  // `maxBodyBytes: NaN` read bodies of any size (readLimited compares `size > NaN`: never true), `quota.limit: NaN`
  // never refused (`count > NaN`), a NaN or missing `quota.windowMs` filed counters under "…:NaN" that never expire in
  // the memory store, and a NaN TTL made every Redis write fail (PX NaN: 503 on every POST, after Purse acted).
  const bad: [string, Record<string, unknown>][] = [
    ['maxBodyBytes NaN', { maxBodyBytes: Number.NaN }],
    ['quota.limit NaN', { quota: { limit: Number.NaN, windowMs: 60_000 } }],
    ['quota without windowMs', { quota: { limit: 300 } }],
    ['quota.windowMs 0', { quota: { limit: 300, windowMs: 0 } }],
    ['idempotencyTtlMs NaN', { idempotencyTtlMs: Number.NaN }],
    ['consentChallengeTtlMs -1', { consentChallengeTtlMs: -1 }],
    ['checkoutRecordTtlMs Infinity', { checkoutRecordTtlMs: Number.POSITIVE_INFINITY }],
    ['idempotencyWaitMs NaN', { idempotencyWaitMs: Number.NaN }],
    // `guestCookie: { secret: process.env.PURSE_GUEST_SECRET }` with `PURSE_GUEST_SECRET=` in a .env: WebCrypto refused
    // the empty HMAC key in an unhandled rejection ("Zero-length key is not supported") that stopped the server.
    ['guestCookie.secret empty', { guestCookie: { secret: '' } }],
    ['codeLimit.limit NaN', { codeLimit: { limit: Number.NaN, windowMs: 60_000 } }],
    ['codeLimit without windowMs', { codeLimit: { limit: 5 } }],
    ['lookupQuota.windowMs 0', { lookupQuota: { limit: 30, windowMs: 0 } }],
    ['lookupQuota.limit 2.5', { lookupQuota: { limit: 2.5, windowMs: 60_000 } }],
    ['lookupQuota null', { lookupQuota: null }],
    // No caller IP at all, silently: Purse then rate-limits the shop as a whole, and guests are counted per cookie only.
    ['trustProxy NaN', { trustProxy: Number.NaN }],
    ['trustProxy 1.5', { trustProxy: 1.5 }],
    ['trustProxy -1', { trustProxy: -1 }],
    ['trustProxy "loopback" (Express’s setting)', { trustProxy: 'loopback' }],
  ];
  it.each(bad)('createMerchantHandler refuses %s at once', (_, options) => {
    expect(() => checkoutShop(options)).toThrow(/createMerchantHandler: /);
  });
});

describe('ids that leave their URL path segment', () => {
  // Defect (fixed): ids go into Purse URLs through encodeURIComponent, which leaves "." and ".." as
  // they are — and the URL parser resolves them as dot segments. A customer reference ".." (a merchant whose
  // resolveCustomer returns a shopper-chosen handle) sent GET /xco/user to Purse's GET /v1/merchants/{id}/ and passed
  // whatever that answered (any object) to the browser raw; a consent for it went to POST /v1/merchants/{id}/consents.
  // A forged webhook whose id is "." or ".." (webhooks are unauthenticated) made verifyPaymentWebhook GET
  // /v2/payments/ or /v2/. Now such ids are refused before any request.
  it('a customer reference "." or ".." never reaches Purse outside /users/{reference}', async () => {
    for (const customer of ['..', '.']) {
      const s = checkoutShop({ resolveCustomer: () => customer });
      const answer = await s.send('GET', routes.getUser);
      expect(answer.status).toBe(500);
      expect(s.purse.control.requests().filter((r) => r.path !== '/oauth2/token')).toEqual([]);
    }
  });

  it('a webhook whose payment id is ".." is refused as malformed, without asking Purse', async () => {
    const { parsePaymentWebhook, isPaymentWebhookError } = await import('../purse/webhook.ts');
    const body = {
      id: '..',
      version: 1,
      amount: 1,
      currency: 'EUR',
      authorization: { status: 'AUTHORIZED' },
      amounts: { total_authorized: 1, total_voided: 0, available_to_void: 1, total_captured: 0, available_to_capture: 1, total_refunded: 0, available_to_refund: 0 },
      overview: { consumed: 'NOT', captured: 'NOT', voided: 'NOT', refunded: 'NOT' },
    };
    await expect(parsePaymentWebhook(body).catch((error: unknown) => isPaymentWebhookError(error))).resolves.toBe(true);
    const world = purseWorld();
    await expect(Promise.resolve().then(() => world.client.getPayment('..'))).rejects.toThrow(/"\.\." is not an id/);
    expect(world.purse.control.requests().filter((r) => r.path !== '/oauth2/token')).toEqual([]);
  });
});

/** A payment link at Purse, valid for an hour. */
const aLink = (world: ReturnType<typeof purseWorld>) =>
  world.client.createPaymentLink({
    amount: 9900,
    currency: 'EUR',
    shopper_redirection_url: 'https://shop.test/checkout/return',
    order: { reference: 'invoice-1' },
    expires_at: new Date(world.now() + 3_600_000).toISOString(),
  });

/** The GET requests Purse received whose path holds `pathPart`. */
const lookups = (s: ReturnType<typeof checkoutShop>, pathPart: string) =>
  s.purse.control.requests().filter((r) => r.method === 'GET' && r.path.includes(pathPart)).length;

// Each id a shopper was never shown made the handler ask Purse about it before refusing: made-up ids spent the
// merchant's Purse rate limit without bound (GET routes have no write quota).
describe.each([
  ['payment ids', routes.payment, '/payments/'],
  ['payment link ids', routes.paymentLink, '/payment-links/'],
])('made-up %s', (_, route, pathPart) => {
  it('a caller that drops its cookie (a new guest each time) asks Purse at most its IP quota per window', async () => {
    const s = checkoutShop({ resolveCustomer: () => null, quota: { limit: 3, windowMs: 60 * 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await s.send('GET', `${route}${randomUUID()}`, { browser: cookieJar() })).status);
    expect(statuses).toEqual([404, 404, 404, ...Array(7).fill(429)]);
    expect(lookups(s, pathPart)).toBe(3);
  });
});

describe('payment lookups an anonymous caller or a guest makes up', () => {
  const purseLookups = (s: ReturnType<typeof checkoutShop>) => lookups(s, '/payments/');

  it('a guest asks Purse about unknown ids at most the quota per window; the payment they were shown still answers', async () => {
    const s = checkoutShop({ resolveCustomer: () => null, quota: { limit: 3, windowMs: 60 * 60_000 } });
    const { paymentId, token } = await s.checkout(undefined);
    expect((await s.post(routes.verifyRedirect, { token })).status).toBe(200);
    const before = purseLookups(s);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await s.send('GET', `${routes.payment}${randomUUID()}`)).status);
    expect(statuses).toEqual([404, 404, 404, ...Array(7).fill(429)]);
    expect(purseLookups(s) - before).toBe(3);
    // Known to this guest (their verified redirect): no lookup spent, still shown.
    expect((await s.send('GET', `${routes.payment}${paymentId}`)).status).toBe(200);
  });

  it('a status page polling the payment of its own session by id spends no lookup, however often it polls', async () => {
    const s = checkoutShop({ quota: { limit: 2, windowMs: 60 * 60_000 } });
    const { paymentId } = await s.checkout('cust_poll');
    for (let i = 0; i < 5; i++) expect((await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_poll' })).status).toBe(200);
    // The whole quota is left for made-up ids, and they are still bounded.
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await s.send('GET', `${routes.payment}${randomUUID()}`, { customer: 'cust_poll' })).status);
    expect(made).toEqual([404, 404, 429]);
  });
});

describe('payment link lookups an anonymous caller makes up', () => {
  // GET /payment-links/{id} asked Purse about every id, with no bound: the payment route's lookup quota (above) did not
  // apply, so made-up link ids spent the merchant's Purse rate limit as freely as made-up payment ids once did.
  const linkLookups = (s: ReturnType<typeof checkoutShop>) => lookups(s, '/payment-links/');

  it('a shopper polling a real link spends nothing, however often', async () => {
    const world = purseWorld();
    const s = checkoutShop({ resolveCustomer: () => null, quota: { limit: 2, windowMs: 60 * 60_000 } }, world);
    const link = await aLink(world);
    for (let i = 0; i < 5; i++) expect((await s.send('GET', `${routes.paymentLink}${link.id}`)).status).toBe(200);
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await s.send('GET', `${routes.paymentLink}${randomUUID()}`)).status);
    expect(made).toEqual([404, 404, 429]);
  });

  it('a shopper following the link they were shown still gets it once their network is over its quota', async () => {
    // The payment route serves a payment the shopper was shown whatever the quota; the link route refused every lookup
    // once the guest's IP was over it: a browser behind the same IP (a shared network) making ids up stopped the
    // status page of every guest there.
    const world = purseWorld();
    const s = checkoutShop({ resolveCustomer: () => null, quota: { limit: 2, windowMs: 60 * 60_000 } }, world);
    const link = await aLink(world);
    const shopper = cookieJar();
    expect((await s.send('GET', `${routes.paymentLink}${link.id}`, { browser: shopper })).status).toBe(200);
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await s.send('GET', `${routes.paymentLink}${randomUUID()}`, { browser: cookieJar() })).status);
    expect(made).toEqual([404, 404, 429]);
    const before = linkLookups(s);
    expect((await s.send('GET', `${routes.paymentLink}${link.id}`, { browser: shopper })).status).toBe(200);
    expect(linkLookups(s)).toBe(before + 1);
    // A link it was never shown is still refused, Purse not asked.
    expect((await s.send('GET', `${routes.paymentLink}${randomUUID()}`, { browser: shopper })).status).toBe(429);
    expect(linkLookups(s)).toBe(before + 1);
  });
});

describe('a real payment link polled by a caller that drops its cookie', () => {
  it('leaves no record per request: another shopper still gets a session', async () => {
    const world = purseWorld();
    const store = createMemoryStore({ maxEntries: 40 });
    const s = checkoutShop({ store, resolveCustomer: (request) => request.headers.get('x-session') }, world);
    const link = await aLink(world);
    for (let i = 0; i < 60; i++) expect((await s.send('GET', `${routes.paymentLink}${link.id}`, { browser: cookieJar() })).status).toBe(200);
    expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201);
  });
});

describe('made-up ids Purse refuses as malformed', () => {
  // Purse's reference types payment and link ids as UUIDs: an API that checks its path answers 400 to any other id, not
  // 404. Only 404s were counted, so ids that are not UUIDs asked Purse without bound. The mock answers 404 to any id;
  // here it answers as a checking API would.
  const lookups = (s: ReturnType<typeof checkoutShop>, path: string) =>
    s.purse.control.requests().filter((r) => r.method === 'GET' && r.path.startsWith(path)).length;

  for (const [route, path] of [
    [routes.paymentLink, '/payment/v2/payment-links/'],
    [routes.payment, '/payment/v2/payments/'],
  ] as const) {
    it(`${route}: a caller asks Purse about ids it refuses at most its quota per window`, async () => {
      const s = checkoutShop({ resolveCustomer: () => null, quota: { limit: 3, windowMs: 60 * 60_000 } });
      s.purse.control.setFault({ method: 'GET', path: `${path}*`, status: 400, body: { title: 'Bad Request', detail: 'id: not a UUID' }, times: 100 });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await s.send('GET', `${route}not-a-uuid-${i}`, { browser: cookieJar() })).status);
      expect(statuses.slice(3)).toEqual([429, 429, 429]);
      expect(lookups(s, path)).toBe(3);
    });
  }
});

describe('records a finished intent leaves behind', () => {
  // Every POST kept two records for a day: the stored answer (replayed to retries) and the intent's attempt record
  // (what it sent Purse, for a retry of an unfinished run). Once the answer is stored the second only took room: with
  // the default quota one shopper could leave about 7,200 of each a day in a 10,000-entry memory store.
  it('keeps the replayed answer and drops the attempt record once the answer is stored', async () => {
    const store = createMemoryStore();
    const attempts = new Set<string>();
    const watched = { ...store, add: async (key: string, value: string, ttlMs: number) => {
      if (key.startsWith('purse-kit:attempt:')) attempts.add(key);
      return store.add(key, value, ttlMs);
    } };
    const s = checkoutShop({ store: watched });
    const key = randomUUID();
    const first = await s.post(routes.createSession, {}, { customer: 'cust_1', key });
    expect(first.status).toBe(201);
    expect(attempts.size).toBe(1);
    for (const attempt of attempts) expect(await store.get(attempt)).toBeUndefined();
    // A retry of the intent still gets the same session, replayed.
    const again = await s.post(routes.createSession, {}, { customer: 'cust_1', key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as CheckoutSession).id).toBe(((await first.json()) as CheckoutSession).id);
  });
});
