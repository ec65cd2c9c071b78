import { afterEach, describe, expect, it, vi } from 'vitest';
import { PurseKitFailure } from '../errors.ts';
import type { PurseKitError } from '../errors.ts';
import { request } from './request.ts';
import type { FetchLike } from './request.ts';
import { isAbortError } from './retry.ts';

type Reply = Response | Error | ((init: RequestInit) => Promise<Response>);

/** A fetch that answers from a script and records what it was asked (the network edge, not our code). */
function scriptedFetch(...replies: Reply[]) {
  const calls: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    });
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('script exhausted');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(init);
    return reply.clone();
  };
  return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });

/** Records the waits instead of waiting; `random` fixed so the jitter is known. */
function instantRetry(extra: { attempts?: number; maxRetryAfterMs?: number } = {}) {
  const waits: number[] = [];
  return {
    waits,
    retry: { ...extra, random: () => 0.5, sleep: async (ms: number) => void waits.push(ms) },
  };
}

async function failure(promise: Promise<unknown>): Promise<PurseKitError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PurseKitFailure);
  return (error as PurseKitFailure).error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request: answers', () => {
  it('returns parsed JSON and sends JSON with the expected headers', async () => {
    const { fetch, calls } = scriptedFetch(json({ ok: 1 }, 201));
    const value = await request('https://shop.test/api/x', {
      method: 'POST',
      body: { a: 1 },
      headers: { 'X-Csrf': 't' },
      credentials: 'same-origin',
      fetch,
    });
    expect(value).toEqual({ ok: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://shop.test/api/x', method: 'POST', body: { a: 1 } });
    expect(calls[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(calls[0]!.headers.get('Accept')).toContain('application/json');
    expect(calls[0]!.headers.get('X-Csrf')).toBe('t');
  });

  it('returns undefined for 204 and sends no body or Content-Type on a GET', async () => {
    const { fetch, calls } = scriptedFetch(status(204));
    await expect(request('https://shop.test/x', { fetch })).resolves.toBeUndefined();
    expect(calls[0]!.body).toBeUndefined();
    expect(calls[0]!.headers.has('Content-Type')).toBe(false);
    expect(calls[0]!.headers.has('Idempotency-Key')).toBe(false);
  });

  it('a 200 with a malformed body is a server failure', async () => {
    const { fetch } = scriptedFetch(new Response('{"exists": tr', { status: 200 }));
    expect(await failure(request('https://shop.test/x', { fetch, retry: false }))).toMatchObject({
      kind: 'server',
      status: 200,
    });
  });

  it('uses the global fetch looked up at call time', async () => {
    const { fetch, calls } = scriptedFetch(json({ via: 'global' }));
    vi.stubGlobal('fetch', fetch);
    await expect(request('https://shop.test/g')).resolves.toEqual({ via: 'global' });
    expect(calls).toHaveLength(1);
  });
});

describe('request: GET retries', () => {
  it('retries a 503 and then succeeds, with jittered exponential backoff', async () => {
    const { fetch, calls } = scriptedFetch(status(503), status(503), json({ n: 3 }));
    const { waits, retry } = instantRetry();
    await expect(request('https://shop.test/x', { fetch, retry })).resolves.toEqual({ n: 3 });
    expect(calls).toHaveLength(3);
    // random 0.5 × min(5000, 300·2^i)
    expect(waits).toEqual([150, 300]);
  });

  it('gives up after the attempts with the last failure', async () => {
    const { fetch, calls } = scriptedFetch(status(500));
    const { retry } = instantRetry();
    expect(await failure(request('https://shop.test/x', { fetch, retry }))).toMatchObject({ kind: 'server', status: 500 });
    expect(calls).toHaveLength(3);
  });

  it.each([
    [Number.NaN, 3],
    [Infinity, 3],
    [2.9, 2],
    [0, 1],
    [-4, 1],
  ])('attempts: %d makes %i attempts (NaN and Infinity keep the default, less than 1 is one)', async (attempts, made) => {
    const { fetch, calls } = scriptedFetch(status(503));
    const { retry } = instantRetry({ attempts });
    await failure(request('https://shop.test/x', { fetch, retry }));
    expect(calls).toHaveLength(made);
  });

  it('options left undefined keep their default; retry: false is one attempt whatever it meets', async () => {
    const { fetch, calls } = scriptedFetch(status(503), json({ ok: true }));
    const waits: number[] = [];
    const retry = { attempts: undefined, baseDelayMs: undefined, random: () => 0.5, sleep: async (ms: number) => void waits.push(ms) };
    await expect(request('https://shop.test/x', { fetch, retry })).resolves.toEqual({ ok: true });
    expect(waits).toEqual([150]);
    const single = scriptedFetch(status(503), json({ ok: true }));
    await failure(request('https://shop.test/x', { fetch: single.fetch, retry: false }));
    expect(single.calls).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const { fetch } = scriptedFetch(status(502));
    const waits: number[] = [];
    const retry = { attempts: 7, random: () => 0.999, sleep: async (ms: number) => void waits.push(ms) };
    await failure(request('https://shop.test/x', { fetch, retry }));
    expect(waits).toEqual([299, 599, 1198, 2397, 4795, 4995]);
  });

  it('honours Retry-After on 429 then succeeds', async () => {
    const { fetch, calls } = scriptedFetch(status(429, { 'Retry-After': '2' }), json({ exists: true }));
    const { waits, retry } = instantRetry();
    await expect(request('https://shop.test/x', { fetch, retry })).resolves.toEqual({ exists: true });
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('does not wait for a Retry-After over the cap: rate_limited at once', async () => {
    const { fetch, calls } = scriptedFetch(status(429, { 'Retry-After': '60' }), json({}));
    const { waits, retry } = instantRetry();
    expect(await failure(request('https://shop.test/x', { fetch, retry }))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 60_000,
    });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a network error (fetch TypeError) and does not retry a 404', async () => {
    const net = scriptedFetch(new TypeError('Failed to fetch'), json({ ok: true }));
    await expect(request('https://shop.test/x', { fetch: net.fetch, retry: instantRetry().retry })).resolves.toEqual({
      ok: true,
    });
    expect(net.calls).toHaveLength(2);

    const missing = scriptedFetch(status(404), json({}));
    expect(await failure(request('https://shop.test/x', { fetch: missing.fetch, retry: instantRetry().retry }))).toMatchObject(
      { kind: 'request', status: 404 },
    );
    expect(missing.calls).toHaveLength(1);
  });

  it("does not retry a GET answered 501: the handler has no such feature configured, and asking again cannot change it", async () => {
    const notConfigured = scriptedFetch(json({ code: 'customer_purse_not_configured' }, 501), json({ ok: true }));
    expect(await failure(request('https://shop.test/x', { fetch: notConfigured.fetch, retry: instantRetry().retry }))).toMatchObject({
      kind: 'server',
      status: 501,
    });
    expect(notConfigured.calls).toHaveLength(1);
  });

  it('retry: false makes one attempt; a TypeError maps to network timeout:false', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('Failed to fetch'));
    expect(await failure(request('https://shop.test/x', { fetch, retry: false }))).toMatchObject({
      kind: 'network',
      timeout: false,
    });
    expect(calls).toHaveLength(1);
  });
});

describe('request: POST retries and idempotency keys', () => {
  it('generates a UUID key and keeps it when retrying after a network error', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('Failed to fetch'), json({ user: {} }, 201));
    const { retry } = instantRetry();
    await request('https://shop.test/x', { method: 'POST', body: {}, fetch, retry });
    expect(calls).toHaveLength(2);
    const key = calls[0]!.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(calls[1]!.headers.get('Idempotency-Key')).toBe(key);
  });

  it('uses the caller key, and two calls without one get different keys', async () => {
    const { fetch, calls } = scriptedFetch(status(204));
    await request('https://shop.test/x', { method: 'POST', body: {}, fetch, idempotencyKey: 'intent-1' });
    await request('https://shop.test/x', { method: 'POST', body: {}, fetch });
    await request('https://shop.test/x', { method: 'POST', body: {}, fetch });
    expect(calls.map((c) => c.headers.get('Idempotency-Key'))[0]).toBe('intent-1');
    expect(calls[1]!.headers.get('Idempotency-Key')).not.toBe(calls[2]!.headers.get('Idempotency-Key'));
  });

  it.each([502, 503, 504])('retries %i with the same key', async (code) => {
    const { fetch, calls } = scriptedFetch(status(code), status(204));
    await request('https://shop.test/x', { method: 'POST', body: {}, fetch, retry: instantRetry().retry });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers.get('Idempotency-Key')).toBe(calls[0]!.headers.get('Idempotency-Key'));
  });

  it.each([
    [400, 'validation'],
    [429, 'rate_limited'],
    [500, 'server'],
  ])('does not retry %i', async (code, kind) => {
    const body = code === 400 ? { errors: [{ pointer: '/email', detail: 'Required' }] } : {};
    const { fetch, calls } = scriptedFetch(json(body, code), status(204));
    const { waits, retry } = instantRetry();
    expect(await failure(request('https://shop.test/x', { method: 'POST', body: {}, fetch, retry }))).toMatchObject({
      kind,
    });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('request: abort and timeout', () => {
  it('abort stops a pending retry sleep, rejecting with AbortError', async () => {
    const { fetch, calls } = scriptedFetch(status(503, { 'Retry-After': '5' }), json({}));
    const controller = new AbortController();
    const started = Date.now();
    const pending = request('https://shop.test/x', { fetch, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(PurseKitFailure);
    expect(Date.now() - started).toBeLessThan(4000); // not the 5 s Retry-After
    expect(calls).toHaveLength(1);
  });

  it('abort during the request rejects with AbortError, even if fetch ignores the signal', async () => {
    const { fetch } = scriptedFetch(() => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = request('https://shop.test/x', { fetch, signal: controller.signal });
    controller.abort();
    expect(isAbortError(await pending.catch((e: unknown) => e))).toBe(true);
  });

  it("a caller's abort rejects with the caller's own reason, during the request and during a wait, never as a timeout", async () => {
    const reason = new Error('left the page');
    const during = new AbortController();
    const { fetch } = scriptedFetch(() => new Promise<Response>(() => undefined));
    const pending = request('https://shop.test/x', { fetch, signal: during.signal, timeoutMs: 5_000 });
    during.abort(reason);
    expect(await pending.catch((e: unknown) => e)).toBe(reason);

    const waiting = new AbortController();
    const slow = scriptedFetch(status(503, { 'Retry-After': '5' }), json({}));
    const pendingRetry = request('https://shop.test/x', { fetch: slow.fetch, signal: waiting.signal });
    setTimeout(() => waiting.abort(reason), 30);
    expect(await pendingRetry.catch((e: unknown) => e)).toBe(reason);
    expect(slow.calls).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { fetch, calls } = scriptedFetch(json({}));
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(await request('https://shop.test/x', { fetch, signal: controller.signal }).catch((e) => e))).toBe(
      true,
    );
    expect(calls).toHaveLength(0);
  });

  it('a timeout is network with timeout:true, and the fetch signal is aborted', async () => {
    let seen: AbortSignal | undefined;
    const { fetch } = scriptedFetch((init) => {
      seen = init.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    expect(await failure(request('https://shop.test/x', { fetch, timeoutMs: 30, retry: false }))).toMatchObject({
      kind: 'network',
      timeout: true,
    });
    expect(seen?.aborted).toBe(true);
  });

  it('a GET that timed out is retried', async () => {
    const { fetch, calls } = scriptedFetch(() => new Promise<Response>(() => undefined), json({ late: false }));
    await expect(request('https://shop.test/x', { fetch, timeoutMs: 30, retry: instantRetry().retry })).resolves.toEqual({
      late: false,
    });
    expect(calls).toHaveLength(2);
  });

  it('the timeout covers a body that never finishes', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: () => undefined });
    const { fetch } = scriptedFetch(async () => new Response(stalled, { status: 200 }));
    expect(await failure(request('https://shop.test/x', { fetch, timeoutMs: 30, retry: false }))).toMatchObject({
      kind: 'network',
      timeout: true,
    });
  });
});
