import { describe, expect, it } from 'vitest';
import { payments, verified, checkoutSession } from '../../test/payment-status-fixtures.ts';
import { derivePhase, MISSING_SOURCE, toKitError } from './derive.ts';
import { readRedirectToken, resolveSource, sourceKey } from './source.ts';
import { PurseKitFailure } from '../../core/errors.ts';

describe('resolveSource', () => {
  it('prefers explicit props, in order, over the URL token', () => {
    const all = { token: 't', paymentLinkId: 'pl', paymentId: 'p', clientSessionId: 'cs' };
    expect(resolveSource(all, 'url')).toEqual({ kind: 'token', token: 't' });
    expect(resolveSource({ ...all, token: undefined }, 'url')).toEqual({ kind: 'link', id: 'pl' });
    expect(resolveSource({ paymentId: 'p', clientSessionId: 'cs' }, 'url')).toEqual({ kind: 'payment', id: 'p' });
    expect(resolveSource({ clientSessionId: 'cs' }, 'url')).toEqual({ kind: 'session', id: 'cs' });
    expect(resolveSource({ paymentId: '  ' }, 'url')).toEqual({ kind: 'token', token: 'url' });
    expect(resolveSource({}, undefined)).toEqual({ kind: 'none' });
    // Server rendering cannot read the URL: not "missing" yet, so the markup matches the browser's first render.
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

describe('derivePhase', () => {
  const base = { timedOut: false } as const;

  it('never reports success before the backend answered', () => {
    expect(derivePhase({ ...base, source: 'token', verify: {} })).toEqual({ phase: 'verifying' });
    expect(derivePhase({ ...base, source: 'payment', payment: {} })).toEqual({ phase: 'verifying' });
    expect(derivePhase({ ...base, source: 'none' })).toEqual({ phase: 'error', error: MISSING_SOURCE });
    expect(derivePhase({ ...base, source: 'unread' })).toEqual({ phase: 'verifying' });
  });

  it('lets the payment decide once its id is known, and keeps the session phase while it loads', () => {
    const session = { data: checkoutSession({ payment_id: 'pay_1' }) };
    expect(derivePhase({ ...base, source: 'session', session, payment: {} }).phase).toBe('waiting');
    expect(derivePhase({ ...base, source: 'session', session, payment: { data: payments.refused } }).phase).toBe('failure');
    const failed = new PurseKitFailure({ kind: 'network', message: 'offline', timeout: false });
    expect(derivePhase({ ...base, source: 'session', session, payment: { error: failed } })).toMatchObject({
      phase: 'error',
      error: { kind: 'network' },
    });
  });

  it('turns waiting into timed_out, never a final status', () => {
    const waiting = { source: 'token', verify: { data: verified(payments.pending) }, payment: { data: payments.pending } } as const;
    expect(derivePhase({ ...waiting, timedOut: true }).phase).toBe('timed_out');
    const done = { ...waiting, payment: { data: payments.authorized } };
    expect(derivePhase({ ...done, timedOut: true })).toEqual({
      phase: 'success',
      classification: { outcome: 'success', reason: 'authorized' },
    });
  });

  it('maps a foreign rejection to a server error', () => {
    expect(toKitError(new TypeError('boom'))).toEqual({
      kind: 'server',
      status: 0,
      message: 'The merchant backend adapter failed: boom',
    });
  });
});
