import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PurseKitFailure } from '../errors.ts';
import { createHttpBackend } from './http-backend.ts';
import type { FetchLike } from './request.ts';

const BASE = 'http://localhost:3000/api/purse';

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Headers;
}
let seen: Seen[] = [];

async function record(request: Request): Promise<void> {
  const url = new URL(request.url);
  const text = await request.text();
  seen.push({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: text === '' ? undefined : JSON.parse(text),
    headers: request.headers,
  });
}

const user = { email: 'ada@example.com', first_name: 'Ada' };

const server = setupServer(
  http.get(`${BASE}/xco/users/exists`, async ({ request }) => {
    await record(request);
    return HttpResponse.json({ exists: true, token_count: 2 });
  }),
  http.post(`${BASE}/xco/users`, async ({ request }) => {
    await record(request);
    return HttpResponse.json({ user }, { status: 201 });
  }),
  http.post(`${BASE}/xco/passwordless/start`, async ({ request }) => {
    await record(request);
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(`${BASE}/xco/passwordless/verify`, async ({ request }) => {
    await record(request);
    const body = seen.at(-1)!.body as { verification_code: string };
    if (body.verification_code !== '123456') {
      return HttpResponse.json(
        { status: 400, title: 'Invalid code', code: 'invalid_code', attempts_left: 1 },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    return HttpResponse.json({ consent_challenge_id: 'cc_1', user });
  }),
  http.post(`${BASE}/xco/consents`, async ({ request }) => {
    await record(request);
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${BASE}/xco/user`, async ({ request }) => {
    await record(request);
    return HttpResponse.json(user);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen = [];
});
afterAll(() => server.close());

const backend = () => createHttpBackend({ baseUrl: `${BASE}/`, retry: false });

describe('createHttpBackend speaks the routes.ts contract', () => {
  it('checkUser: GET exists?email=…, encoded', async () => {
    await expect(backend().checkUser({ email: 'a+b@example.com' })).resolves.toEqual({ exists: true, token_count: 2 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/purse/xco/users/exists', query: { email: 'a+b@example.com' } });
    expect(seen[0]!.headers.get('Accept')).toContain('application/json');
    expect(seen[0]!.headers.has('Idempotency-Key')).toBe(false);
  });

  it('checkUser: a phone number keeps its "+"', async () => {
    await backend().checkUser({ phone_number: '+33612345678' });
    expect(seen[0]!.query).toEqual({ phone_number: '+33612345678' });
  });

  it('createUser: POST { user } with JSON and an Idempotency-Key', async () => {
    await expect(backend().createUser({ user }, { idempotencyKey: 'click-1' })).resolves.toEqual({ user });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/purse/xco/users', body: { user } });
    expect(seen[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(seen[0]!.headers.get('Idempotency-Key')).toBe('click-1');
  });

  it('startPasswordless: POST the identifier, 204 → undefined', async () => {
    await expect(backend().startPasswordless({ email: 'ada@example.com' })).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/api/purse/xco/passwordless/start',
      body: { email: 'ada@example.com' },
    });
    expect(seen[0]!.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('verifyPasswordless: POST { ...identifier, verification_code }', async () => {
    const result = await backend().verifyPasswordless({
      identifier: { phone_number: '+33612345678' },
      verification_code: '123456',
    });
    expect(result).toEqual({ consent_challenge_id: 'cc_1', user });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/api/purse/xco/passwordless/verify',
      body: { phone_number: '+33612345678', verification_code: '123456' },
    });
  });

  it('verifyPasswordless: a wrong code rejects with invalid_code and attempts left', async () => {
    const error: unknown = await backend()
      .verifyPasswordless({ identifier: { email: 'ada@example.com' }, verification_code: '000000' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PurseKitFailure);
    expect((error as PurseKitFailure).error).toEqual({ kind: 'invalid_code', message: 'Invalid code', attemptsLeft: 1 });
  });

  it('createConsent: POST { ...identifier, consent_challenge_id }, 204', async () => {
    await expect(
      backend().createConsent({ identifier: { email: 'ada@example.com' }, consent_challenge_id: 'cc_1' }),
    ).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/api/purse/xco/consents',
      body: { email: 'ada@example.com', consent_challenge_id: 'cc_1' },
    });
  });

  it('getUser: GET /xco/user', async () => {
    await expect(backend().getUser()).resolves.toEqual(user);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/purse/xco/user' });
  });

  it('a 2xx body of the wrong shape is a server failure', async () => {
    server.use(http.get(`${BASE}/xco/users/exists`, () => HttpResponse.json({ hello: 'world' })));
    const error: unknown = await backend().checkUser({ email: 'a@b.c' }).catch((e: unknown) => e);
    expect((error as PurseKitFailure).error).toMatchObject({ kind: 'server' });
  });

  it('retries a GET through the backend on 503', async () => {
    let hits = 0;
    server.use(
      http.get(`${BASE}/xco/user`, () => (++hits === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(user))),
    );
    const retrying = createHttpBackend({ baseUrl: BASE, retry: { sleep: async () => undefined } });
    await expect(retrying.getUser()).resolves.toEqual(user);
    expect(hits).toBe(2);
  });
});

describe('createHttpBackend options', () => {
  it('sends credentials same-origin and extra headers (read per call) to its fetch', async () => {
    const inits: RequestInit[] = [];
    const fetch: FetchLike = async (_url, init) => {
      inits.push(init);
      return new Response(null, { status: 204 });
    };
    let token = 0;
    const api = createHttpBackend({ baseUrl: BASE, fetch, headers: () => ({ 'X-Csrf-Token': `t${++token}` }) });
    await api.startPasswordless({ email: 'a@b.c' });
    await api.startPasswordless({ email: 'a@b.c' });
    expect(inits.map((i) => i.credentials)).toEqual(['same-origin', 'same-origin']);
    expect(inits.map((i) => new Headers(i.headers).get('X-Csrf-Token'))).toEqual(['t1', 't2']);
  });

  it('aborting CallOptions.signal aborts the fetch and rejects with AbortError', async () => {
    let fetchSignal: AbortSignal | null | undefined;
    const fetch: FetchLike = (_url, init) => {
      fetchSignal = init.signal;
      return new Promise<Response>(() => undefined);
    };
    const controller = new AbortController();
    const pending = createHttpBackend({ baseUrl: BASE, fetch }).getUser({ signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(fetchSignal?.aborted).toBe(true);
  });

  it('refuses a missing baseUrl with a message that says what to pass', () => {
    // @ts-expect-error: the mistake under test
    expect(() => createHttpBackend({})).toThrow(/baseUrl/);
  });
});
