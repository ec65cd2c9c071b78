// Session expiry: renewed in place by Drop-in Checkout, otherwise a clear restart; the expires_at timer.
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_GRACE_MS } from '../../core/checkout/machine.ts';
import {
  checkoutStack,
  CREATE_SESSION,
  fakeCdn,
  installFakePurse,
  installFakeUpStreamPay,
  liveText,
  renderCheckout,
  resetPage,
} from './test-support.tsx';

beforeEach(() => {
  fakeCdn();
});
afterEach(() => {
  vi.useRealTimers();
  resetPage();
});

describe('Drop-in Checkout', () => {
  it('renews an expired session in place through onRefreshSession: same order, new session, no restart', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true }); // real time passes; the grace period can be skipped at the end
    const purse = installFakePurse();
    const stack = checkoutStack();
    const onSessionExpired = vi.fn();
    renderCheckout({ order: { order_reference: 'cart-9' }, onSessionExpired }, { stack });
    await screen.findByText('Fake Purse drop-in');
    const dropin = purse.latest();

    await act(() => dropin.expire());

    const [first, second] = stack.purse.control.sessions();
    expect(second).toBeDefined();
    expect(second!.order.reference).toBe('cart-9');
    expect(dropin.setSession).toHaveBeenCalledWith(second!.widget!.data);
    expect(dropin.session).not.toBe(first!.widget!.data);
    expect(dropin.unmount).not.toHaveBeenCalled();
    expect(purse.instances).toHaveLength(1);
    expect(liveText()).toBe('The payment form is ready.');
    // After the grace period, still no restart: the drop-in asked in time.
    act(() => vi.advanceTimersByTime(REFRESH_GRACE_MS + 1));
    expect(liveText()).toBe('The payment form is ready.');
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('also counts a renewal the drop-in asked for just before reporting expiry', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const purse = installFakePurse();
    const stack = checkoutStack();
    renderCheckout({}, { stack });
    await screen.findByText('Fake Purse drop-in');
    const dropin = purse.latest();

    await act(async () => {
      await dropin.setSession(await dropin.options.hooks!.onRefreshSession!());
      dropin.sessionState.set('expired');
    });
    act(() => vi.advanceTimersByTime(REFRESH_GRACE_MS + 1));
    expect(liveText()).toBe('The payment form is ready.');
    expect(stack.purse.control.sessions()).toHaveLength(2);
  });

  it('offers a restart when the renewal fails, and "Start again" mounts a fresh session', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    const onSessionExpired = vi.fn();
    const { user } = renderCheckout({ onSessionExpired }, { stack });
    await screen.findByText('Fake Purse drop-in');

    stack.purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', status: 400, body: { title: 'Bad' } });
    await act(() => purse.latest().expire().catch(() => {}));
    await screen.findByText('Your session expired', { selector: 'p' });
    expect(liveText()).toBe('Your session expired.');
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(purse.latest().unmount).toHaveBeenCalledTimes(1);

    stack.purse.control.clearFaults();
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() => expect(purse.instances).toHaveLength(2));
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(stack.purse.control.sessions()).toHaveLength(2);
    expect(purse.latest().options.session).toBe(stack.purse.control.sessions()[1]!.widget!.data);
    expect(screen.getByRole('group', { name: 'Payment' })).toHaveFocus();
  });

  it('closes, not "expired", when the renewal finds the order paid in another tab: the status link at once', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    const onSessionExpired = vi.fn();
    const onClosed = vi.fn();
    renderCheckout({ order: { order_reference: 'cart-9' }, onSessionExpired, onClosed }, { stack });
    await screen.findByText('Fake Purse drop-in');
    // Another tab of the same shopper: the order's new session (this one is aborted), paid there.
    const other = await stack.backend.createSession({ order_reference: 'cart-9' }, { idempotencyKey: 'other-tab' });
    const paid = await stack.purse.fetch(
      new Request(`http://purse.test/dropin/api/sessions/${other.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${other.widget!.data}`, 'content-type': 'application/json' },
        body: JSON.stringify({ card_number: '4111 1111 1111 1111', expiry: '12/30', cvc: '123' }),
      }),
    );
    expect(paid.status).toBe(201);

    await act(() => purse.latest().expire().catch(() => {}));
    await screen.findByText('This payment form is closed. A payment may already have been made.', { selector: 'p' });
    expect(screen.getByRole('link', { name: 'See the status of your payment' }).getAttribute('href')).toContain(other.id);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(purse.latest().unmount).toHaveBeenCalledTimes(1);
  });

  it('offers a restart when the drop-in reports expiry but never asks for a new session', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    renderCheckout({}, { stack });
    await screen.findByText('Fake Purse drop-in');

    vi.useFakeTimers();
    act(() => void purse.latest().expire({ askHook: false }));
    act(() => vi.advanceTimersByTime(REFRESH_GRACE_MS - 1));
    expect(liveText()).toBe('The payment form is ready.');
    act(() => vi.advanceTimersByTime(1));
    expect(liveText()).toBe('Your session expired.');
    expect(screen.getByRole('button', { name: 'Start again' })).toBeInTheDocument();
    expect(stack.count(CREATE_SESSION)).toBe(1);
  });
});

describe('Widget v3', () => {
  it('cannot renew: "Your session expired" with "Start again", which mounts a fresh session', async () => {
    const ups = installFakeUpStreamPay();
    const stack = checkoutStack({ generation: 'widget-v3' });
    const onSessionExpired = vi.fn();
    const { user } = renderCheckout({ onSessionExpired }, { stack });
    await screen.findByText('Fake UpStreamPay widget');

    act(() => ups.fire({ code: 'CHECKOUT_SESSION_EXPIRED' }));
    expect(await screen.findByText('For your security, the payment session timed out. Start again to pay.')).toBeInTheDocument();
    expect(ups.unmounts).toBe(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    // The old widget's text stays in the (hidden) container: wait for the fresh session's widget.
    await waitFor(() => expect(ups.widgetData).toHaveLength(2));
    await screen.findByText('Fake UpStreamPay widget');
    const sessions = stack.purse.control.sessions();
    expect(sessions).toHaveLength(2);
    expect(ups.widgetData).toEqual(sessions.map((s) => s.widget!.data));
  });
});

describe('expires_at', () => {
  it('expires a hosted-page link when expires_at passes', async () => {
    const stack = checkoutStack({ sessionTtlMs: 300 });
    const onSessionExpired = vi.fn();
    renderCheckout({ integrationMode: 'HOSTED_PAGE', hostedPage: 'link', onSessionExpired }, { stack });
    expect(await screen.findByRole('link', { name: 'Continue to secure payment' })).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Start again' });
    expect(screen.queryByRole('link')).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('trusts no timer for a session that already looks expired on arrival (a wrong clock)', async () => {
    const stack = checkoutStack();
    const created = await stack.backend.createSession({ integration_mode: 'HOSTED_PAGE' });
    const session = { ...created, expires_at: new Date(Date.now() - 60_000).toISOString() };
    renderCheckout({ session, hostedPage: 'link' }, { stack });
    await screen.findByRole('link', { name: 'Continue to secure payment' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('link', { name: 'Continue to secure payment' })).toBeInTheDocument();
    expect(liveText()).toBe('Continue to the secure payment page to pay.');
  });

  // The merchant server says how long the session has left (expires_in_ms) when it answers: the timer counts that from
  // the answer's arrival, so a shopper's clock minutes off neither ends a payable session nor keeps a dead one.
  const MINUTE = 60_000;

  it('keeps the hosted-page link for the session’s whole life when the shopper’s clock is 5 minutes fast', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const stack = checkoutStack({ clockOffsetMs: -5 * MINUTE, sessionTtlMs: 10 * MINUTE });
    const onSessionExpired = vi.fn();
    renderCheckout({ integrationMode: 'HOSTED_PAGE', hostedPage: 'link', onSessionExpired }, { stack });
    await screen.findByRole('link', { name: 'Continue to secure payment' });

    act(() => vi.advanceTimersByTime(9 * MINUTE));
    expect(screen.getByRole('link', { name: 'Continue to secure payment' })).toBeInTheDocument();
    expect(onSessionExpired).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(MINUTE));
    expect(await screen.findByRole('button', { name: 'Start again' })).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('ends a failed step’s "Try again" when the session is over by the server’s clock, 5 minutes behind the shopper’s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const cdn = fakeCdn({ hold: true });
    installFakePurse();
    const stack = checkoutStack({ clockOffsetMs: 5 * MINUTE, sessionTtlMs: 3 * MINUTE });
    const onSessionExpired = vi.fn();
    renderCheckout({ onSessionExpired }, { stack });
    await waitFor(() => expect(cdn.requests).toHaveLength(1));
    cdn.requests[0]!.respond('', 500);
    await screen.findByRole('button', { name: 'Try again' });

    act(() => vi.advanceTimersByTime(3 * MINUTE));
    expect(await screen.findByRole('button', { name: 'Start again' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(liveText()).toBe('Your session expired.');
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('falls back on expires_at by the shopper’s clock for an adapter of your own that does not say the time left', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const stack = checkoutStack();
    const created = await stack.backend.createSession({ integration_mode: 'HOSTED_PAGE' });
    const { expires_in_ms: _left, ...session } = { ...created, expires_at: new Date(Date.now() + MINUTE).toISOString() };
    const onSessionExpired = vi.fn();
    renderCheckout({ session, hostedPage: 'link', onSessionExpired }, { stack });
    await screen.findByRole('link', { name: 'Continue to secure payment' });
    act(() => vi.advanceTimersByTime(MINUTE - 1_000));
    expect(onSessionExpired).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(await screen.findByRole('button', { name: 'Start again' })).toBeInTheDocument();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });
});
