// @vitest-environment node
// The attacks of issue 7 against the real handler + Purse mock, each written to succeed against the old handler.
import { describe, expect, it } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import { checkoutShop, cookieJar, shop } from '../test-support.ts';
import { createMemoryStore, type HandlerStore } from './store.ts';

const read = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });
const VICTIM = 'victim@example.org';
const ATTACKER_ADDRESS = { address_type: 'billing', street_address: '1 Attacker Street', postal_code: '75001', locality: 'Paris', country: 'FRANCE' };

describe('1. no XCO account for someone else’s email', () => {
  it('refuses to create an account for an email the merchant does not vouch for, before calling Purse', async () => {
    const s = shop();
    s.accounts.set('cust_mallory', { email: 'mallory@example.com' });
    const answer = await read(await s.post(routes.createUser, { user: { email: VICTIM, addresses: [ATTACKER_ADDRESS] } }, { customer: 'cust_mallory' }));
    expect(answer).toMatchObject({ status: 403, body: { code: 'identity_mismatch', errors: [{ pointer: '/user/email' }] } });
    const phone = await read(await s.post(routes.createUser, { user: { email: 'mallory@example.com', phone_number: '+33699999999' } }, { customer: 'cust_mallory' }));
    expect(phone).toMatchObject({ status: 403, body: { code: 'identity_mismatch', errors: [{ pointer: '/user/phone_number' }] } });
    expect(s.purse.control.users().filter((u) => u.created_by === 'api')).toEqual([]);
  });

  it('creates with the vouched email (its own casing), and refuses without resolveIdentity or a vouched email', async () => {
    const s = shop();
    s.accounts.set('cust_ada', { email: 'Ada@Example.com' });
    expect((await s.post(routes.createUser, { user: { email: 'ada@example.com', first_name: 'Ada' } }, { customer: 'cust_ada' })).status).toBe(201);
    expect(s.purse.control.users().at(-1)).toMatchObject({ user: { email: 'Ada@Example.com' }, customer_references: ['cust_ada'] });
    expect(await read(await s.post(routes.createUser, { user: { email: 'x@example.com' } }, { customer: 'cust_nobody' }))).toMatchObject({
      status: 403,
      body: { code: 'identity_not_vouched' },
    });
    const unconfigured = shop({ resolveIdentity: undefined });
    expect((await unconfigured.post(routes.createUser, { user: { email: 'x@example.com' } }, { customer: 'cust_1' })).status).toBe(501);
  });

  it('binds the code to the browser that asked for it: another shopper cannot verify it, nor use its challenge', async () => {
    const s = shop();
    const victim = cookieJar();
    expect((await s.post(routes.startPasswordless, { email: 'existing@example.com' }, { browser: victim })).status).toBe(204);
    const code = s.purse.control.currentCode({ email: 'existing@example.com' })!;
    // Mallory learnt the code (a phished message) and verifies it from her own browser and account.
    const stolen = await read(await s.post(routes.verifyPasswordless, { email: 'existing@example.com', verification_code: code }, { customer: 'cust_mallory' }));
    expect(stolen).toMatchObject({ status: 403, body: { code: 'code_not_requested_here' } });
    expect(s.calls(`/v1/merchants/${s.options.merchantId}/users/passwordless/verify`)).toEqual([]);
    // The victim's own browser verifies, signs in, and links.
    const verified = await s.post(routes.verifyPasswordless, { email: 'existing@example.com', verification_code: code }, { browser: victim });
    const { consent_challenge_id } = (await verified.json()) as { consent_challenge_id: string };
    const hijack = await s.post(routes.createConsent, { email: 'existing@example.com', consent_challenge_id }, { customer: 'cust_mallory' });
    expect(hijack.status).toBe(403);
    const own = await s.post(routes.createConsent, { email: 'existing@example.com', consent_challenge_id }, { customer: 'cust_victim', browser: victim });
    expect(own.status).toBe(204);
    expect(s.purse.control.consents()).toEqual([expect.objectContaining({ customer_reference: 'cust_victim' })]);
  });
});

describe('3. checks that fail closed', () => {
  it('one shopper flooding sessions hits a quota; other shoppers and their records are untouched', async () => {
    const s = checkoutShop({ quota: { limit: 20, windowMs: 60 * 60_000 } });
    const victim = await s.checkout('cust_victim');
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await s.post(routes.createSession, {}, { customer: 'cust_flood' })).status);
    expect(answers.filter((status) => status === 201)).toHaveLength(20);
    const refused = await s.post(routes.createSession, {}, { customer: 'cust_flood' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await read(await s.send('GET', `${routes.payment}${victim.paymentId}`, { customer: 'cust_victim' }))).toMatchObject({ status: 200 });
    expect((await s.post(routes.createSession, {}, { customer: 'cust_other' })).status).toBe(201);
  });

  it('a full store answers 503 and lets nothing through; a forgotten ownership record refuses', async () => {
    const store = createMemoryStore({ maxEntries: 40 });
    const s = checkoutShop({ store, quota: { limit: 1000, windowMs: 60_000 } });
    const victim = await s.checkout('cust_victim');
    let status = 201;
    for (let i = 0; i < 60 && status === 201; i++) status = (await s.post(routes.createSession, {}, { customer: `cust_${i}` })).status;
    expect(status).toBe(503);
    // The victim's records are still there: nothing live was evicted.
    expect((await s.send('GET', `${routes.payment}${victim.paymentId}`, { customer: 'cust_victim' })).status).toBe(200);
    // Another customer with the victim's redirect token: refused, never shown.
    expect((await s.post(routes.verifyRedirect, { token: victim.token }, { customer: 'cust_thief' })).status).not.toBe(200);
  });

  it('scopes each guest to the browser that created the session (signed HttpOnly cookie)', async () => {
    const s = checkoutShop();
    const first = cookieJar();
    const created = await s.post(routes.createSession, {}, { browser: first });
    expect(created.status).toBe(201);
    const cookie = created.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^purse_kit_guest=[\w-]+\.[\w-]+; Path=\/api\/purse; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/);
    const { id } = (await created.json()) as { id: string };
    expect((await s.send('GET', `${routes.session}${id}`, { browser: first })).status).toBe(200);
    // Another guest (another browser, even from the same IP), and a forged cookie: not found.
    expect((await s.send('GET', `${routes.session}${id}`, { browser: cookieJar() })).status).toBe(404);
    const forged = cookie.split(';')[0]!.replace(/\.[\w-]+$/, '.AAAA');
    expect((await s.send('GET', `${routes.session}${id}`, { headers: { cookie: forged }, browser: cookieJar() })).status).toBe(404);
  });

  it('a guest’s first checkout: the methods request beside the session request hands out no guest of its own', async () => {
    // A new browser opens the checkout: the session POST and the early eligible-methods POST leave together, neither
    // with a guest cookie. Purse is slow to list the methods, so that answer comes last: had it set a cookie of
    // another guest, the browser would keep that one, and its own session would no longer be its own.
    const s = checkoutShop();
    s.purse.control.setFault({ method: 'POST', path: '/payment/v2/eligible-solutions', latencyMs: 50, times: 1 });
    const browser = cookieJar();
    const [created, methods] = await Promise.all([
      s.post(routes.createSession, {}, { browser }),
      s.post(routes.eligibleSolutions, {}, { browser }),
    ]);
    expect([created.status, methods.status]).toEqual([201, 200]);
    const { id } = (await created.json()) as { id: string };
    expect((await s.send('GET', `${routes.session}${id}`, { browser })).status).toBe(200);
    // Paid: the return page verifies it for this browser.
    const session = (await (await s.send('GET', `${routes.session}${id}`, { browser })).json()) as { id: string; widget: { data: string } };
    const { token } = await s.pay(session);
    expect((await s.post(routes.verifyRedirect, { token }, { browser })).status).toBe(200);
  });

  it('refuses a mutation without Idempotency-Key: 10 concurrent → 10 refusals, no session', async () => {
    const s = checkoutShop();
    const answers = await Promise.all(Array.from({ length: 10 }, () => s.post(routes.createSession, {}, { customer: 'cust_1', key: null })));
    for (const answer of answers) {
      expect(await read(answer)).toMatchObject({ status: 400, body: { code: 'idempotency_key_required', detail: expect.stringContaining('Idempotency-Key') } });
    }
    expect(s.purse.control.sessions()).toEqual([]);
  });
});

describe('4. rate-limit identity', () => {
  it('rotating the client-written X-Forwarded-For entry does not escape Purse’s per-caller limit', async () => {
    const s = shop({ trustProxy: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const forged = `203.0.113.${i}, 198.51.100.4`; // the client's own entry, then what the proxy saw
      statuses.push((await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { 'x-forwarded-for': forged } })).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(new Set(s.calls('/v1/users/exists').map((r) => r.caller_id))).toEqual(new Set(['198.51.100.4']));
  });

  it('another site cannot spend a visitor’s lookup quota with <img> tags: a cross-site request is refused before any work', async () => {
    const s = shop({ trustProxy: 1, lookupQuota: { limit: 3, windowMs: 60 * 60_000 } });
    const visitor = { 'x-forwarded-for': '192.0.2.77' };
    // evil.example's page, open in the visitor's browser: the browser says where the request comes from.
    for (let i = 0; i < 5; i++) {
      const img = await s.send('GET', `${routes.checkUser}?email=someone${i}%40example.com`, { headers: { ...visitor, 'sec-fetch-site': 'cross-site' }, browser: cookieJar() });
      expect(img.status).toBe(403);
      expect((await read(img)).body.code).toBe('cross_site_request');
    }
    expect(s.calls('/v1/users/exists')).toEqual([]);
    // The visitor's own signup on the shop still checks their email.
    const own = await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { ...visitor, 'sec-fetch-site': 'same-origin' }, browser: cookieJar() });
    expect(own.status).toBe(200);
    // A shop whose pages are on another site than its handler says so (and puts CORS middleware in front).
    const elsewhere = shop({ trustProxy: 1, allowCrossSite: true });
    const fromPages = await elsewhere.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { ...visitor, 'sec-fetch-site': 'cross-site' } });
    expect(fromPages.status).toBe(200);
  });

  it('a shop whose own pages are on another site learns the fix from the 403 and, once, from its log', async () => {
    // Its pages on shop.example, the handler on shop-api.example with CORS in front: every request is refused. The
    // other mis-wirings (a stripped base path, a body parser first) name what to set and are logged once; this one said
    // neither, and the merchant's log stayed empty.
    const s = shop();
    for (let i = 0; i < 3; i++) {
      const refused = await read(await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { 'sec-fetch-site': 'cross-site' } }));
      expect(refused).toMatchObject({ status: 403, body: { code: 'cross_site_request', detail: expect.stringMatching(/allowCrossSite: true/) } });
    }
    const told = s.logs.filter((l) => l.level === 'warn' && /allowCrossSite: true/.test(l.message));
    expect(told).toHaveLength(1);
    // Not advice to switch the protection off for whoever sees it: another site's page is the other reason.
    expect(told[0]!.message).toMatch(/another site's page/);
  });

  it('serves the shop’s own callers that are not same-origin: www. → api. (same-site), none, or no header at all', async () => {
    // Only cross-site is another site's page. same-site: the pages on www.shop.example, the handler on api.shop.example;
    // none: a URL typed or bookmarked; no header: a server-side call (a Next.js server component), a browser without
    // Fetch Metadata (Safari before 16.4), plain http on a host other than localhost.
    for (const site of ['same-site', 'none', undefined]) {
      const s = shop();
      const headers: Record<string, string> = site ? { 'sec-fetch-site': site } : {};
      const answer = await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers, browser: cookieJar() });
      expect(answer.status, site ?? 'no header').toBe(200);
      expect((await s.post(routes.startPasswordless, { email: 'existing@example.com' }, { headers, browser: cookieJar() })).status, site ?? 'no header').toBe(204);
    }
  });

  it('naming a victim’s IP does not throttle the victim', async () => {
    const s = shop({ trustProxy: 1 });
    for (let i = 0; i < 40; i++) {
      await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { 'x-forwarded-for': '192.0.2.77, 198.51.100.4' } });
    }
    // The victim in a browser of their own (the attacker's 40 lookups spent its own lookup quota too).
    const victim = await s.send('GET', `${routes.checkUser}?email=existing%40example.com`, { headers: { 'x-forwarded-for': '192.0.2.77' }, browser: cookieJar() });
    expect(victim.status).toBe(200);
  });
});

describe('7. the shared store', () => {
  it('names no record after a shopper’s email or phone (keys are listed by monitoring and KEYS): a whole signup by email, then by phone', async () => {
    const memory = createMemoryStore();
    const keys: string[] = [];
    const store: HandlerStore = {
      ...memory,
      set: (key, value, ttlMs) => (keys.push(key), memory.set(key, value, ttlMs)),
      add: (key, value, ttlMs) => (keys.push(key), memory.add(key, value, ttlMs)),
      increment: (key, ttlMs) => (keys.push(key), memory.increment(key, ttlMs)),
    };
    const s = shop({ store });
    const flows: [XcoIdentifier, string][] = [
      [{ email: 'existing@example.com' }, 'email=existing%40example.com'],
      [{ phone_number: '+33698765432' }, 'phone_number=%2B33698765432'],
    ];
    for (const [identifier, query] of flows) {
      expect((await s.send('GET', `${routes.checkUser}?${query}`)).status).toBe(200);
      expect((await s.post(routes.startPasswordless, identifier)).status).toBe(204);
      const code = s.purse.control.currentCode(identifier)!;
      expect((await s.post(routes.verifyPasswordless, { ...identifier, verification_code: code })).status).toBe(200);
    }
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => /existing|example\.com|698765432/i.test(key))).toEqual([]);
  });
});

describe('6. input hygiene', () => {
  const HOSTILE_EMAILS = [
    'ab\u202e@example.com', 'a\u0000b@example.com', 'a\u200bb@example.com', 'a@exam\u200dple.com', 'a\u2066b@example.com',
    'a@b..com', 'a@.b.com', 'a@b.com.', 'a@b', 'a b@example.com', 'a@@b.com', `${'a'.repeat(250)}@b.com`,
  ];
  const HOSTILE_PHONES = ['+0612345678', '+33 6 12 34 56 78', '0612345678', '+123', `+${'1'.repeat(16)}`, '+3361234567\u200b'];

  it('never forwards a value Purse refuses: the handler refuses it first, with a field error', async () => {
    const s = shop();
    s.accounts.set('cust_1', { email: 'ok@example.com' });
    const cases: [string, () => Promise<Response>][] = [
      ...HOSTILE_EMAILS.flatMap((email): [string, () => Promise<Response>][] => [
        [`check ${JSON.stringify(email)}`, () => s.send('GET', `${routes.checkUser}?${new URLSearchParams({ email })}`)],
        [`start ${JSON.stringify(email)}`, () => s.post(routes.startPasswordless, { email })],
        [`create ${JSON.stringify(email)}`, () => s.post(routes.createUser, { user: { email } }, { customer: 'cust_1' })],
      ]),
      ...HOSTILE_PHONES.map((phone_number): [string, () => Promise<Response>] => [`start ${JSON.stringify(phone_number)}`, () => s.post(routes.startPasswordless, { phone_number })]),
      ['create with a phone and no email', () => s.post(routes.createUser, { user: { phone_number: '+33612345678' } }, { customer: 'cust_nobody' })],
      ['a name with a direction override', () => s.post(routes.createUser, { user: { email: 'ok@example.com', first_name: 'Ada\u202e' } }, { customer: 'cust_1' })],
      ['a future birth date', () => s.post(routes.createUser, { user: { email: 'ok@example.com', birthdate: '2999-01-01' } }, { customer: 'cust_1' })],
      ['a postal code longer than Purse takes', () => s.post(routes.createUser, { user: { email: 'ok@example.com', addresses: [{ ...ATTACKER_ADDRESS, postal_code: '7'.repeat(21) }] } }, { customer: 'cust_1' })],
      ['a consent challenge that is not a UUID', () => s.post(routes.createConsent, { email: 'ok@example.com', consent_challenge_id: 'abc' }, { customer: 'cust_1' })],
    ];
    for (const [what, send] of cases) {
      const answer = await send();
      expect([400, 403], what).toContain(answer.status);
    }
    const forwarded = s.purse.control.requests().filter((r) => r.path !== '/oauth2/token');
    expect(forwarded).toEqual([]);
  });
});

describe('5. the mock’s OTP guessing budget', () => {
  it('locks an identifier after 100 failed verifications in an hour across resends, with Retry-After', async () => {
    const s = shop({ quota: { limit: 10_000, windowMs: 60_000 }, codeLimit: { limit: 10_000, windowMs: 60_000 } });
    const identifier = { email: 'existing@example.com' };
    let failures = 0;
    let locked: Response | undefined;
    while (!locked && failures < 200) {
      const started = await s.post(routes.startPasswordless, identifier);
      if (started.status === 429) locked = started;
      else expect(started.status).toBe(204);
      const code = s.purse.control.currentCode(identifier)!;
      for (let i = 0; i < 5 && !locked; i++) {
        const wrong = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
        const answer = await s.post(routes.verifyPasswordless, { ...identifier, verification_code: wrong });
        if (answer.status === 429) locked = answer;
        else failures++;
      }
      s.advance(31_000); // past the resend throttle
    }
    expect(failures).toBe(100);
    expect(await locked!.clone().json()).toMatchObject({ code: 'verification_locked' });
    expect(Number(locked!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right code is refused while locked.
    const code = s.purse.control.currentCode(identifier)!;
    expect((await s.post(routes.verifyPasswordless, { ...identifier, verification_code: code })).status).toBe(429);
  });
});
