// @vitest-environment node
// Attacks on the merchant handler as an attacker, a careless merchant and a flaky network would play them, each against
// the real handler + Purse mock; each failed on the handler before its fix.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { checkoutShop, cookieJar, purseWorld, shop } from '../test-support.ts';
import { createMemoryStore, StoreError } from './store.ts';

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

describe('payment lookups an anonymous caller or a guest makes up', () => {
  // Each payment id a shopper was never shown made the handler ask Purse which session it belongs to, before refusing:
  // a caller with made-up ids spent the merchant's Purse rate limit without bound (GET routes have no write quota).
  const purseLookups = (s: ReturnType<typeof checkoutShop>) =>
    s.purse.control.requests().filter((r) => r.method === 'GET' && r.path.includes('/payments/')).length;

  it('a caller that drops its cookie (a new guest each time) asks Purse at most its IP quota per window', async () => {
    const s = checkoutShop({ resolveCustomer: () => null, quota: { limit: 3, windowMs: 60 * 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await s.send('GET', `${routes.payment}${randomUUID()}`, { browser: cookieJar() })).status);
    expect(statuses).toEqual([404, 404, 404, ...Array(7).fill(429)]);
    expect(purseLookups(s)).toBe(3);
  });

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

describe('one-time codes the shop can be made to send one victim', () => {
  // Purse throttles a resend to one identifier for seconds, and rate-limits per caller: from many browsers and IPs,
  // anyone could make the shop send a victim's mailbox or phone hundreds of codes (and the merchant pay for the texts).
  // The write quota counts per shopper and IP, not per victim.
  const VICTIM = { email: 'existing@example.com' };
  const FIFTEEN_MINUTES = 15 * 60_000;
  /** A shop whose Purse sends a code whenever asked (no resend throttle of its own): only the handler's cap stands. */
  const unthrottled = (options: Parameters<typeof shop>[0] = {}) => shop(options, purseWorld({}, { resendThrottleMs: 0 }));
  const starts = (s: ReturnType<typeof shop>) => s.calls(`/v1/merchants/${s.options.merchantId}/users/passwordless/start`);
  /** Each time a new guest (no cookie) on another IP. */
  const stranger = (i: number) => ({ browser: cookieJar(), headers: { 'x-forwarded-for': `203.0.113.${i}, 10.0.0.1` } });

  it('the code beyond the cap, asked by yet another guest on yet another IP, is refused (429 too_many_codes) and Purse never asked', async () => {
    const s = unthrottled({ codeLimit: { limit: 3, windowMs: FIFTEEN_MINUTES } });
    const answers: Response[] = [];
    for (let i = 0; i < 4; i++) answers.push(await s.post(routes.startPasswordless, VICTIM, stranger(i)));
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 429]);
    const refused = answers[3]!;
    // The clock stands at 10:00:00, the start of a 15-minute window.
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'too_many_codes' });
    expect(starts(s)).toHaveLength(3);

    // Another identifier (the same account's phone is one too) is unaffected; the victim's email again once the window is over.
    expect((await s.post(routes.startPasswordless, { email: 'camille.martin@example.fr' }, stranger(20))).status).toBe(204);
    expect((await s.post(routes.startPasswordless, { phone_number: '+33612345678' }, stranger(21))).status).toBe(204);
    s.advance(FIFTEEN_MINUTES);
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(22))).status).toBe(204);
  });

  it('by default 5 codes per identifier per 15 minutes', async () => {
    const s = unthrottled();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await s.post(routes.startPasswordless, VICTIM, stranger(i))).status);
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429, 429]);
    expect(starts(s)).toHaveLength(5);
  });

  it('12 guests asking at once: exactly the cap’s codes are sent', async () => {
    const s = unthrottled({ codeLimit: { limit: 3, windowMs: FIFTEEN_MINUTES } });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => s.post(routes.startPasswordless, VICTIM, stranger(i))));
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(9);
    expect(starts(s)).toHaveLength(3);
  });

  it('counts one mailbox however its address is written: +tags, and dots at Gmail', async () => {
    const s = unthrottled({ codeLimit: { limit: 2, windowMs: FIFTEEN_MINUTES } });
    // Three Purse accounts whose codes all land in jodoe@gmail.com.
    const spellings = ['jo.doe+shop@gmail.com', 'jodoe+news@gmail.com', 'j.o.d.o.e@googlemail.com'];
    for (const [i, email] of spellings.entries()) {
      s.accounts.set(`cust_${i}`, { email });
      expect((await s.post(routes.createUser, { user: { email } }, { customer: `cust_${i}` })).status).toBe(201);
    }
    const statuses: number[] = [];
    for (const [i, email] of spellings.entries()) statuses.push((await s.post(routes.startPasswordless, { email }, stranger(i))).status);
    expect(statuses).toEqual([204, 204, 429]);
    expect(starts(s)).toHaveLength(2);
  });

  it('counts one mailbox however its domain is written: Unicode or punycode, full-width letters, capitals', async () => {
    const s = unthrottled({ codeLimit: { limit: 2, windowMs: FIFTEEN_MINUTES } });
    // A mail server reads each domain as its ASCII form (IDNA): all four land in jo@xn--bcher-kva.example, the last two
    // in jodoe@gmail.com.
    const spellings = ['jo@bücher.example', 'jo@xn--bcher-kva.example', 'jo@BU\u0308CHER.example', 'jo@ｂüｃｈｅｒ.example'];
    for (const [i, email] of spellings.entries()) {
      s.accounts.set(`cust_${i}`, { email });
      expect((await s.post(routes.createUser, { user: { email } }, { customer: `cust_${i}` })).status).toBe(201);
    }
    const statuses: number[] = [];
    for (const [i, email] of spellings.entries()) statuses.push((await s.post(routes.startPasswordless, { email }, stranger(i))).status);
    expect(statuses).toEqual([204, 204, 429, 429]);
    expect(starts(s)).toHaveLength(2);
  });

  it('counts Gmail written with full-width letters as Gmail (its dots aside)', async () => {
    const s = unthrottled({ codeLimit: { limit: 1, windowMs: FIFTEEN_MINUTES } });
    const spellings = ['jo.doe@gmail.com', 'jodoe@ｇｍａｉｌ.com'];
    for (const [i, email] of spellings.entries()) {
      s.accounts.set(`cust_${i}`, { email });
      expect((await s.post(routes.createUser, { user: { email } }, { customer: `cust_${i}` })).status).toBe(201);
    }
    const statuses: number[] = [];
    for (const [i, email] of spellings.entries()) statuses.push((await s.post(routes.startPasswordless, { email }, stranger(i))).status);
    expect(statuses).toEqual([204, 429]);
  });

  it('an intent retried after a lost answer, then replayed, takes one place', async () => {
    // Purse's own resend throttle (30 s) on: the retry meets it, which tells the handler the lost send went out.
    const s = shop({ codeLimit: { limit: 2, windowMs: FIFTEEN_MINUTES } });
    const key = randomUUID();
    s.purse.control.setFault({ path: `/v1/merchants/${s.options.merchantId}/users/passwordless/start`, method: 'POST', status: 503, after: true, times: 1 });
    expect((await s.post(routes.startPasswordless, VICTIM, { key })).status).toBe(503);
    expect((await s.post(routes.startPasswordless, VICTIM, { key })).status).toBe(204);
    const replayed = await s.post(routes.startPasswordless, VICTIM, { key });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(starts(s)).toHaveLength(2);

    // One place left: another shopper's code goes out, the next is refused.
    s.advance(31_000);
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(1))).status).toBe(204);
    s.advance(31_000);
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(2))).status).toBe(429);
    expect(starts(s)).toHaveLength(3);
  });

  it('a request whose place could not be counted (the store failed) is counted when retried', async () => {
    const store = createMemoryStore();
    let failNext = false;
    const flaky = { ...store, increment: async (key: string, ttlMs: number) => {
      if (failNext && key.startsWith('purse-kit:codes:')) {
        failNext = false;
        throw new StoreError('unavailable', 'redis', 'Redis did not answer INCR within 1000 ms.');
      }
      return store.increment(key, ttlMs);
    } };
    const s = unthrottled({ store: flaky, codeLimit: { limit: 1, windowMs: FIFTEEN_MINUTES } });
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(0))).status).toBe(204);
    failNext = true;
    const key = randomUUID();
    const browser = cookieJar();
    expect((await s.post(routes.startPasswordless, VICTIM, { key, browser })).status).toBe(503);
    // Its retry is no retry of a send: the cap (reached) refuses it.
    expect((await s.post(routes.startPasswordless, VICTIM, { key, browser })).status).toBe(429);
    expect(starts(s)).toHaveLength(1);
  });

  it('a send Purse refused gives its place back; one whose outcome is unknown keeps it', async () => {
    const s = unthrottled({ codeLimit: { limit: 2, windowMs: FIFTEEN_MINUTES } });
    const path = `/v1/merchants/${s.options.merchantId}/users/passwordless/start`;
    s.purse.control.setFault({ path, method: 'POST', status: 400, times: 1, body: { title: 'Bad Request', status: 400, detail: 'Refused.' } });
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(0))).status).toBe(400);
    s.purse.control.setFault({ path, method: 'POST', status: 429, times: 1, headers: { 'retry-after': '1' }, body: { title: 'Too Many Requests', status: 429, code: 'resend_throttled' } });
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(1))).status).toBe(429);
    // No answer: the code may have gone out. Its place stays taken (its retry would not take another).
    s.purse.control.setFault({ path, method: 'POST', drop: true, times: 1 });
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(2))).status).toBe(502);
    expect((await s.post(routes.startPasswordless, VICTIM, stranger(3))).status).toBe(204);
    const refused = await s.post(routes.startPasswordless, VICTIM, stranger(4));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'too_many_codes' });
    // Four reached Purse (the refused, the throttled, the dropped one, the one sent); the fifth did not.
    expect(starts(s)).toHaveLength(4);
  });
});

describe('account lookups (users/exists) one caller makes', () => {
  // Each lookup asks Purse, which rate-limits the merchant as a whole when it gets no caller_id: one client could list
  // which emails have an account at the merchant's whole Purse rate, and starve every shopper's signup.
  const CHECK = `${routes.checkUser}?email=existing%40example.com`;
  const HOUR = 60 * 60_000;
  const purseChecks = (s: ReturnType<typeof shop>) => s.calls('/v1/users/exists').length;

  it('a guest that drops its cookie is refused beyond its IP’s quota (429 too_many_lookups) without asking Purse; another IP and a customer are not', async () => {
    const s = shop({ lookupQuota: { limit: 3, windowMs: HOUR } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await s.send('GET', CHECK, { browser: cookieJar() })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(purseChecks(s)).toBe(3);
    const refused = await s.send('GET', CHECK, { browser: cookieJar() });
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(await refused.json()).toMatchObject({ status: 429, code: 'too_many_lookups' });

    expect((await s.send('GET', CHECK, { browser: cookieJar(), headers: { 'x-forwarded-for': '192.0.2.50, 10.0.0.1' } })).status).toBe(200);
    // A signed-in customer is counted as themselves, not by the IP they share.
    expect((await s.send('GET', CHECK, { customer: 'cust_1' })).status).toBe(200);
    expect(purseChecks(s)).toBe(5);
  });

  it('a guest on IPv6 is counted by its /64 (one subscriber’s network, whose addresses it picks at will); IPv4 written as IPv6 by its IPv4', async () => {
    const s = shop({ lookupQuota: { limit: 2, windowMs: HOUR } });
    const from = (ip: string) => ({ browser: cookieJar(), headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } });
    const statuses: number[] = [];
    for (const ip of ['2001:db8:1:2::a', '2001:db8:1:2::b', '2001:DB8:1:2:0:0:0:c', '2001:db8:1:2:ffff::d']) {
      statuses.push((await s.send('GET', CHECK, from(ip))).status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    // Another network is another count.
    expect((await s.send('GET', CHECK, from('2001:db8:1:3::a'))).status).toBe(200);
    // A dual-stack server writes an IPv4 client as ::ffff:a.b.c.d: the same count as a.b.c.d, not one for all of them.
    expect((await s.send('GET', CHECK, from('192.0.2.9'))).status).toBe(200);
    expect((await s.send('GET', CHECK, from('::ffff:192.0.2.9'))).status).toBe(200);
    expect((await s.send('GET', CHECK, from('::ffff:192.0.2.9'))).status).toBe(429);
    expect((await s.send('GET', CHECK, from('::ffff:192.0.2.10'))).status).toBe(200);
  });

  it('a customer (or a guest keeping its cookie) is refused beyond the quota; another shopper is not', async () => {
    const s = shop({ trustProxy: undefined, lookupQuota: { limit: 2, windowMs: HOUR } });
    const customer = [];
    for (let i = 0; i < 3; i++) customer.push((await s.send('GET', CHECK, { customer: 'cust_1' })).status);
    expect(customer).toEqual([200, 200, 429]);
    // The guest's first lookup came without a cookie (a new guest): counted by its IP only, and it has none here.
    const guest = [];
    for (let i = 0; i < 4; i++) guest.push((await s.send('GET', CHECK)).status);
    expect(guest).toEqual([200, 200, 200, 429]);
    expect((await s.send('GET', CHECK, { customer: 'cust_2' })).status).toBe(200);
    expect(purseChecks(s)).toBe(6);
    s.advance(HOUR);
    expect((await s.send('GET', CHECK, { customer: 'cust_1' })).status).toBe(200);
  });

  it('a client that drops its cookie leaves no lookup record behind per request: the store keeps room for shoppers', async () => {
    // No trusted IP: nothing can count such a client (each request is a new guest), and counting its scope, always 1,
    // would only leave a record per request until the store is full.
    const store = createMemoryStore({ maxEntries: 20 });
    const s = checkoutShop({ store, trustProxy: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await s.send('GET', CHECK, { browser: cookieJar() })).status);
    expect(statuses).toEqual(Array(25).fill(200));
    expect((await s.post(routes.createSession, {}, { customer: 'cust_victim' })).status).toBe(201);
  });

  it('by default 30 lookups per hour', async () => {
    const s = shop({}, purseWorld({}, { rateLimit: { limit: 1000, windowMs: 60_000 } }));
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await s.send('GET', CHECK, { customer: 'cust_1' })).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
    expect(statuses[30]).toBe(429);
    expect(purseChecks(s)).toBe(30);
  });
});
