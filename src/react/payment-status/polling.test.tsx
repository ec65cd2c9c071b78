// The poll schedule end to end with fake timers, over the real stack (adapter → merchant handler → Purse emulator):
// 2 s, then 10 s after a minute, nothing after 15 minutes, nothing after unmount or a final status.
import { notifyManager } from '@tanstack/react-query';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARDS, createStatusStack } from '../../test/payment-status-stack.ts';
import type { StatusStack } from '../../test/payment-status-stack.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { renderWithPurse, setRedirectUrl } from '../../test/render-payment-status.tsx';

const s = 1_000;
const min = 60 * s;
const VERIFY = 'POST /payments/verify-redirect';

// TanStack Query tells React about new data on a zero-delay timer; a fake timer set during a fake tick fires 1 ms
// later, which would shift every boundary this file checks. Notify on a microtask instead (this file only).
beforeAll(() => notifyManager.setScheduler(queueMicrotask));
afterAll(() => notifyManager.setScheduler((callback) => setTimeout(callback, 0)));

let shop: StatusStack;
beforeEach(() => {
  shop = createStatusStack();
  setRedirectUrl(null);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Fake timers and clock only: promises, WebCrypto and setImmediate keep running for real. Call after paying. */
const fakeTime = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

/** Moves the fake clock, then lets the answers of the requests that left settle (they resolve on real macrotasks). */
const advance = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  });
const title = () => screen.getByRole('heading').textContent;

/** Lets real work (the token's signature check runs in WebCrypto) finish without moving the fake clock. */
async function until(done: () => boolean) {
  for (let i = 0; i < 1_000 && !done(); i++) {
    await act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(0);
    });
  }
  if (!done()) throw new Error('gave up waiting');
}

describe('polling a pending payment', () => {
  it('asks every 2 s for a minute, then every 10 s, until Purse authorizes it; then never again', async () => {
    const { token, paymentId } = await shop.pay(CARDS.pending);
    const GET = `GET /payments/${paymentId}`;
    fakeTime();
    const onPending = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus token={token} onPending={onPending} onSuccess={onSuccess} />, { backend: shop.backend });
    expect(title()).toBe('Checking your payment…');
    await until(() => title() !== 'Checking your payment…');
    expect(title()).toBe('Your payment is being processed');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your payment is being processed. This page updates by itself. You can stay here or come back later.',
    );
    // The verified redirect carried the pending payment: the first GET waits for the schedule.
    expect(shop.requests).toEqual([VERIFY]);

    await advance(2 * s - 1);
    expect(shop.count(GET)).toBe(0);
    await advance(1);
    expect(shop.count(GET)).toBe(1);
    await advance(58 * s);
    expect(shop.count(GET)).toBe(30);
    // From the first minute on: every 10 s.
    await advance(10 * s - 1);
    expect(shop.count(GET)).toBe(30);
    await advance(1);
    expect(shop.count(GET)).toBe(31);

    shop.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    await advance(10 * s);
    expect(shop.count(GET)).toBe(32);
    expect(title()).toBe('Payment successful');
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful. Your payment is confirmed.');

    await advance(20 * min);
    expect(shop.count(GET)).toBe(32);
    expect(shop.count(VERIFY)).toBe(1);
    expect(onPending).toHaveBeenCalledTimes(1);
    expect(onPending.mock.calls[0]?.[0].payment).toMatchObject({ id: paymentId, authorization_status: 'PENDING' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0].payment).toMatchObject({ id: paymentId, authorization_status: 'AUTHORIZED' });
  });

  it('stops after 15 minutes with "still processing" and a manual refresh that asks exactly once', async () => {
    const { paymentId } = await shop.pay(CARDS.pending);
    const GET = `GET /payments/${paymentId}`;
    fakeTime();
    renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend });
    await advance(0);
    expect(shop.count(GET)).toBe(1);

    await advance(15 * min - 1);
    expect(title()).toBe('Your payment is being processed');
    await advance(1);
    expect(title()).toBe('Your payment is still processing');
    expect(screen.getByRole('status')).toHaveTextContent(/^Your payment is still processing\. This is taking longer/);
    // 1 at mount, 30 in the first minute, then 10 s apart up to 14:50.
    const polled = shop.count(GET);
    expect(polled).toBe(1 + 30 + 83);

    await advance(30 * min);
    expect(shop.count(GET)).toBe(polled);

    // fireEvent, not userEvent: Testing Library's async wrapper waits on a timer, which the fake clock never fires.
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    refresh.focus();
    fireEvent.click(refresh);
    await advance(0);
    expect(shop.count(GET)).toBe(polled + 1);
    // Still pending: still timed out, and the schedule does not start again by itself.
    expect(title()).toBe('Your payment is still processing');
    expect(refresh).toHaveFocus();
    await advance(5 * min);
    expect(shop.count(GET)).toBe(polled + 1);

    shop.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    fireEvent.click(refresh);
    await advance(0);
    expect(shop.count(GET)).toBe(polled + 2);
    expect(title()).toBe('Payment successful');
    // The button the shopper used is gone: focus goes to the new status, not to the page's body.
    expect(screen.getByRole('heading')).toHaveFocus();
  });

  it('asks at once when the browser is back online after failed polls, instead of waiting out the backoff', async () => {
    const { paymentId } = await shop.pay(CARDS.pending);
    const GET = `GET /payments/${paymentId}`;
    fakeTime();
    renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend });
    await until(() => title() === 'Your payment is being processed');
    shop.purse.control.setFault({ path: `/payment/v2/payments/${paymentId}`, method: 'GET', status: 503, times: 3 });
    await advance(14 * s); // three failed polls (2, 4, 8 s apart): the next one is 10 s away
    expect(shop.count(GET)).toBe(4);
    await advance(1 * s);
    expect(shop.count(GET)).toBe(4);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    await advance(0);
    expect(shop.count(GET)).toBe(5);
    expect(title()).toBe('Your payment is being processed');
    // Online again while nothing failed: no extra request.
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    await advance(0);
    expect(shop.count(GET)).toBe(5);
  });

  it('sends nothing after unmount', async () => {
    const { paymentId } = await shop.pay(CARDS.pending);
    fakeTime();
    const { unmount } = renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend });
    await advance(5 * s);
    expect(shop.requests).toEqual(Array(3).fill(`GET /payments/${paymentId}`));
    unmount();
    await advance(20 * min);
    expect(shop.requests).toHaveLength(3);
  });

  it('sends nothing after a final status, whichever poll brought it', async () => {
    const { paymentId } = await shop.pay(CARDS.pending);
    fakeTime();
    const onFailure = vi.fn();
    renderWithPurse(<PaymentStatus paymentId={paymentId} onFailure={onFailure} />, { backend: shop.backend });
    await advance(3 * s);
    shop.purse.control.settlePayment(paymentId, 'REFUSED');
    await advance(1 * s);
    expect(shop.requests).toHaveLength(3);
    expect(title()).toBe('Payment refused');
    await advance(20 * min);
    expect(shop.requests).toHaveLength(3);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('follows a client session until it names its payment, then the payment', async () => {
    const session = await shop.setupBackend.createSession({});
    fakeTime();
    renderWithPurse(<PaymentStatus clientSessionId={session.id} />, { backend: shop.backend });
    await advance(0);
    // Nobody has paid in it yet: it says so (not "being processed"), and keeps asking.
    expect(title()).toBe('No payment received yet');
    await advance(3 * s);
    const { paymentId } = await shop.paySession(session, CARDS.authorized);
    await advance(1 * s);
    expect(title()).toBe('Payment successful');
    await advance(5 * min);
    const SESSION = `GET /checkout/sessions/${session.id}`;
    expect(shop.requests).toEqual([SESSION, SESSION, SESSION, `GET /payments/${paymentId}`]);
  });

  it('takes a custom schedule', async () => {
    const { paymentId } = await shop.pay(CARDS.pending);
    fakeTime();
    renderWithPurse(<PaymentStatus paymentId={paymentId} schedule={{ fastIntervalMs: 500, timeoutMs: 3 * s }} />, {
      backend: shop.backend,
    });
    await advance(3 * s);
    // At mount, then 0.5 s apart up to 2.5 s.
    expect(shop.count(`GET /payments/${paymentId}`)).toBe(6);
    expect(title()).toBe('Your payment is still processing');
  });

  it('takes a deadline longer than a timer can hold (25 days and more) as it is, not as "now"', async () => {
    // A shop whose payments can take days (a bank transfer) polls for a month: a browser's timer fires at once past
    // 2^31 - 1 ms, which ended the schedule before its first poll. Real timers, quick polls.
    const { paymentId } = await shop.pay(CARDS.pending);
    renderWithPurse(<PaymentStatus paymentId={paymentId} schedule={{ fastIntervalMs: 40, timeoutMs: 30 * 24 * 60 * min }} />, {
      backend: shop.backend,
    });
    await screen.findByRole('heading', { name: 'Your payment is being processed' });
    await vi.waitFor(() => expect(shop.count(`GET /payments/${paymentId}`)).toBeGreaterThanOrEqual(3));
    expect(title()).toBe('Your payment is being processed');
  });
});

describe('polling in a hidden tab', () => {
  let visibility: DocumentVisibilityState = 'visible';
  beforeEach(() => {
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    // Back to happy-dom's own (prototype) getter.
    delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
  });
  /** The shopper switches tabs (or minimizes the window): the browser says so on the document. */
  const tab = (state: DocumentVisibilityState) =>
    act(async () => {
      visibility = state;
      document.dispatchEvent(new Event('visibilitychange'));
    });

  /** A payment Purse keeps pending, its status page shown on a fake clock; GET counts its polls. */
  const pendingPage = async () => {
    const { paymentId } = await shop.pay(CARDS.pending);
    fakeTime();
    const page = renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend });
    return { paymentId, GET: `GET /payments/${paymentId}`, unmount: page.unmount };
  };

  it('asks nothing while hidden; shown again with a poll overdue, asks at once, then on the schedule', async () => {
    const { paymentId, GET } = await pendingPage();
    await advance(2 * s);
    expect(shop.count(GET)).toBe(2);
    await tab('hidden');
    await advance(5 * min);
    expect(shop.count(GET)).toBe(2);
    expect(title()).toBe('Your payment is being processed');

    await tab('visible');
    await advance(0);
    expect(shop.count(GET)).toBe(3);
    // Then the schedule again: past the first minute, every 10 s.
    await advance(10 * s - 1);
    expect(shop.count(GET)).toBe(3);
    await advance(1);
    expect(shop.count(GET)).toBe(4);
    shop.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    await advance(10 * s);
    expect(title()).toBe('Payment successful');
  });

  it('shown again before the next poll is due: no extra request, the poll comes on time', async () => {
    const { GET } = await pendingPage();
    await advance(500);
    await tab('hidden');
    await advance(1 * s);
    await tab('visible');
    await advance(0);
    expect(shop.count(GET)).toBe(1);
    await advance(500 - 1);
    expect(shop.count(GET)).toBe(1);
    await advance(1);
    expect(shop.count(GET)).toBe(2);
  });

  it('keeps counting the 15 minutes while hidden: shown after them, it says "still processing" and asks nothing', async () => {
    const { GET } = await pendingPage();
    await advance(0);
    await tab('hidden');
    await advance(15 * min);
    expect(title()).toBe('Your payment is still processing');
    await tab('visible');
    await advance(1 * min);
    expect(shop.count(GET)).toBe(1);
  });

  it('a poll held up past the deadline (a hidden tab runs its timers late) times out rather than asking', async () => {
    const { GET } = await pendingPage();
    await advance(0);
    await tab('hidden');
    // Chromium holds a hidden tab's timers up to a minute: the clock passes the deadline before the poll's timer fires.
    vi.setSystemTime(Date.now() + 16 * min);
    await tab('visible');
    await advance(2 * s);
    expect(shop.count(GET)).toBe(1);
    expect(title()).toBe('Your payment is still processing');
  });

  it('back online while hidden after failed polls: asks only once shown', async () => {
    const { paymentId, GET } = await pendingPage();
    await until(() => title() === 'Your payment is being processed');
    shop.purse.control.setFault({ path: `/payment/v2/payments/${paymentId}`, method: 'GET', status: 503, times: 1 });
    await advance(2 * s); // one failed poll: the next one is 4 s away
    expect(shop.count(GET)).toBe(2);
    await tab('hidden');
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    await advance(30 * s);
    expect(shop.count(GET)).toBe(2);
    await tab('visible');
    await advance(0);
    expect(shop.count(GET)).toBe(3);
  });

  it('sends nothing when shown again after unmount', async () => {
    const { paymentId, unmount } = await pendingPage();
    await advance(0);
    await tab('hidden');
    await advance(1 * min);
    unmount();
    await advance(1 * s);
    await tab('visible');
    await advance(20 * min);
    expect(shop.requests).toEqual([`GET /payments/${paymentId}`]);
  });
});
