// The shopper's clock is not the server's: a computer hours off (a wrong time zone, a dead battery) must not decide
// whether a client session can still be paid. Real stack (adapter → handler → Purse emulator); the servers keep the
// real time, the browser's Date.now is moved.
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStatusStack } from '../../test/payment-status-stack.ts';
import { renderWithPurse, setRedirectUrl } from '../../test/render-payment-status.tsx';
import { PaymentStatus } from './PaymentStatus.tsx';

const HOURS = 3 * 60 * 60_000;
const realNow = Date.now.bind(Date);
const quick = { fastIntervalMs: 40, slowAfterMs: 200, slowIntervalMs: 80, timeoutMs: 20_000 };
const heading = (name: string) => screen.findByRole('heading', { name });
const shopperClock = (offsetMs: number) => vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);

beforeEach(() => setRedirectUrl(null));
afterEach(() => vi.restoreAllMocks());

describe('PaymentStatus when the shopper’s clock is wrong by hours', () => {
  it('a clock 3 hours fast: an open session is not called expired, and its payment still shows', async () => {
    const shop = createStatusStack({ now: realNow });
    const session = await shop.setupBackend.createSession({});
    shopperClock(HOURS);
    const onFailure = vi.fn();
    renderWithPurse(<PaymentStatus clientSessionId={session.id} schedule={quick} onFailure={onFailure} />, { backend: shop.backend });

    expect(await heading('No payment received yet')).toBeInTheDocument();
    // Paid meanwhile (the checkout still open in another tab): the page, still polling, shows it.
    await shop.paySession(session);
    expect(await heading('Payment successful')).toBeInTheDocument();
    expect(screen.queryByText('Payment session expired')).not.toBeInTheDocument();
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('a clock 3 hours slow: a session past its expiry on the server is shown expired, and polling stops', async () => {
    const shop = createStatusStack({ now: realNow });
    const session = await shop.setupBackend.createSession({});
    shop.purse.control.expireSession(session.id);
    shopperClock(-HOURS);
    renderWithPurse(<PaymentStatus clientSessionId={session.id} retryHref="/checkout" schedule={quick} />, { backend: shop.backend });

    expect(await heading('Payment session expired')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/checkout');
    const asked = shop.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shop.requests).toHaveLength(asked);
  });
});
