// Shared by this folder's tests: a mock on a fake clock, a bearer token, and terse Payment API calls.
// Not part of the public API.
import type { JSONWebKeySet } from 'jose';
import { API_KEY_HEADER, type ClientSession, type Payment, type PaymentLink, type SigningJwks } from '../../core/wire/payment.ts';
import { createMockPurse } from '../create.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import type { MockPurseOptions } from '../types.ts';

export const ORIGIN = 'http://purse.test';
export const START = Date.UTC(2026, 0, 15, 10, 0, 0);

export const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  entity_id: MOCK_CREDENTIALS.entityId,
  amount: 12000,
  currency: 'EUR',
  shopper_redirection_url: 'https://shop.test/return?order=o-1',
  order: { reference: 'o-1' },
  ...overrides,
});

export function setupPurse(options: MockPurseOptions = {}) {
  let time = START;
  const clock = {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
  const purse = createMockPurse({ now: clock.now, baseUrl: ORIGIN, testMode: true, ...options });
  let token: string | undefined;

  async function bearer(): Promise<string> {
    if (token) return token;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: MOCK_CREDENTIALS.clientId,
      client_secret: MOCK_CREDENTIALS.clientSecret,
    });
    const response = await purse.fetch(
      new Request(`${ORIGIN}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }),
    );
    token = ((await response.json()) as { access_token: string }).access_token;
    return token;
  }

  /** A call with the bearer token (unless `auth: false`) and a JSON body. */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, auth = true) {
    const all: Record<string, string> = { ...headers };
    if (auth) all.authorization = `Bearer ${await bearer()}`;
    if (body !== undefined) all['content-type'] = 'application/json';
    return purse.fetch(
      new Request(`${ORIGIN}${path}`, { method, headers: all, ...(body !== undefined && { body: JSON.stringify(body) }) }),
    );
  }

  async function ok<T>(response: Promise<Response>, status = 200): Promise<T> {
    const r = await response;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${await r.text()}`);
    return (await r.json()) as T;
  }

  const api = {
    createSession: (overrides: Record<string, unknown> = {}) =>
      ok<ClientSession>(call('POST', '/payment/v2/client-sessions', sessionBody(overrides)), 201),
    getSession: (id: string) => ok<ClientSession>(call('GET', `/payment/v2/client-sessions/${id}`)),
    getPayment: (id: string) => ok<Payment>(call('GET', `/payment/v2/payments/${id}`)),
    getLink: (id: string) => ok<PaymentLink>(call('GET', `/payment/v2/payment-links/${id}`)),
    /** Pays a session through the drop-in API, as the scripts do. */
    pay: (session: ClientSession, card = '4111 1111 1111 1111', expiry = '12/30', cvc = '123') =>
      purse.fetch(
        new Request(`${ORIGIN}/dropin/api/sessions/${session.id}/payments`, {
          method: 'POST',
          headers: { authorization: `Widget ${session.widget!.data}`, 'content-type': 'application/json' },
          body: JSON.stringify({ card_number: card, expiry, cvc }),
        }),
      ),
    /** Pays and returns the payment. */
    async paid(overrides: Record<string, unknown> = {}, card?: string): Promise<Payment> {
      const session = await api.createSession(overrides);
      const result = await ok<{ payment_id: string }>(api.pay(session, card), 201);
      return api.getPayment(result.payment_id);
    },
    operation: (id: string, kind: 'captures' | 'refunds' | 'voids', body: unknown, key?: string) =>
      call('POST', `/payment/v2/payments/${id}/${kind}`, body, key ? { 'idempotency-key': key } : {}),
  };

  return { purse, clock, call, ok, api };
}

/** GET signing-jwks with the API key (its documented scheme), as published: `kid` is a number. */
export async function signingJwks(purse: { fetch(request: Request): Promise<Response> }): Promise<SigningJwks> {
  const response = await purse.fetch(new Request(`${ORIGIN}/payment/v2/signing-jwks`, { headers: { [API_KEY_HEADER]: MOCK_CREDENTIALS.apiKey } }));
  if (response.status !== 200) throw new Error(`signing-jwks answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SigningJwks;
}

/** The key set as jose wants it: a JWS header's `kid` is a string, so the published numbers are compared as strings. */
export const keySetOf = (jwks: SigningJwks): JSONWebKeySet => ({
  keys: jwks.keys.map((key) => ({ ...key, kid: String(key.kid) })),
});

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { pointer: string; detail: string }[];
}

export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type} (${response.status})`);
  return (await response.json()) as Problem;
}

export const pointersOf = (problem: Problem) => (problem.errors ?? []).map((e) => e.pointer).sort();

/** The redirect token of a redirect URL. */
export const tokenOf = (url: string) => new URL(url).searchParams.get('purse-redirection-data')!;
