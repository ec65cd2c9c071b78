import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { checkoutSession, inCurrency, payments, shopperPayment, verified } from '../../test/payment-status-fixtures.ts';
import { mswMerchantPerTest } from '../../test/payment-status-msw.ts';
import type { Currency } from '../../core/wire/payment.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { renderWithPurse, setRedirectUrl } from '../../test/render-payment-status.tsx';

const merchant = mswMerchantPerTest();

const heading = (name: string | RegExp) => screen.findByRole('heading', { name });
// The details come in a chunk of their own (preloaded while the answer is awaited): found, not got.
const detail = async (label: string) => {
  const term = await screen.findByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
};

describe('PaymentStatus after the redirect', () => {
  it('verifies the token from the URL once and shows the authorized payment without polling', async () => {
    setRedirectUrl('tok_ok');
    merchant().tokens.set('tok_ok', verified(payments.authorized));
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus onSuccess={onSuccess} />, { backend: merchant().backend });

    expect(await heading('Payment successful')).toBeInTheDocument();
    expect(screen.getByText('Your payment is confirmed.')).toBeInTheDocument();
    expect(await detail('Amount')).toHaveTextContent('€42.99');
    expect(await detail('Payment reference')).toHaveTextContent('pay_1');
    // The verified answer carried the payment: no GET for it.
    expect(merchant().requests).toEqual(['POST /payments/verify-redirect']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ payment: payments.authorized, link: undefined });
  });

  it('never takes success from the URL: a token the backend refuses is an error', async () => {
    setRedirectUrl('tok_tampered');
    const onFailure = vi.fn();
    const onSuccess = vi.fn();
    renderWithPurse(<PaymentStatus onFailure={onFailure} onSuccess={onSuccess} retryHref="/checkout" />, {
      backend: merchant().backend,
    });

    expect(await heading('We could not check your payment')).toBeInTheDocument();
    expect(
      screen.getByText('We could not confirm this payment. If you completed a payment, contact the shop before paying again.'),
    ).toBeInTheDocument();
    // Retrying the same token cannot help: the way out is a new checkout.
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/checkout');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure.mock.calls[0]?.[0].error).toMatchObject({ kind: 'request', status: 400 });
  });

  it('shows a refused payment as a failure with "Try again" back to checkout', async () => {
    merchant().tokens.set('tok_refused', verified(payments.refused));
    const onFailure = vi.fn();
    const onRetry = vi.fn();
    renderWithPurse(<PaymentStatus token="tok_refused" onFailure={onFailure} onRetry={onRetry} />, {
      backend: merchant().backend,
    });

    expect(await heading('Payment refused')).toBeInTheDocument();
    expect(
      screen.getByText('Your payment was refused and you have not been charged. Try again with another payment method.'),
    ).toBeInTheDocument();
    // The way on comes right under the words, before the details (which may arrive later and must not move it).
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    const amount = await screen.findByText('Amount', { selector: 'dt' });
    expect(tryAgain.compareDocumentPosition(amount) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(tryAgain);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith({ payment: payments.refused, link: undefined });
    expect(merchant().requests).toEqual(['POST /payments/verify-redirect']);
  });

  it.each([
    ['ERROR', payments.error, 'Payment failed'],
    ['ABORTED', payments.aborted, 'Payment not completed'],
  ])('shows an %s authorization as a failure', async (_status, payment, title) => {
    merchant().payments.set('pay_1', payment);
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    expect(await heading(title)).toBeInTheDocument();
  });

  it('shows a session the shopper cancelled as a failure without asking for a payment', async () => {
    merchant().tokens.set('tok_abort', verified(undefined, { client_session_status: 'ABORTED_BY_CUSTOMER' }));
    renderWithPurse(<PaymentStatus token="tok_abort" retryHref="/checkout" />, { backend: merchant().backend });
    expect(await heading('Payment cancelled')).toBeInTheDocument();
    expect(screen.getByText('You cancelled the payment.')).toBeInTheDocument();
    expect(merchant().requests).toEqual(['POST /payments/verify-redirect']);
  });

  it('says there is nothing to show when the page has no token and no id', async () => {
    const onFailure = vi.fn();
    renderWithPurse(<PaymentStatus onFailure={onFailure} />, { backend: merchant().backend });
    expect(await heading('We could not check your payment')).toBeInTheDocument();
    expect(screen.getByText('There is no payment to show on this page.')).toBeInTheDocument();
    expect(merchant().requests).toEqual([]);
    expect(onFailure.mock.calls[0]?.[0].error).toMatchObject({ kind: 'config' });
  });
});

describe('PaymentStatus details', () => {
  it.each([
    ['EUR', '€42.99'],
    ['JPY', '¥4,299'],
    ['USD', '$42.99'],
  ] as const)('formats 4299 %s in its minor units as %s', async (currency, text) => {
    merchant().payments.set('pay_1', inCurrency(currency));
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    expect(await detail('Amount')).toHaveTextContent(text);
  });

  // Purse reports a payment in its own currency, which may be one the kit does not create sessions in.
  it.each([
    ['HUF', 4299, 'HUF\u00a042.99'],
    ['KWD', 42999, 'KWD\u00a042.999'],
    ['IQD', 42999, 'IQD\u00a042.999'],
  ] as const)('reads %s in its ISO 4217 minor units, in the details and the timeline', async (currency, amount, text) => {
    merchant().payments.set('pay_1', shopperPayment({ currency: currency as Currency, amount }));
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    expect((await detail('Amount')).textContent).toBe(text);
    expect(within(await screen.findByRole('list', { name: 'Payment history' })).getAllByRole('listitem')[0]?.textContent).toContain(`Authorized ${text}`);
  });

  it('"Paid with" names the card (brand, last four) without repeating the amount; no partner names', async () => {
    merchant().payments.set('pay_1', payments.authorized);
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    const paidWith = await detail('Paid with');
    // Sighted shoppers read "Visa •••• 1111"; screen readers "Visa ending in 1111".
    expect(paidWith).toHaveTextContent(/^Visa ••••ending in 1111$/);
    expect(within(paidWith).getByText('••••')).toHaveAttribute('aria-hidden', 'true');
    expect(within(paidWith).getByText('ending in')).toHaveClass('purse-visually-hidden');
    expect(screen.queryByText(/dalenys/i)).not.toBeInTheDocument();
    expect(screen.getAllByText('€42.99')).toHaveLength(2); // the amount row and the timeline's authorization, no more
  });

  it('lists a split with each method and its share, the card part as the card', async () => {
    merchant().payments.set('pay_1', payments.split);
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    const parts = within(await detail('Paid with')).getAllByRole('listitem');
    expect(parts.map((li) => li.textContent)).toEqual(['Gift card €20.00', 'Visa ••••ending in 1234 €22.99']);
  });

  it('shows the payment\'s life as a list: authorized, charged, partly refunded; and headlines a full refund', async () => {
    merchant().payments.set('pay_1', payments.partlyRefunded);
    merchant().payments.set('pay_2', { ...payments.refunded, id: 'pay_2' });
    const { unmount } = renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    const history = await screen.findByRole('list', { name: 'Payment history' });
    expect(within(history).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Authorized €42.99',
      'Charged €42.99',
      'Refunded €10.00 of €42.99',
    ]);
    unmount();

    renderWithPurse(<PaymentStatus paymentId="pay_2" />, { backend: merchant().backend });
    expect(await heading('Payment refunded')).toBeInTheDocument();
    expect(within(await screen.findByRole('list', { name: 'Payment history' })).getAllByRole('listitem').at(-1)).toHaveTextContent('Refunded €42.99');
  });

  it('dates each step of a server timeline, in the locale', async () => {
    const timeline = [
      { kind: 'authorized' as const, amount: 4299, at: '2026-12-01T10:00:00Z' },
      { kind: 'captured' as const, amount: 2000, at: '2026-12-02T09:30:00Z' },
    ];
    merchant().payments.set('pay_1', { ...payments.authorized, timeline });
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    const steps = within(await screen.findByRole('list', { name: 'Payment history' })).getAllByRole('listitem');
    expect(steps[1]).toHaveTextContent(/^Charged €20\.00 of €42\.99 Dec 2, 2026/);
    expect(steps[1]!.querySelector('time')).toHaveAttribute('datetime', '2026-12-02T09:30:00Z');
  });

  it('headlines a fully voided payment as cancelled, not charged', async () => {
    merchant().payments.set('pay_1', payments.voided);
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    expect(await heading('Payment cancelled')).toBeInTheDocument();
    expect(within(await screen.findByRole('list', { name: 'Payment history' })).getAllByRole('listitem').at(-1)).toHaveTextContent('Released €42.99');
  });

  it('renders shopper data as text, never as markup', async () => {
    merchant().payments.set('pay_1', shopperPayment({ card: { brand: '<img src=x onerror=alert(1)>', last_four: '1111' } }));
    const { container } = renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });
    await heading('Payment successful');
    expect(container.querySelector('img')).toBeNull();
    expect(await detail('Paid with')).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});

describe('PaymentStatus live region and language', () => {
  it('has one polite status region from the first render, announcing each change', async () => {
    merchant().tokens.set('tok_ok', verified(payments.authorized));
    renderWithPurse(<PaymentStatus token="tok_ok" />, { backend: merchant().backend });
    const regions = screen.getAllByRole('status');
    expect(regions).toHaveLength(1);
    expect(regions[0]).toHaveAttribute('aria-live', 'polite');
    expect(regions[0]).toHaveTextContent('Checking your payment…');

    await heading('Payment successful');
    expect(screen.getAllByRole('status')).toEqual(regions);
    expect(regions[0]).toHaveTextContent('Payment successful. Your payment is confirmed.');
  });

  it('speaks French', async () => {
    merchant().tokens.set('tok_ok', verified(payments.split));
    merchant().tokens.set('tok_refused', verified(payments.refused));
    const { unmount } = renderWithPurse(<PaymentStatus token="tok_ok" />, { backend: merchant().backend, locale: 'fr' });
    expect(await heading('Paiement réussi')).toBeInTheDocument();
    // Exact text: toHaveTextContent would fold the no-break space.
    expect((await detail('Montant')).textContent).toBe('42,99\u00a0€');
    const parts = within(await detail('Payé avec')).getAllByRole('listitem');
    expect(parts[0]?.textContent).toBe('Carte cadeau 20,00\u00a0€');
    expect(parts[1]).toHaveTextContent('Visa ••••se terminant par 1234');
    expect(await screen.findByRole('list', { name: 'Historique du paiement' })).toHaveTextContent('Autorisé 42,99');
    expect(screen.getByRole('status').closest('[lang]')).toHaveAttribute('lang', 'fr');
    unmount();

    renderWithPurse(<PaymentStatus token="tok_refused" retryHref="/panier" />, { backend: merchant().backend, locale: 'fr' });
    expect(await heading('Paiement refusé')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Réessayer' })).toHaveAttribute('href', '/panier');
  });
});

describe('PaymentStatus cases the emulator cannot produce', () => {
  it('follows the session when the verified redirect names no payment yet', async () => {
    merchant().tokens.set('tok_early', verified(undefined, { client_session_status: 'CREATED' }));
    merchant().sessions.set('cs_1', checkoutSession({ status: 'CREATED' }), checkoutSession({ payment_id: 'pay_1' }));
    merchant().payments.set('pay_1', payments.pending, payments.authorized);
    setRedirectUrl('tok_early');
    renderWithPurse(<PaymentStatus schedule={{ fastIntervalMs: 30 }} />, { backend: merchant().backend });
    expect(await heading('No payment received yet')).toBeInTheDocument();
    expect(await heading('Payment successful')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(merchant().requests).toEqual([
      'POST /payments/verify-redirect',
      'GET /checkout/sessions/cs_1',
      'GET /checkout/sessions/cs_1',
      'GET /payments/pay_1',
      'GET /payments/pay_1',
    ]);
  });
});
