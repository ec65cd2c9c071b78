// @vitest-environment node
// Exactly once across browser → handler → Purse: the 8 browser calls × the faults of a real network, over the real
// in-process stack (createHttpBackend → createMerchantHandler → createMockPurse). Each case ends in success or a clear
// recoverable error, and Purse's state shows exactly one user, code, consent or session for the shopper's intent (a
// cancelled session aborted once, with one Idempotency-Key; a cancel that failed leaves it open).
import { describe, expect, it } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import type { MerchantBackend } from '../../core/backend/backend.ts';
import { isPurseKitFailure, type PurseKitError } from '../../core/errors.ts';
import type { FaultRule } from '../../mock-server/index.ts';
import { checkoutShop, purseWorld } from '../test-support.ts';

const CUSTOMER = 'cust_matrix';
const EXISTING = { email: 'existing@example.com' };
const NEW_EMAIL = 'matrix.new@example.com';
/** The handler gives Purse this long per call; "slow" faults answer well after it. */
const PURSE_TIMEOUT_MS = 250;
const SLOW_MS = 700;

const FAULTS: [string, Omit<FaultRule, 'path' | 'method'>][] = [
  ['500', { status: 500 }],
  ['503 then OK', { status: 503 }],
  ['429 + Retry-After', { status: 429, headers: { 'retry-after': '1' } }],
  ['slow past the handler timeout (the retry arrives while Purse is still busy)', { latencyMs: SLOW_MS }],
  ['answer slow after Purse acted (the retry arrives while the answer is on its way)', { latencyMs: SLOW_MS, after: true }],
  ['connection dropped before Purse acted', { drop: true }],
  ['connection dropped after Purse acted', { drop: true, after: true }],
  ['malformed JSON before Purse acted', { malformed: true }],
  ['malformed JSON after Purse acted', { malformed: true, after: true }],
  ['503 after Purse acted', { status: 503, after: true }],
  ['400 problem+json with a pointer', { status: 400, body: { title: 'Validation Error', status: 400, errors: [{ pointer: '/email', detail: 'Refused.' }] } }],
];

function stack() {
  const sent: string[] = [];
  /** The Idempotency-Key of each abort Purse received (null: none): Purse acts once per key, a replay of it no more. */
  const abortKeys: (string | null)[] = [];
  const world = purseWorld(
    {
      timeoutMs: PURSE_TIMEOUT_MS,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/abort')) abortKeys.push(request.headers.get('idempotency-key'));
        return world.purse.fetch(request);
      },
    },
    { onOtp: ({ identifier }) => sent.push(identifier.email ?? identifier.phone_number!) },
  );
  const s = checkoutShop({}, world);
  s.accounts.set(CUSTOMER, { email: NEW_EMAIL });
  const backend = createHttpBackend({
    baseUrl: 'https://shop.test/api/purse',
    retry: { sleep: async () => undefined },
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('x-session', CUSTOMER);
      headers.set('x-forwarded-for', '198.51.100.4, 10.0.0.1');
      const cookie = s.browser.header();
      if (cookie) headers.set('cookie', cookie);
      const response = await s.handler(new Request(input, { ...init, headers }));
      s.browser.keep(response);
      return response;
    },
  });
  const m = world.options.merchantId;
  return { ...s, backend, sent, abortKeys, m };
}
type Stack = ReturnType<typeof stack>;

interface Call {
  /** The Purse call the fault hits. */
  method: 'GET' | 'POST';
  path(s: Stack, ready: unknown): string;
  /** What happens before the shopper's intent (not faulted). */
  before?(s: Stack): Promise<unknown>;
  /** The browser call, with the intent's key. */
  run(backend: MerchantBackend, key: string, ready: unknown): Promise<unknown>;
  /** Purse's state after the intent (success or not). */
  check(s: Stack, outcome: Outcome, ready: unknown): Promise<void> | void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: PurseKitError };

const verified = async (s: Stack) => {
  await s.backend.startPasswordless(EXISTING);
  return s.backend.verifyPasswordless({ identifier: EXISTING, verification_code: s.purse.control.currentCode(EXISTING)! });
};

const CALLS: Record<string, Call> = {
  check: {
    method: 'GET',
    path: () => '/v1/users/exists',
    run: (b, key) => b.checkUser(EXISTING, { idempotencyKey: key }),
    check(_s, outcome) {
      if (outcome.ok) expect(outcome.value).toMatchObject({ exists: true });
    },
  },
  create: {
    method: 'POST',
    path: (s) => `/v1/merchants/${s.m}/users`,
    run: (b, key) => b.createUser({ user: { email: NEW_EMAIL, first_name: 'Ada' } }, { idempotencyKey: key }),
    check(s, outcome) {
      const created = s.purse.control.users().filter((u) => u.user.email === NEW_EMAIL);
      expect(created).toHaveLength(outcome.ok ? 1 : created.length > 0 ? 1 : 0);
      if (outcome.ok) expect(created[0]!.customer_references).toEqual([CUSTOMER]);
    },
  },
  start: {
    method: 'POST',
    path: (s) => `/v1/merchants/${s.m}/users/passwordless/start`,
    run: (b, key) => b.startPasswordless(EXISTING, { idempotencyKey: key }),
    check(s, outcome) {
      expect(s.sent).toHaveLength(outcome.ok ? 1 : s.sent.length > 0 ? 1 : 0);
    },
  },
  verify: {
    method: 'POST',
    path: (s) => `/v1/merchants/${s.m}/users/passwordless/verify`,
    async before(s) {
      await s.backend.startPasswordless(EXISTING);
      return s.purse.control.currentCode(EXISTING);
    },
    run: (b, key, code) => b.verifyPasswordless({ identifier: EXISTING, verification_code: code as string }, { idempotencyKey: key }),
    async check(s, outcome) {
      expect(s.sent).toHaveLength(1);
      // The challenge the shopper got is usable: the consent links, once.
      if (outcome.ok) {
        const { consent_challenge_id } = outcome.value as { consent_challenge_id: string };
        await s.backend.createConsent({ identifier: EXISTING, consent_challenge_id });
        expect(s.purse.control.consents()).toHaveLength(1);
      }
    },
  },
  consent: {
    method: 'POST',
    path: (s) => `/v1/merchants/${s.m}/users/${CUSTOMER}/consents`,
    before: verified,
    run: (b, key, v) => b.createConsent({ identifier: EXISTING, consent_challenge_id: (v as { consent_challenge_id: string }).consent_challenge_id }, { idempotencyKey: key }),
    check(s, outcome) {
      expect(s.purse.control.consents()).toHaveLength(outcome.ok ? 1 : s.purse.control.consents().length > 0 ? 1 : 0);
    },
  },
  'create session': {
    method: 'POST',
    path: () => '/payment/v2/client-sessions',
    run: (b, key) => b.createSession({ order_reference: 'cart-1' }, { idempotencyKey: key }),
    check(s, outcome) {
      expect(s.purse.control.sessions()).toHaveLength(outcome.ok ? 1 : s.purse.control.sessions().length > 0 ? 1 : 0);
    },
  },
  'cancel session': {
    method: 'POST',
    path: (_s, session) => `/payment/v2/client-sessions/${(session as { id: string }).id}/abort`,
    before: (s) => s.backend.createSession({ order_reference: 'cart-1' }),
    run: (b, key, session) => b.abortSession((session as { id: string }).id, { idempotencyKey: key }),
    check(s, outcome) {
      const [session] = s.purse.control.sessions();
      // However many aborts reached Purse (retries, answers lost), they are one operation: one key, never none.
      const keys = new Set(s.abortKeys);
      expect(keys.has(null)).toBe(false);
      if (outcome.ok) {
        // Aborted, exactly once.
        expect(outcome.value).toMatchObject({ status: 'ABORTED_BY_CUSTOMER' });
        expect(session!.status).toBe('ABORTED_BY_CUSTOMER');
        expect(keys.size).toBe(1);
      } else {
        // Still open, and the shopper was told so (the error is recoverable: checked for every case): not aborted
        // behind an error, which the shopper would take for a payment form still open.
        expect(session!.status).toBe('CREATED');
        expect(keys.size).toBeLessThanOrEqual(1);
      }
    },
  },
  'get status': {
    method: 'GET',
    path: (_s, paid) => `/payment/v2/payments/${(paid as { paymentId: string }).paymentId}`,
    async before(s) {
      const session = await s.backend.createSession({ order_reference: 'cart-1' });
      return s.pay(session);
    },
    run: (b, key, paid) => b.getPayment((paid as { paymentId: string }).paymentId, { idempotencyKey: key }),
    check(s, outcome) {
      if (outcome.ok) expect(outcome.value).toMatchObject({ authorization_status: 'AUTHORIZED' });
      expect(s.purse.control.payments()).toHaveLength(1);
    },
  },
};

async function attempt(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (isPurseKitFailure(error)) return { ok: false, error: error.error };
    throw error;
  }
}

/** What a shopper (or the component) can act on: try again, fix a field, ask for a new code. */
const RECOVERABLE = new Set(['server', 'network', 'rate_limited', 'validation', 'code_expired']);

/**
 * Calls whose body at Purse is the merchant's own data (resolveOrder), not the shopper's: Purse refusing it is the
 * shop's setup (a server error, `checkout_misconfigured`, logged), never a field for the shopper to fix.
 */
const MERCHANT_BODY = new Set(['create session']);

/**
 * How an intent may end other than in success: a 400 with a pointer asks the shopper to fix that field (but see
 * MERCHANT_BODY); a verify whose answer was lost after Purse used the code cannot give back the consent challenge
 * (Purse has no API to read it), so the shopper is asked for a new code. Anything else must succeed.
 */
const allowedEnd = (name: string, rule: Omit<FaultRule, 'path'>) =>
  rule.status === 400 && !MERCHANT_BODY.has(name) ? 'validation' : name === 'verify' && rule.after ? 'code_expired' : undefined;
const settle = () => new Promise((resolve) => setTimeout(resolve, SLOW_MS + 150));

const cases = Object.entries(CALLS).flatMap(([name, call]) => FAULTS.map(([fault, rule]) => [name, fault, call, rule] as const));

describe.concurrent('exactly once: 8 browser calls × network faults, real stack', () => {
  it.each(cases)('%s — %s', async (name, _fault, call, rule) => {
    const s = stack();
    const ready = await call.before?.(s);
    s.purse.control.setFault({ ...rule, method: call.method, path: call.path(s, ready), times: 1 });
    const key = crypto.randomUUID();
    const end = allowedEnd(name, rule);
    let outcome = await attempt(call.run(s.backend, key, ready));
    const first = outcome;
    if (!outcome.ok) {
      expect(RECOVERABLE, `${outcome.error.kind}: ${outcome.error.message}`).toContain(outcome.error.kind);
      // The shopper (or the component's "Try again") repeats the same intent once.
      if (outcome.error.kind !== end) outcome = await attempt(call.run(s.backend, key, ready));
    }
    if (!outcome.ok) expect(outcome.error.kind, outcome.error.message).toBe(end);
    if (rule.status === 400 && MERCHANT_BODY.has(name)) {
      expect(first).toMatchObject({ ok: false, error: { kind: 'server', code: 'checkout_misconfigured' } });
    } else if (rule.status === 400) {
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'validation', fields: { email: 'Refused.' } } });
    }
    await settle(); // let a slow first attempt finish at Purse before counting
    await call.check(s, outcome, ready);
  });
});
