// The status reducer and its source without a DOM: events in, states out.
import { describe, expect, it } from 'vitest';
import { payments, verified, checkoutSession } from '../../test/payment-status-fixtures.ts';
import { initialStatusState, MISSING_SOURCE, sourceKey, statusReducer } from './machine.ts';
import { readRedirectToken, resolveSource } from './source.ts';
import type { StatusEvent, StatusState } from './types.ts';

const run = (state: StatusState, ...events: StatusEvent[]) => events.reduce(statusReducer, state);
const offline = { kind: 'network', message: 'offline', timeout: false } as const;

describe('resolveSource', () => {
  it('prefers explicit props, in order, over the URL token', () => {
    const all = { token: 't', paymentLinkId: 'pl', paymentId: 'p', clientSessionId: 'cs' };
    expect(resolveSource(all, 'url', true)).toEqual({ kind: 'token', token: 't' });
    expect(resolveSource({ ...all, token: undefined }, 'url', true)).toEqual({ kind: 'link', id: 'pl' });
    expect(resolveSource({ paymentId: 'p', clientSessionId: 'cs' }, 'url', true)).toEqual({ kind: 'payment', id: 'p' });
    expect(resolveSource({ clientSessionId: 'cs' }, 'url', true)).toEqual({ kind: 'session', id: 'cs' });
    expect(resolveSource({ paymentId: '  ' }, 'url', true)).toEqual({ kind: 'token', token: 'url' });
    expect(resolveSource({}, undefined, true)).toEqual({ kind: 'none' });
    // The URL's client session (where a closed checkout sends the shopper) after its token, never over a prop.
    expect(resolveSource({}, undefined, true, 'cs_url')).toEqual({ kind: 'session', id: 'cs_url' });
    expect(resolveSource({}, 'url', true, 'cs_url')).toEqual({ kind: 'token', token: 'url' });
    expect(resolveSource({ paymentId: 'p' }, undefined, true, 'cs_url')).toEqual({ kind: 'payment', id: 'p' });
    // Before mount (and on the server) the URL is not read: not "missing" yet, so both first renders agree.
    expect(resolveSource({}, undefined, false)).toEqual({ kind: 'unread' });
    expect(resolveSource({ paymentId: 'p' }, undefined, false)).toEqual({ kind: 'payment', id: 'p' });
    expect(sourceKey({ kind: 'payment', id: 'p' })).toBe('payment:p');
  });

  it('reads only purse-redirection-data from the query string', () => {
    expect(readRedirectToken('?a=1&purse-redirection-data=eyJ.x.y')).toBe('eyJ.x.y');
    expect(readRedirectToken('?purse-redirection-data=')).toBeUndefined();
    expect(readRedirectToken('?authorization_status=AUTHORIZED')).toBeUndefined();
  });
});

describe('statusReducer', () => {
  it('never reports success before the backend answered', () => {
    expect(initialStatusState({ kind: 'token', token: 't' }, 0)).toMatchObject({ phase: 'verifying', request: 1 });
    expect(initialStatusState({ kind: 'payment', id: 'p' }, 0)).toMatchObject({ phase: 'verifying', request: 1 });
    expect(initialStatusState({ kind: 'none' }, 0)).toMatchObject({ phase: 'error', error: MISSING_SOURCE });
    const unread = initialStatusState({ kind: 'unread' }, 0);
    expect(unread.phase).toBe('verifying');
    expect(unread.request).toBeUndefined();
  });

  it('takes the payment a verified redirect carries, without asking for it again', () => {
    const state = run(initialStatusState({ kind: 'token', token: 't' }, 0), {
      type: 'ANSWERED',
      now: 0,
      request: 1,
      answer: { kind: 'verify', data: verified(payments.pending) },
    });
    expect(state).toMatchObject({ phase: 'waiting', reason: 'pending', target: { kind: 'payment' }, request: undefined });
    expect(run(state, { type: 'POLL' }).request).toBe(2);
  });

  it('lets the payment decide once the session names it, and keeps the session phase while it loads', () => {
    const asking = run(initialStatusState({ kind: 'session', id: 'cs_1' }, 0), {
      type: 'ANSWERED',
      now: 0,
      request: 1,
      answer: { kind: 'session', data: checkoutSession({ payment_id: 'pay_1' }) },
    });
    expect(asking).toMatchObject({ phase: 'waiting', target: { kind: 'payment', id: 'pay_1' }, request: 2 });
    expect(run(asking, { type: 'ANSWERED', request: 2, answer: { kind: 'payment', data: payments.refused }, now: 0 }).phase).toBe('failure');
    expect(run(asking, { type: 'FAILED', request: 2, error: offline, now: 0 })).toMatchObject({ phase: 'error', error: offline });
  });

  it('a session that names its payment never reads as unpaid while the payment loads, whatever its status', () => {
    const asking = run(initialStatusState({ kind: 'session', id: 'cs_1' }, 0), {
      type: 'ANSWERED',
      now: 0,
      request: 1,
      answer: { kind: 'session', data: checkoutSession({ status: 'CREATED', payment_id: 'pay_1' }) },
    });
    expect(asking).toMatchObject({ phase: 'waiting', reason: 'session_submitted', target: { kind: 'payment', id: 'pay_1' } });
  });

  it('stops at a session that expired unpaid, as of the answer; before its expiry it is followed', () => {
    const session = checkoutSession({ status: 'CREATED', expires_at: '2030-01-01T00:00:00Z' });
    const expiry = Date.parse(session.expires_at);
    const start = initialStatusState({ kind: 'session', id: 'cs_1' }, 0);
    const open = run(start, { type: 'ANSWERED', request: 1, answer: { kind: 'session', data: session }, now: expiry - 1 });
    expect(open).toMatchObject({ phase: 'waiting', reason: 'session_created' });
    const expired = run(open, { type: 'POLL' }, { type: 'ANSWERED', request: 2, answer: { kind: 'session', data: session }, now: expiry });
    expect(expired).toMatchObject({ phase: 'failure', reason: 'session_expired' });
    expect(statusReducer(expired, { type: 'POLL' })).toBe(expired);
  });

  it('drops a late answer, and a failed poll after an answer changes nothing on screen', () => {
    const waiting = run(initialStatusState({ kind: 'payment', id: 'pay_1' }, 0), {
      type: 'ANSWERED',
      now: 0,
      request: 1,
      answer: { kind: 'payment', data: payments.pending },
    });
    expect(statusReducer(waiting, { type: 'ANSWERED', request: 1, answer: { kind: 'payment', data: payments.authorized }, now: 0 })).toBe(waiting);
    const polled = run(waiting, { type: 'POLL' }, { type: 'FAILED', request: 2, error: offline, now: 0 });
    expect(polled).toMatchObject({ phase: 'waiting', error: undefined, request: undefined });
    // The failures in a row and the last Retry-After are kept for the schedule (the next poll waits longer)…
    const busy = { kind: 'rate_limited', message: '429', retryAfterMs: 30_000 } as const;
    const limited = run(polled, { type: 'POLL' }, { type: 'FAILED', request: 3, error: busy, now: 1_000 });
    expect(limited).toMatchObject({ phase: 'waiting', failures: 2, retryAt: 31_000 });
    // …until an answer comes.
    const answered = run(limited, { type: 'POLL' }, { type: 'ANSWERED', request: 4, answer: { kind: 'payment', data: payments.pending }, now: 0 });
    expect(answered.failures).toBeUndefined();
    expect(answered.retryAt).toBeUndefined();
  });

  it('ends polling on a refusal (the payment is no longer this shopper’s to see): an error, not 15 minutes of asking', () => {
    const waiting = run(initialStatusState({ kind: 'payment', id: 'pay_1' }, 0), {
      type: 'ANSWERED',
      now: 0,
      request: 1,
      answer: { kind: 'payment', data: payments.pending },
    });
    const gone = { kind: 'request', message: 'No payment with this id for this shopper.', status: 404, code: 'payment_not_found' } as const;
    const refused = run(waiting, { type: 'POLL' }, { type: 'FAILED', request: 2, error: gone, now: 0 });
    expect(refused).toMatchObject({ phase: 'error', error: gone, request: undefined });
    expect(run(refused, { type: 'POLL' })).toBe(refused);
    // A proxy's 408, or its HTML 404 page (no problem code), is a passing failure: the next poll asks again.
    for (const passing of [{ kind: 'request', message: '408', status: 408 }, { kind: 'request', message: 'html', status: 404 }] as const) {
      expect(run(waiting, { type: 'POLL' }, { type: 'FAILED', request: 2, error: passing, now: 0 })).toMatchObject({ phase: 'waiting', failures: 1 });
    }
  });

  it('turns waiting into timed_out, never a final status; a refresh asks once', () => {
    const waiting = run(initialStatusState({ kind: 'payment', id: 'pay_1' }, 0), {
      type: 'ANSWERED',
      now: 0,
      request: 1,
      answer: { kind: 'payment', data: payments.pending },
    });
    const timedOut = run(waiting, { type: 'TIMED_OUT' });
    expect(timedOut.phase).toBe('timed_out');
    expect(statusReducer(timedOut, { type: 'POLL' })).toBe(timedOut);
    const refreshing = run(timedOut, { type: 'REFRESH' });
    expect(refreshing.request).toBe(2);
    expect(statusReducer(refreshing, { type: 'REFRESH' })).toBe(refreshing);
    expect(run(refreshing, { type: 'ANSWERED', request: 2, answer: { kind: 'payment', data: payments.authorized }, now: 0 })).toMatchObject({
      phase: 'success',
      reason: 'authorized',
    });
  });
});
