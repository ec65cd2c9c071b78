// The checkout reducer without a DOM: events in, states out.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../backend/views.ts';
import { checkoutReducer, initialCheckoutState, REFRESH_GRACE_MS } from './machine.ts';
import type { CheckoutEvent, CheckoutState } from './types.ts';

const JS = 'https://cdn.purse-secure.com/dropin-checkout/stable/purse.js';
const session = (id = 'cs_1'): CheckoutSession => ({
  id,
  status: 'CREATED',
  integration_mode: 'EMBEDDED',
  amount: 1000,
  currency: 'EUR',
  expires_at: '2030-01-01T00:00:00Z',
  widget: { data: `data-${id}`, js_url: JS },
  eligible_solutions: [],
});
const run = (state: CheckoutState, ...events: CheckoutEvent[]) => events.reduce(checkoutReducer, state);
const embedded = { kind: 'embedded', jsUrl: JS, widgetData: 'data-cs_1' } as const;

/** Mounted and ready, on Drop-in Checkout. */
const ready = () =>
  run(
    initialCheckoutState('k1'),
    { type: 'CONTAINER_CHANGED', present: true },
    { type: 'SESSION_RECEIVED', session: session(), target: embedded, now: 100 },
    { type: 'SCRIPT_LOADED', url: JS, generation: 'dropin-checkout' },
    { type: 'MOUNTED' },
  );

describe('checkoutReducer', () => {
  it('goes session → script → mount → ready, and a later session on the same script skips the load', () => {
    const state = ready();
    expect(state).toMatchObject({ status: 'ready', generation: 'dropin-checkout', scriptUrl: JS, receivedAt: 100 });
    const restarted = run(state, { type: 'RESTART', intentKey: 'k2' });
    expect(restarted).toMatchObject({ status: 'loading', step: 'session', intentKey: 'k2', scriptUrl: JS });
    // A fresh intent has no session yet (the field is left out).
    expect(restarted.session).toBeUndefined();
    expect(restarted.mountKey).toBeGreaterThan(state.mountKey);
    const again = run(restarted, { type: 'SESSION_RECEIVED', session: session('cs_2'), target: embedded, now: 200 });
    expect(again).toMatchObject({ status: 'loading', step: 'mount' });
  });

  it('leads a hosted session straight to ready with its checked URL', () => {
    const hosted = { ...session(), integration_mode: 'HOSTED_PAGE' as const, widget: undefined };
    const state = run(initialCheckoutState('k'), {
      type: 'SESSION_RECEIVED',
      session: hosted,
      target: { kind: 'hosted', url: 'https://pay.purse-secure.com/x' },
      now: 1,
    });
    expect(state).toMatchObject({ status: 'ready', hostedPageUrl: 'https://pay.purse-secure.com/x' });
    // No drop-in to submit through.
    expect(run(state, { type: 'SUBMIT', key: 's' })).toBe(state);
  });

  it('closes at once for a session a payment was already submitted in (an order already paid)', () => {
    const submitted = { ...session(), status: 'SUBMITTED' as const };
    const state = run(initialCheckoutState('k'), { type: 'SESSION_RECEIVED', session: submitted, target: { kind: 'closed' }, now: 1 });
    expect(state).toMatchObject({ status: 'closed', session: submitted });
    // Nothing to load or submit; only a restart leaves.
    expect(run(state, { type: 'SUBMIT', key: 's' }, { type: 'RETRY' }, { type: 'SESSION_EXPIRED' })).toBe(state);
  });

  it('drops the late results of stopped work: the same state object comes back', () => {
    const state = ready();
    const error = { kind: 'network', message: 'offline', timeout: false } as const;
    expect(checkoutReducer(state, { type: 'STEP_FAILED', step: 'session', error })).toBe(state);
    expect(checkoutReducer(state, { type: 'SCRIPT_LOADED', url: JS, generation: 'widget-v3' })).toBe(state);
    expect(checkoutReducer(state, { type: 'SUBMIT_SETTLED', key: 'unknown' })).toBe(state);
    expect(checkoutReducer(state, { type: 'CANCELLED', key: 'unknown' })).toBe(state);
  });

  it('retries the failed step on the same intent', () => {
    const error = { kind: 'server', message: 'down', status: 503 } as const;
    const failed = run(initialCheckoutState('k1'), { type: 'STEP_FAILED', step: 'session', error });
    expect(failed).toMatchObject({ status: 'failed', step: 'session', error });
    expect(run(failed, { type: 'RETRY' })).toMatchObject({ status: 'loading', step: 'session', intentKey: 'k1', error: undefined });
  });

  it('submits once, and a refused submit leaves the form ready with the error', () => {
    const submitting = run(ready(), { type: 'SUBMIT', key: 's1' });
    expect(submitting).toMatchObject({ status: 'submitting', submitKey: 's1' });
    expect(checkoutReducer(submitting, { type: 'SUBMIT', key: 's2' })).toBe(submitting);
    const error = { kind: 'dropin', message: 'card refused' } as const;
    expect(run(submitting, { type: 'SUBMIT_FAILED', key: 's1', error })).toMatchObject({ status: 'ready', error, submitKey: undefined });
  });

  it('cancels once, never during a submission, and without a session at once', () => {
    const state = ready();
    const cancelling = run(state, { type: 'CANCEL', key: 'c1' });
    expect(cancelling.cancelKey).toBe('c1');
    expect(checkoutReducer(cancelling, { type: 'CANCEL', key: 'c2' })).toBe(cancelling);
    expect(run(cancelling, { type: 'CANCELLED', key: 'c1' })).toMatchObject({ status: 'cancelled', cancelKey: undefined });
    const submitting = run(state, { type: 'SUBMIT', key: 's' });
    expect(checkoutReducer(submitting, { type: 'CANCEL', key: 'c' })).toBe(submitting);
    expect(run(initialCheckoutState('k'), { type: 'CANCEL', key: 'c' })).toMatchObject({ status: 'cancelled' });
  });

  it('closes, not cancelled, when the cancel finds the session aborted by the merchant (the order opened in another tab)', () => {
    const cancelling = run(ready(), { type: 'FULFILLED', isFulfilled: true }, { type: 'CANCEL', key: 'c1' });
    const superseded = { ...session(), status: 'ABORTED_BY_MERCHANT' } as const;
    expect(run(cancelling, { type: 'CANCELLED', key: 'c1', session: superseded })).toMatchObject({
      status: 'closed',
      cancelKey: undefined,
      isFulfilled: false,
    });
    const byShopper = { ...session(), status: 'ABORTED_BY_CUSTOMER' } as const;
    expect(run(cancelling, { type: 'CANCELLED', key: 'c1', session: byShopper })).toMatchObject({ status: 'cancelled' });
  });

  it('closes when the drop-in can no longer take a payment for the session, and nothing then reopens it but a restart', () => {
    const closed = run(run(ready(), { type: 'FULFILLED', isFulfilled: true }, { type: 'SUBMIT', key: 's1' }), { type: 'DROPIN_TERMINATED' });
    expect(closed).toMatchObject({ status: 'closed', submitKey: undefined, isFulfilled: false, error: undefined });
    // A submit's late answer, a cancel, an expiry, a retry: the session stays closed.
    for (const event of [
      { type: 'SUBMIT_SETTLED', key: 's1' },
      { type: 'CANCEL', key: 'c1' },
      { type: 'SESSION_EXPIRED' },
      { type: 'DROPIN_EXPIRED', now: 1 },
      { type: 'RETRY' },
      { type: 'SUBMIT', key: 's2' },
    ] as const) {
      expect(checkoutReducer(closed, event).status).toBe('closed');
    }
    // Before a drop-in is mounted there is nothing to close; while an expired session is renewed, the old one ends.
    const loading = initialCheckoutState('k');
    expect(checkoutReducer(loading, { type: 'DROPIN_TERMINATED' })).toBe(loading);
    const expiring = run(ready(), { type: 'DROPIN_EXPIRED', now: 5 });
    expect(checkoutReducer(expiring, { type: 'DROPIN_TERMINATED' })).toBe(expiring);
    const renewing = run(expiring, { type: 'RENEWING', now: 6 });
    expect(checkoutReducer(renewing, { type: 'DROPIN_TERMINATED' })).toBe(renewing);
    expect(run(closed, { type: 'RESTART', intentKey: 'k2' })).toMatchObject({ status: 'loading', step: 'session', intentKey: 'k2' });
  });

  it('waits for Drop-in Checkout to renew an expired session, and expires when it does not ask in time', () => {
    const waiting = run(ready(), { type: 'DROPIN_EXPIRED', now: 10_000 });
    expect(waiting).toMatchObject({ status: 'ready', expiredAt: 10_000 });
    expect(run(waiting, { type: 'RENEWAL_OVERDUE', expiredAt: 10_000 })).toMatchObject({ status: 'expired' });
    // Asked for a renewal in time: no restart.
    const renewed = run(
      waiting,
      { type: 'RENEWING', now: 10_500 },
      { type: 'RENEWED', session: session('cs_2'), target: embedded, now: 11_000 },
      { type: 'RENEWAL_OVERDUE', expiredAt: 10_000 },
    );
    expect(renewed).toMatchObject({ status: 'ready', session: { id: 'cs_2' }, receivedAt: 11_000 });
    // A renewal asked just before the event counts too.
    const early = run(ready(), { type: 'RENEWING', now: 9_000 }, { type: 'RENEWED', session: session('cs_3'), target: embedded, now: 9_100 });
    const late = run(early, { type: 'DROPIN_EXPIRED', now: 9_000 + REFRESH_GRACE_MS }, { type: 'RENEWAL_OVERDUE', expiredAt: 9_000 + REFRESH_GRACE_MS });
    expect(late.status).toBe('ready');
  });

  it('closes when the renewal brings the order’s submitted session (paid meanwhile in another tab)', () => {
    const paid = { ...session('cs_paid'), status: 'SUBMITTED' as const };
    const renewing = run(ready(), { type: 'DROPIN_EXPIRED', now: 10_000 }, { type: 'RENEWING', now: 10_100 });
    const closed = run(renewing, { type: 'RENEWED', session: paid, target: { kind: 'closed' }, now: 10_200 });
    expect(closed).toMatchObject({ status: 'closed', session: { id: 'cs_paid' }, renewing: false, isFulfilled: false });
    expect(closed.expiredAt).toBeUndefined();
    // The renewal's failure that follows, and the overdue wait, change nothing.
    expect(run(closed, { type: 'RENEW_FAILED' }, { type: 'RENEWAL_OVERDUE', expiredAt: 10_000 })).toBe(closed);
  });

  it('expires at once on Widget v3, which cannot renew', () => {
    const state = run(
      initialCheckoutState('k'),
      { type: 'SESSION_RECEIVED', session: session(), target: embedded, now: 1 },
      { type: 'SCRIPT_LOADED', url: JS, generation: 'widget-v3' },
      { type: 'MOUNTED' },
      { type: 'FULFILLED', isFulfilled: true },
      { type: 'DROPIN_EXPIRED', now: 2 },
    );
    expect(state).toMatchObject({ status: 'expired', isFulfilled: false });
  });

  it('mounts again in a new container or with new mount options', () => {
    const state = ready();
    const moved = run(state, { type: 'CONTAINER_CHANGED', present: true });
    expect(moved).toMatchObject({ status: 'loading', step: 'mount' });
    expect(moved.mountKey).toBe(state.mountKey + 1);
    expect(run(state, { type: 'MOUNT_OPTIONS_CHANGED' })).toMatchObject({ status: 'loading', step: 'mount' });
    const expired = run(state, { type: 'SESSION_EXPIRED' });
    expect(checkoutReducer(expired, { type: 'MOUNT_OPTIONS_CHANGED' })).toBe(expired);
  });
});
