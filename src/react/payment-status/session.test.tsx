// A client session followed before anyone paid in it (the shopper left the checkout, or followed a closed checkout's
// link): no payment was received yet — never "being processed" — with the way back to pay; a payment made meanwhile
// (another tab) still turns it into success.
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { checkoutSession, payments, verified } from '../../test/payment-status-fixtures.ts';
import { mswMerchantPerTest } from '../../test/payment-status-msw.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { renderWithPurse, setRedirectUrl } from '../../test/render-payment-status.tsx';

const merchant = mswMerchantPerTest();

const heading = (name: string) => screen.findByRole('heading', { name });
const unpaid = checkoutSession({ status: 'CREATED' });
const NOT_PAID = 'No payment received yet';
const NOT_PAID_BODY = 'We have not received a payment for this order yet. If you have just paid, this page updates by itself.';
// Real timers, a quick schedule (the schedule itself is covered in polling.test.tsx), slow enough that a loaded machine
// still sees each state before the next poll replaces it.
const fast = { fastIntervalMs: 250 };

describe('PaymentStatus for a client session nobody paid yet', () => {
  it('says no payment was received (not "being processed"), offers the way back to pay, and keeps asking until paid', async () => {
    merchant().sessions.set('cs_1', unpaid, unpaid, checkoutSession({ payment_id: 'pay_1' }));
    merchant().payments.set('pay_1', payments.authorized);
    const onPending = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(
      <PaymentStatus clientSessionId="cs_1" retryHref="/checkout?order=42" schedule={fast} onPending={onPending} onSuccess={onSuccess} />,
      { backend: merchant().backend },
    );

    expect(await heading(NOT_PAID)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(`${NOT_PAID}. ${NOT_PAID_BODY}`);
    expect(screen.getByRole('link', { name: 'Go back to payment' })).toHaveAttribute('href', '/checkout?order=42');
    expect(screen.queryByText(/being processed/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();

    // Paid meanwhile (in another tab): the page, still polling, shows it.
    expect(await heading('Payment successful')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Go back to payment' })).not.toBeInTheDocument();
    expect(merchant().requests).toEqual([
      'GET /checkout/sessions/cs_1',
      'GET /checkout/sessions/cs_1',
      'GET /checkout/sessions/cs_1',
      'GET /payments/pay_1',
    ]);
    expect(onPending).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('after a redirect that names no payment: the same words, and onRetry for the way back', async () => {
    merchant().tokens.set('tok_left', verified(undefined, { client_session_status: 'CREATED' }));
    merchant().sessions.set('cs_1', unpaid);
    setRedirectUrl('tok_left');
    const onRetry = vi.fn();
    renderWithPurse(<PaymentStatus onRetry={onRetry} />, { backend: merchant().backend });
    expect(await heading(NOT_PAID)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Go back to payment' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('without retryHref or onRetry: the words alone, no action', async () => {
    merchant().sessions.set('cs_1', unpaid);
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" />, { backend: merchant().backend });
    expect(await heading(NOT_PAID)).toBeInTheDocument();
    expect(screen.getByText(NOT_PAID_BODY, { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('once the schedule ran out: still no payment received, with Refresh and the way back to pay', async () => {
    merchant().sessions.set('cs_1', unpaid);
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" retryHref="/checkout" schedule={{ ...fast, timeoutMs: 600 }} />, {
      backend: merchant().backend,
    });
    const refresh = await screen.findByRole('button', { name: 'Refresh' });
    expect(screen.getByRole('heading', { name: NOT_PAID })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      `${NOT_PAID}. We have not received a payment for this order yet. If you have just paid, check again in a moment.`,
    );
    expect(screen.queryByText(/still processing/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go back to payment' })).toHaveAttribute('href', '/checkout');
    const asked = merchant().requests.length;
    fireEvent.click(refresh);
    await vi.waitFor(() => expect(merchant().requests).toHaveLength(asked + 1));
  });

  it('a submitted session (a payment on its way) is still "being processed"', async () => {
    merchant().sessions.set('cs_1', checkoutSession({ status: 'SUBMITTED' }));
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" retryHref="/checkout" />, { backend: merchant().backend });
    expect(await heading('Your payment is being processed')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('a session that names a payment is never "no payment received", whatever its status says', async () => {
    merchant().sessions.set('cs_1', checkoutSession({ status: 'CREATED', payment_id: 'pay_1' }));
    merchant().payments.set('pay_1', payments.pending);
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" />, { backend: merchant().backend });
    expect(await heading('Your payment is being processed')).toBeInTheDocument();
    await vi.waitFor(() => expect(merchant().requests).toContain('GET /payments/pay_1'));
    expect(screen.queryByText(NOT_PAID)).not.toBeInTheDocument();
  });

  it('speaks French', async () => {
    merchant().sessions.set('cs_1', unpaid);
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" retryHref="/commande" />, { backend: merchant().backend, locale: 'fr' });
    expect(await heading('Aucun paiement reçu pour le moment')).toBeInTheDocument();
    expect(
      screen.getByText('Nous n’avons pas encore reçu de paiement pour cette commande. Si vous venez de payer, cette page se met à jour toute seule.', {
        selector: 'p',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Revenir au paiement' })).toHaveAttribute('href', '/commande');
  });

  it('an aborted session that names a payment: its payment decides — never "cancelled" nor onFailure while it loads', async () => {
    merchant().sessions.set('cs_1', checkoutSession({ status: 'ABORTED_BY_MERCHANT', payment_id: 'pay_1' }));
    merchant().payments.set('pay_1', payments.authorized);
    const onFailure = vi.fn();
    const onSuccess = vi.fn();
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const h = document.querySelector('h2');
      if (h && seen.at(-1) !== h.textContent) seen.push(h.textContent ?? '');
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    renderWithPurse(<PaymentStatus clientSessionId="cs_1" onFailure={onFailure} onSuccess={onSuccess} />, { backend: merchant().backend });
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    observer.disconnect();
    expect(seen).not.toContain('Payment cancelled');
    expect(onFailure).not.toHaveBeenCalled();
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });
});
