// The poll schedule end to end with fake timers: 2 s, then 10 s after a minute, nothing after 15 minutes, nothing
// after unmount or a final status.
import { notifyManager } from '@tanstack/react-query';
import { act, fireEvent, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkoutSession, payments, verified } from './fixtures.ts';
import { createMswMerchant } from './msw-merchant.ts';
import type { MswMerchant } from './msw-merchant.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { renderWithPurse, setRedirectUrl } from './test-render.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const s = 1_000;
const min = 60 * s;
const GET_PAYMENT = 'GET /payments/pay_1';

let merchant: MswMerchant;
beforeEach(() => {
  // Timers and the clock only: promises and MSW's internals keep running for real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  merchant = createMswMerchant();
  server.use(...merchant.handlers);
  setRedirectUrl(null);
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

// TanStack Query tells React about new data on a zero-delay timer; a fake timer set during a fake tick fires 1 ms
// later, which would shift every boundary this file checks. Notify on a microtask instead (this file only).
beforeAll(() => notifyManager.setScheduler(queueMicrotask));
afterAll(() => notifyManager.setScheduler((callback) => setTimeout(callback, 0)));

/** Moves the fake clock, then lets the answers of the requests that left settle (they resolve on real macrotasks). */
const advance = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  });
const title = () => screen.getByRole('heading').textContent;

describe('polling a pending payment', () => {
  it('asks every 2 s for a minute, then every 10 s, until the payment is authorized; then never again', async () => {
    merchant.tokens.set('tok_pending', verified(payments.pending));
    merchant.payments.set('pay_1', payments.pending);
    const onPending = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus token="tok_pending" onPending={onPending} onSuccess={onSuccess} />, {
      backend: merchant.backend,
    });
    await advance(0);
    expect(title()).toBe('Your payment is being processed');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your payment is being processed. This page updates by itself. You can stay here or come back later.',
    );
    // The verified redirect carried the pending payment: the first GET waits for the schedule.
    expect(merchant.count(GET_PAYMENT)).toBe(0);

    await advance(2 * s - 1);
    expect(merchant.count(GET_PAYMENT)).toBe(0);
    await advance(1);
    expect(merchant.count(GET_PAYMENT)).toBe(1);
    await advance(58 * s);
    expect(merchant.count(GET_PAYMENT)).toBe(30);
    // From the first minute on: every 10 s.
    await advance(10 * s - 1);
    expect(merchant.count(GET_PAYMENT)).toBe(30);
    await advance(1);
    expect(merchant.count(GET_PAYMENT)).toBe(31);

    merchant.payments.set('pay_1', payments.authorized);
    await advance(10 * s);
    expect(merchant.count(GET_PAYMENT)).toBe(32);
    expect(title()).toBe('Payment successful');
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful. Your payment is confirmed.');

    await advance(20 * min);
    expect(merchant.count(GET_PAYMENT)).toBe(32);
    expect(merchant.count('POST /payments/verify-redirect')).toBe(1);
    expect(onPending).toHaveBeenCalledTimes(1);
    expect(onPending).toHaveBeenCalledWith({ payment: payments.pending, link: undefined });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ payment: payments.authorized, link: undefined });
  });

  it('stops after 15 minutes with "still processing" and a manual refresh that asks exactly once', async () => {
    merchant.payments.set('pay_1', payments.pending);
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant.backend });
    await advance(0);
    expect(merchant.count(GET_PAYMENT)).toBe(1);

    await advance(15 * min - 1);
    expect(title()).toBe('Your payment is being processed');
    await advance(1);
    expect(title()).toBe('Your payment is still processing');
    expect(screen.getByRole('status')).toHaveTextContent(/^Your payment is still processing\. This is taking longer/);
    // 1 at mount, 30 in the first minute, then 10 s apart up to 14:50.
    const polled = merchant.count(GET_PAYMENT);
    expect(polled).toBe(1 + 30 + 83);

    await advance(30 * min);
    expect(merchant.count(GET_PAYMENT)).toBe(polled);

    // fireEvent, not userEvent: Testing Library's async wrapper waits on a timer, which the fake clock never fires.
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    refresh.focus();
    fireEvent.click(refresh);
    await advance(0);
    expect(merchant.count(GET_PAYMENT)).toBe(polled + 1);
    // Still pending: still timed out, and the schedule does not start again by itself.
    expect(title()).toBe('Your payment is still processing');
    expect(refresh).toHaveFocus();
    await advance(5 * min);
    expect(merchant.count(GET_PAYMENT)).toBe(polled + 1);

    merchant.payments.set('pay_1', payments.authorized);
    fireEvent.click(refresh);
    await advance(0);
    expect(merchant.count(GET_PAYMENT)).toBe(polled + 2);
    expect(title()).toBe('Payment successful');
    // The button the shopper used is gone: focus goes to the new status, not to the page's body.
    expect(screen.getByRole('heading')).toHaveFocus();
  });

  it('sends nothing after unmount', async () => {
    merchant.payments.set('pay_1', payments.pending);
    const { unmount } = renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant.backend });
    await advance(5 * s);
    expect(merchant.count(GET_PAYMENT)).toBe(3);
    unmount();
    await advance(20 * min);
    expect(merchant.requests).toHaveLength(3);
  });

  it('sends nothing after a final status, whichever poll brought it', async () => {
    merchant.payments.set('pay_1', payments.pending, payments.pending, payments.refused);
    const onFailure = vi.fn();
    renderWithPurse(<PaymentStatus paymentId="pay_1" onFailure={onFailure} />, { backend: merchant.backend });
    await advance(4 * s);
    expect(merchant.count(GET_PAYMENT)).toBe(3);
    expect(title()).toBe('Payment refused');
    await advance(20 * min);
    expect(merchant.requests).toHaveLength(3);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('follows a client session until it names its payment, then the payment', async () => {
    merchant.sessions.set('cs_1', checkoutSession({ status: 'CREATED' }), checkoutSession({ payment_id: 'pay_1' }));
    merchant.payments.set('pay_1', payments.authorized);
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" />, { backend: merchant.backend });
    await advance(0);
    expect(title()).toBe('Your payment is being processed');
    await advance(2 * s);
    expect(title()).toBe('Payment successful');
    await advance(5 * min);
    expect(merchant.requests).toEqual(['GET /checkout/sessions/cs_1', 'GET /checkout/sessions/cs_1', GET_PAYMENT]);
  });

  it('follows the session when the verified redirect names no payment yet', async () => {
    setRedirectUrl('tok_early');
    merchant.tokens.set('tok_early', verified(undefined, { client_session_status: 'CREATED' }));
    merchant.sessions.set('cs_1', checkoutSession({ status: 'CREATED' }), checkoutSession({ payment_id: 'pay_1' }));
    merchant.payments.set('pay_1', payments.pending, payments.authorized);
    renderWithPurse(<PaymentStatus />, { backend: merchant.backend });
    await advance(0);
    expect(title()).toBe('Your payment is being processed');
    await advance(6 * s);
    expect(title()).toBe('Payment successful');
    await advance(5 * min);
    expect(merchant.requests).toEqual([
      'POST /payments/verify-redirect',
      'GET /checkout/sessions/cs_1',
      'GET /checkout/sessions/cs_1',
      GET_PAYMENT,
      GET_PAYMENT,
    ]);
  });

  it('takes a custom schedule', async () => {
    merchant.payments.set('pay_1', payments.pending);
    renderWithPurse(<PaymentStatus paymentId="pay_1" schedule={{ fastIntervalMs: 500, timeoutMs: 3 * s }} />, {
      backend: merchant.backend,
    });
    await advance(3 * s);
    // At mount, then 0.5 s apart up to 2.5 s.
    expect(merchant.count(GET_PAYMENT)).toBe(6);
    expect(title()).toBe('Your payment is still processing');
  });
});
