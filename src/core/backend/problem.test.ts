import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_AFTER_MS,
  MALFORMED_BODY,
  parseRetryAfter,
  pointerToField,
  problemToError,
  toPurseKitError,
} from './problem.ts';
import { networkError } from '../errors.ts';

const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

describe('pointerToField', () => {
  it.each([
    ['/user/email', 'user.email'],
    ['/email', 'email'],
    ['/user/addresses/0/postal_code', 'user.addresses.0.postal_code'],
    ['#/user/first_name', 'user.first_name'],
    ['/a~1b/c~0d', 'a/b.c~d'],
  ])('%s → %s', (pointer, field) => {
    expect(pointerToField(pointer)).toBe(field);
  });
});

describe('parseRetryAfter', () => {
  const now = () => Date.parse('2025-03-01T10:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });
  it('reads an HTTP-date against the clock, never negative', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:59:00 GMT', now)).toBe(0);
  });
  it('measures an HTTP-date against the answer’s own Date, not a shopper’s clock hours off', () => {
    const headers = new Headers({ 'Retry-After': 'Sat, 01 Mar 2025 10:00:30 GMT', Date: 'Sat, 01 Mar 2025 10:00:00 GMT' });
    for (const hours of [-3, 3]) {
      const shopper = () => now() + hours * 3_600_000;
      expect(toPurseKitError({ status: 429, headers }, undefined, { now: shopper })).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    }
    // Without a Date (a header the server did not expose), the shopper's clock is all there is.
    const bare = new Headers({ 'Retry-After': 'Sat, 01 Mar 2025 10:00:30 GMT' });
    expect(toPurseKitError({ status: 429, headers: bare }, undefined, { now })).toMatchObject({ retryAfterMs: 30_000 });
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('toPurseKitError', () => {
  it('maps errors[].pointer to validation fields, messages from detail', () => {
    const body = {
      title: 'Validation Error',
      status: 400,
      detail: 'The request body contains invalid fields.',
      errors: [
        { pointer: '/user/email', detail: 'Invalid email format' },
        { pointer: '/email', detail: 'Required' },
        { pointer: '/user/email', detail: 'second message for the same field' },
      ],
    };
    expect(toPurseKitError(problem(400, body), body)).toEqual({
      kind: 'validation',
      status: 400,
      message: 'The request body contains invalid fields.',
      fields: { 'user.email': 'Invalid email format', email: 'Required' },
    });
  });

  it('a 400 without pointers is a request error keeping its code', () => {
    const body = { status: 400, title: 'Bad Request', detail: 'Unknown merchant', code: 'unknown_merchant', errors: [] };
    expect(toPurseKitError(problem(400, body), body)).toEqual({
      kind: 'request',
      status: 400,
      message: 'Unknown merchant',
      code: 'unknown_merchant',
    });
  });

  it('invalid_code carries attempts_left', () => {
    const body = { status: 400, detail: 'Wrong code', code: 'invalid_code', attempts_left: 2 };
    expect(toPurseKitError(problem(400, body), body)).toEqual({
      kind: 'invalid_code',
      message: 'Wrong code',
      attemptsLeft: 2,
    });
    const without = { status: 400, code: 'invalid_code' };
    const error = toPurseKitError(problem(400, without), without);
    expect(error).toEqual({ kind: 'invalid_code', message: 'The verification code is not valid.' });
    expect('attemptsLeft' in error).toBe(false);
  });

  it('code_expired and code_locked are code_expired, locked or not', () => {
    const expired = { status: 400, code: 'code_expired' };
    expect(toPurseKitError(problem(400, expired), expired)).toMatchObject({ kind: 'code_expired', locked: false });
    const locked = { status: 400, code: 'code_locked' };
    expect(toPurseKitError(problem(400, locked), locked)).toMatchObject({ kind: 'code_expired', locked: true });
  });

  it("the handler's code_not_requested_here (403) asks for a new code, not the merchant's credentials", () => {
    const body = { status: 403, code: 'code_not_requested_here', errors: [{ pointer: '/email', detail: 'Ask for a new code first.' }] };
    expect(toPurseKitError(problem(403, body), body)).toMatchObject({ kind: 'code_expired', locked: false, code: 'code_not_requested_here' });
  });

  it('keeps the problem code on every kind that has one, so views can tell refusals apart', () => {
    const cases: [number, string, string][] = [
      [503, 'store_full', 'server'],
      [500, 'purse_not_configured', 'server'],
      [409, 'customer_reference_taken', 'request'],
      [429, 'quota_exceeded', 'rate_limited'],
      [401, 'no_customer_session', 'unauthorized'],
      [403, 'identity_not_vouched', 'unauthorized'],
    ];
    for (const [status, code, kind] of cases) {
      const body = { status, code };
      expect(toPurseKitError(problem(status, body), body)).toMatchObject({ kind, code });
    }
    const withFields = { status: 409, code: 'user_exists', errors: [{ pointer: '/user/email', detail: 'taken' }] };
    expect(toPurseKitError(problem(409, withFields), withFields)).toMatchObject({ kind: 'validation', code: 'user_exists' });
  });

  it('resend_throttled is rate_limited, with Retry-After when given', () => {
    const body = { status: 429, code: 'resend_throttled', detail: 'Wait before asking for a new code' };
    expect(toPurseKitError(problem(429, body, { 'Retry-After': '30' }), body)).toEqual({
      kind: 'rate_limited',
      message: 'Wait before asking for a new code',
      retryAfterMs: 30_000,
      code: 'resend_throttled',
    });
    // Even when the handler chose another status for it.
    expect(toPurseKitError(problem(400, body), body)).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: DEFAULT_RETRY_AFTER_MS,
    });
  });

  it('429 reads Retry-After as seconds or as an HTTP-date, with a default when absent', () => {
    const now = () => Date.parse('2025-03-01T10:00:00Z');
    const seconds = new Response(null, { status: 429, headers: { 'Retry-After': '12' } });
    expect(toPurseKitError(seconds, undefined)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
    const date = new Response(null, { status: 429, headers: { 'Retry-After': 'Sat, 01 Mar 2025 10:00:04 GMT' } });
    expect(toPurseKitError(date, undefined, { now })).toMatchObject({ kind: 'rate_limited', retryAfterMs: 4_000 });
    const none = new Response(null, { status: 429 });
    expect(toPurseKitError(none, undefined)).toMatchObject({ kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS });
    expect(toPurseKitError(none, undefined, { defaultRetryAfterMs: 1234 })).toMatchObject({ retryAfterMs: 1234 });
  });

  it.each([401, 403])('%i is unauthorized, worded for the developer', (status) => {
    const body = { status, detail: 'Unsupported Origin' };
    const error = toPurseKitError(problem(status, body), body);
    expect(error).toMatchObject({ kind: 'unauthorized', status });
    expect(error.message).toContain(`refused the request (${status})`);
    expect(error.message).toContain('createMerchantHandler');
    expect(error.message).toContain('Unsupported Origin');
  });

  it('401 stays unauthorized when the body is an HTML page', () => {
    const res = new Response('<html>Login</html>', { status: 401, headers: { 'Content-Type': 'text/html' } });
    expect(toPurseKitError(res, MALFORMED_BODY)).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it.each([500, 502, 503, 504])('%i is server', (status) => {
    expect(toPurseKitError(new Response(null, { status }), undefined)).toMatchObject({ kind: 'server', status });
  });

  it('5xx keeps the problem detail as message', () => {
    const body = { status: 500, detail: 'Purse is down' };
    expect(toPurseKitError(problem(500, body), body)).toEqual({ kind: 'server', status: 500, message: 'Purse is down' });
  });

  it('a malformed body is server, whatever the status', () => {
    expect(toPurseKitError(new Response('{"tru', { status: 200 }), MALFORMED_BODY)).toMatchObject({
      kind: 'server',
      status: 200,
    });
    expect(toPurseKitError(new Response('<html>', { status: 404 }), MALFORMED_BODY)).toMatchObject({
      kind: 'server',
      status: 404,
    });
  });

  it('an HTML page where the handler should answer (404, or a dev server\'s 200 fallback) says to mount it at baseUrl', () => {
    // The route file in another folder than the provider's baseUrl, or a Vite dev server without its proxy: the
    // developer read only "answered 404 with a body that is not valid JSON".
    for (const status of [404, 200]) {
      const { message } = toPurseKitError(new Response('<!DOCTYPE html>', { status }), MALFORMED_BODY);
      expect(message).toContain('createMerchantHandler');
      expect(message).toContain('baseUrl');
    }
    expect(toPurseKitError(new Response('<html>', { status: 500 }), MALFORMED_BODY).message).not.toContain('baseUrl');
  });

  it.each([404, 409, 410, 422])('%i without fields is request, with status and code', (status) => {
    const body = { status, title: 'Nope', code: 'some_code' };
    expect(toPurseKitError(problem(status, body), body)).toEqual({
      kind: 'request',
      status,
      message: 'Nope',
      code: 'some_code',
    });
  });

  it('an empty 404 is request with a default message and no code', () => {
    const error = toPurseKitError(new Response(null, { status: 404 }), undefined);
    expect(error).toEqual({ kind: 'request', status: 404, message: 'The merchant backend refused the request (404).' });
  });
});

describe('problemToError and networkError', () => {
  it('problemToError works without a body', () => {
    expect(problemToError(undefined, { status: 409 })).toMatchObject({ kind: 'request', status: 409 });
    expect(problemToError(undefined, { status: 429, retryAfterMs: 50 })).toMatchObject({ retryAfterMs: 50 });
  });
  it('networkError tells timeouts apart', () => {
    expect(networkError()).toMatchObject({ kind: 'network', timeout: false });
    expect(networkError(2000)).toMatchObject({ kind: 'network', timeout: true });
    expect(networkError(2000).message).toContain('2000 ms');
  });
});

describe('no customer session', () => {
  it('tells the developer that resolveCustomer returned null, not that credentials are wrong', () => {
    const error = problemToError({ status: 401, code: 'no_customer_session', title: 'No customer session' }, { status: 401 });
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toMatch(/resolveCustomer/);
    expect(error.message).not.toMatch(/client id/);
  });
});

describe('consent challenge mismatch', () => {
  it('is a refused request, not a merchant credentials problem', () => {
    const error = problemToError({ status: 403, code: 'consent_challenge_mismatch', detail: 'issued for another email' }, { status: 403 });
    expect(error).toMatchObject({ kind: 'request', status: 403, code: 'consent_challenge_mismatch' });
  });
});
