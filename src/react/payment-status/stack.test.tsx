// <PaymentStatus> over the real stack: createHttpBackend → createMerchantHandler → the Purse emulator, which signs
// real RS256 redirect tokens. Real timers with a quick schedule; the default schedule is covered in polling.test.tsx.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CARDS, createStatusStack } from '../../test/payment-status-stack.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { renderWithPurse, setRedirectUrl } from '../../test/render-payment-status.tsx';

const VERIFY = 'POST /payments/verify-redirect';
const quick = { fastIntervalMs: 40, slowAfterMs: 200, slowIntervalMs: 80, timeoutMs: 20_000 };
const heading = (name: string) => screen.findByRole('heading', { name });
// The details come in a chunk of their own (preloaded while the answer is awaited): found, not got.
const detail = async (label: string) => (await screen.findByText(label, { selector: 'dt' })).nextElementSibling as HTMLElement;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => setRedirectUrl(null));

describe('PaymentStatus on the real stack: after checkout', () => {
  it('verifies the signed token from the URL and shows the authorized payment, with one request', async () => {
    const shop = createStatusStack();
    const { token, paymentId } = await shop.pay(CARDS.authorized);
    setRedirectUrl(token);
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus onSuccess={onSuccess} />, { backend: shop.backend });

    expect(await heading('Payment successful')).toBeInTheDocument();
    expect(await detail('Amount')).toHaveTextContent('€42.99');
    expect(await detail('Paid with')).toHaveTextContent(/^Visa ••••ending in 1111$/);
    // The server's timeline, dated from Purse's authorization.
    const steps = within(await screen.findByRole('list', { name: 'Payment history' })).getAllByRole('listitem');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toHaveTextContent(/^Authorized €42\.99/);
    expect(steps[0]!.querySelector('time')).toHaveAttribute('datetime');
    expect(await detail('Payment reference')).toHaveTextContent(paymentId);
    await sleep(200);
    expect(shop.requests).toEqual([VERIFY]);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0].payment).toMatchObject({ id: paymentId, authorization_status: 'AUTHORIZED' });
  });

  it('shows a refused card as a failure with "Try again" back to checkout', async () => {
    const shop = createStatusStack();
    const { token } = await shop.pay(CARDS.refused);
    renderWithPurse(<PaymentStatus token={token} retryHref="/checkout" />, { backend: shop.backend });
    expect(await heading('Payment refused')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/checkout');
  });

  it('refuses a token whose payload was changed to AUTHORIZED', async () => {
    const shop = createStatusStack();
    const { token } = await shop.pay(CARDS.refused);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, authorization_status: 'AUTHORIZED' })).toString('base64url');
    setRedirectUrl(`${header}.${forged}.${signature}`);
    const onFailure = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus onFailure={onFailure} onSuccess={onSuccess} />, { backend: shop.backend });

    expect(await heading('We could not check your payment')).toBeInTheDocument();
    expect(
      screen.getByText('We could not confirm this payment. If you completed a payment, contact the shop before paying again.', {
        selector: 'p',
      }),
    ).toBeInTheDocument();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onFailure.mock.calls[0]?.[0].error).toMatchObject({ kind: 'request', status: 400, code: 'invalid_redirect_token' });
  });

  it('polls a pending payment until Purse settles it, then stops', async () => {
    const shop = createStatusStack();
    const { token, paymentId } = await shop.pay(CARDS.pending);
    const onPending = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus token={token} schedule={quick} onPending={onPending} onSuccess={onSuccess} />, {
      backend: shop.backend,
    });
    expect(await heading('Your payment is being processed')).toBeInTheDocument();
    // Still pending: it keeps asking.
    await vi.waitFor(() => expect(shop.count(`GET /payments/${paymentId}`)).toBeGreaterThanOrEqual(2), { timeout: 5_000 });

    shop.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    expect(await heading('Payment successful')).toBeInTheDocument();
    const sent = shop.requests.length;
    await sleep(400);
    expect(shop.requests).toHaveLength(sent);
    expect(shop.count(VERIFY)).toBe(1);
    expect(onPending).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('sends nothing after unmount', async () => {
    const shop = createStatusStack();
    const { token } = await shop.pay(CARDS.pending);
    const { unmount } = renderWithPurse(<PaymentStatus token={token} schedule={quick} />, { backend: shop.backend });
    await heading('Your payment is being processed');
    await sleep(100);
    unmount();
    await sleep(50); // a request already on its way may still land
    const sent = shop.requests.length;
    await sleep(400);
    expect(shop.requests).toHaveLength(sent);
  });

  it('times out into "still processing"; Refresh asks once and shows the settled payment', async () => {
    const shop = createStatusStack();
    const { token, paymentId } = await shop.pay(CARDS.pending);
    renderWithPurse(<PaymentStatus token={token} schedule={{ ...quick, timeoutMs: 300 }} />, { backend: shop.backend });
    expect(await heading('Your payment is still processing')).toBeInTheDocument();
    await sleep(200);
    const sent = shop.requests.length;

    shop.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await heading('Payment successful')).toHaveFocus();
    expect(shop.requests.slice(sent)).toEqual([`GET /payments/${paymentId}`]);
  });

  it('formats a JPY cart in its minor units', async () => {
    const shop = createStatusStack({ amount: 4299, currency: 'JPY' });
    const { token } = await shop.pay(CARDS.authorized);
    renderWithPurse(<PaymentStatus token={token} />, { backend: shop.backend });
    await heading('Payment successful');
    expect(await detail('Amount')).toHaveTextContent('¥4,299');
  });

  it('shows what the back office captured and refunded', async () => {
    const shop = createStatusStack();
    const { paymentId } = await shop.pay(CARDS.authorized);
    await shop.backOffice.capturePayment(paymentId, { amount: 4299, merchant_reference: 'CAP-1' });
    await shop.backOffice.refundPayment(paymentId, { amount: 1000, merchant_reference: 'REF-1' });
    renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend, locale: 'fr' });
    expect(await heading('Paiement réussi')).toBeInTheDocument();
    // The timeline from Purse's payment: each operation with its date, the partial refund as "x sur y".
    const steps = within(await screen.findByRole('list', { name: 'Historique du paiement' })).getAllByRole('listitem');
    expect(steps.map((step) => step.querySelector('.purse-timeline__label')?.textContent)).toEqual(['Autorisé', 'Débité', 'Remboursé']);
    expect(steps[2]!.querySelector('.purse-timeline__amount')?.textContent).toBe('10,00\u00a0€ sur 42,99\u00a0€');
    for (const step of steps) expect(step.querySelector('time')).toHaveAttribute('datetime');
  });

  it('shows a session the shopper cancelled', async () => {
    const shop = createStatusStack();
    const session = await shop.setupBackend.createSession({});
    await shop.setupBackend.abortSession(session.id);
    renderWithPurse(<PaymentStatus clientSessionId={session.id} />, { backend: shop.backend });
    expect(await heading('Payment cancelled')).toBeInTheDocument();
    expect(screen.getByText('You cancelled the payment.', { selector: 'p' })).toBeInTheDocument();
  });
});

describe('PaymentStatus on the real stack: payment links', () => {
  it('waits on an opened link after a refused attempt, then shows it paid', async () => {
    const shop = createStatusStack({ amount: 12000 });
    const link = await shop.createLink();
    await shop.payLink(link.id, CARDS.refused);
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus paymentLinkId={link.id} schedule={quick} onSuccess={onSuccess} />, {
      backend: shop.backend,
    });
    expect(await heading('Waiting for payment')).toBeInTheDocument();
    expect(await detail('Amount')).toHaveTextContent('€120.00');

    await shop.payLink(link.id, CARDS.authorized);
    expect(await heading('Payment successful')).toBeInTheDocument();
    const sent = shop.requests.length;
    await sleep(300);
    expect(shop.requests).toHaveLength(sent);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0].link).toMatchObject({ id: link.id, status: 'PAID' });
  });

  it('shows cancelled and expired links as failures', async () => {
    const shop = createStatusStack();
    const cancelled = await shop.createLink();
    await shop.backOffice.cancelPaymentLink(cancelled.id);
    const { unmount } = renderWithPurse(<PaymentStatus paymentLinkId={cancelled.id} />, { backend: shop.backend });
    expect(await heading('Payment link cancelled')).toBeInTheDocument();
    unmount();

    const expired = await shop.createLink();
    shop.purse.control.expirePaymentLink(expired.id);
    renderWithPurse(<PaymentStatus paymentLinkId={expired.id} />, { backend: shop.backend });
    expect(await heading('Payment link expired')).toBeInTheDocument();
  });
});

describe('PaymentStatus on the real stack: errors and StrictMode', () => {
  it('offers "Try again" when Purse fails, asks once, and moves focus to the new heading', async () => {
    const shop = createStatusStack();
    const { paymentId } = await shop.pay(CARDS.authorized);
    shop.purse.control.setFault({ method: 'GET', path: `/payment/v2/payments/${paymentId}`, status: 503, times: 1 });
    const onFailure = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus paymentId={paymentId} onFailure={onFailure} onSuccess={onSuccess} />, {
      backend: shop.backend,
    });
    expect(await heading('We could not check your payment')).toBeInTheDocument();
    expect(screen.getByText('Something went wrong on our side. Please try again.', { selector: 'p' })).toBeInTheDocument();
    expect(onFailure.mock.calls[0]?.[0].error).toMatchObject({ kind: 'server' });

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await heading('Payment successful')).toHaveFocus();
    expect(shop.requests).toEqual([`GET /payments/${paymentId}`, `GET /payments/${paymentId}`]);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('announces a "Try again" that fails again: the status region says it is checking, then the error once more', async () => {
    const shop = createStatusStack();
    const { paymentId } = await shop.pay(CARDS.authorized);
    shop.purse.control.setFault({ method: 'GET', path: `/payment/v2/payments/${paymentId}`, status: 503, times: 2 });
    renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend });
    expect(await heading('We could not check your payment')).toBeInTheDocument();
    const region = screen.getByRole('status');
    const failed = 'We could not check your payment. Something went wrong on our side. Please try again.';
    expect(region).toHaveTextContent(failed);
    // What a screen reader is told: each change of the region's text (the same text again is not a change).
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent!)).observe(region, { subtree: true, childList: true, characterData: true });

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Try again' });
    await sleep(50);
    expect(said).toEqual(['Checking your payment…', failed]);
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await heading('Payment successful')).toHaveFocus();
  });

  it('counts down a rate limit before "Try again": asking during the wait cannot succeed', async () => {
    const shop = createStatusStack();
    const { paymentId } = await shop.pay(CARDS.authorized);
    shop.purse.control.setFault({ method: 'GET', path: `/payment/v2/payments/${paymentId}`, status: 429, headers: { 'retry-after': '30' } });
    renderWithPurse(<PaymentStatus paymentId={paymentId} />, { backend: shop.backend });
    expect(await heading('We could not check your payment')).toBeInTheDocument();
    const wait = screen.getByRole('button', { name: 'Try again in 30 s' });
    expect(wait).toHaveAttribute('aria-disabled', 'true');
    const asked = shop.requests.length;
    await userEvent.click(wait);
    await sleep(50);
    expect(shop.requests).toHaveLength(asked);
  });

  it('verifies once and reports once under StrictMode', async () => {
    const shop = createStatusStack();
    const { token } = await shop.pay(CARDS.authorized);
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus token={token} onSuccess={onSuccess} />, { backend: shop.backend, strict: true });
    await heading('Payment successful');
    await sleep(100);
    expect(shop.requests).toEqual([VERIFY]);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('reports a cached final status once when it mounts again under StrictMode, without a request', async () => {
    const shop = createStatusStack();
    const { token } = await shop.pay(CARDS.authorized);
    const first = renderWithPurse(<PaymentStatus token={token} />, { backend: shop.backend });
    await heading('Payment successful');
    first.unmount();

    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus token={token} onSuccess={onSuccess} />, {
      backend: shop.backend,
      queryClient: first.queryClient,
      strict: true,
    });
    // Success from the first render on: StrictMode runs the mount effects twice.
    expect(screen.getByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    await sleep(100);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(shop.requests).toEqual([VERIFY]);
  });
});
