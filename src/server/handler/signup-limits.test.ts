// @vitest-environment node
// The signup's own abuse limits (signup-limits.ts), played as an attacker would against the real handler + Purse mock:
// codes sent to one victim whoever asks (codeLimit), account lookups one caller makes (lookupQuota).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import { checkoutShop, cookieJar, purseWorld, shop } from '../test-support.ts';
import { createMemoryStore, StoreError } from './store.ts';

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

  it('the account view’s lookup of the customer’s own linked account (its saved methods, at every visit) is never refused', async () => {
    const s = shop({ lookupQuota: { limit: 2, windowMs: HOUR } });
    const identifier = { email: 'existing@example.com' };
    const as = { customer: 'cust_1' };
    // The signup: a lookup (counted), the code, the consent.
    expect((await s.send('GET', CHECK, as)).status).toBe(200);
    expect((await s.post(routes.startPasswordless, identifier, as)).status).toBe(204);
    const code = s.purse.control.currentCode(identifier);
    const verified = (await (await s.post(routes.verifyPasswordless, { identifier, verification_code: code }, as)).json()) as { consent_challenge_id: string };
    expect((await s.post(routes.createConsent, { identifier, consent_challenge_id: verified.consent_challenge_id }, as)).ok).toBe(true);
    // Ten visits of the account page: the linked account (getUser), then its saved methods (users/exists, its email).
    for (let visit = 0; visit < 10; visit++) {
      expect((await s.send('GET', routes.getUser, as)).status).toBe(200);
      const count = await s.send('GET', CHECK, as);
      expect({ status: count.status, body: await count.json() }).toEqual({ status: 200, body: { exists: true, token_count: 2 } });
    }
    // Anyone else's email still counts: the customer had one lookup left.
    expect((await s.send('GET', `${routes.checkUser}?email=camille.martin%40example.fr`, as)).status).toBe(200);
    expect((await s.send('GET', `${routes.checkUser}?email=sam.taylor%40example.com`, as)).status).toBe(429);
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
