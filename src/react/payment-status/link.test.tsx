// Payment links through the same component: created/opened wait, paid succeeds, cancelled/expired fail.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { paymentLink } from '../../test/payment-status-fixtures.ts';
import { mswMerchantPerTest } from '../../test/payment-status-msw.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { renderWithPurse, setRedirectUrl } from '../../test/render-payment-status.tsx';

const merchant = mswMerchantPerTest();

const heading = (name: string) => screen.findByRole('heading', { name });
// The details come in a chunk of their own (preloaded while the answer is awaited): found, not got.
const detail = async (label: string) => (await screen.findByText(label, { selector: 'dt' })).nextElementSibling as HTMLElement;
// Real timers, a quick schedule: the schedule itself is covered in polling.test.tsx. Quick, yet slow enough that a
// loaded machine still sees the waiting state before the next poll replaces it (30 ms was flaky under load).
const fast = { fastIntervalMs: 250 };

describe('PaymentStatus for a payment link', () => {
  it('waits on an opened link after a refused attempt, then shows it paid, from the link alone', async () => {
    const refused = { id: 'pay_0', authorization_status: 'REFUSED' } as const;
    // The link stays opened until the test has read the waiting state (a loaded machine may be slower than a poll).
    merchant().links.set('pl_1', paymentLink({ status: 'OPENED', payments: [refused] }));
    const onPending = vi.fn();
    const onSuccess = vi.fn();
    // The explicit id wins over a token in the URL.
    setRedirectUrl('tok_unused');
    renderWithPurse(<PaymentStatus paymentLinkId="pl_1" schedule={fast} onPending={onPending} onSuccess={onSuccess} />, {
      backend: merchant().backend,
    });

    expect(await heading('Waiting for payment')).toBeInTheDocument();
    expect(
      screen.getByText('The last payment attempt did not go through. The link can still be used.', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(await detail('Amount')).toHaveTextContent('€120.00');

    merchant().links.set('pl_1', paymentLink({ status: 'PAID', payments: [refused, { id: 'pay_9', authorization_status: 'AUTHORIZED' }] }));
    expect(await heading('Payment successful')).toBeInTheDocument();
    expect(await detail('Amount')).toHaveTextContent('€120.00');
    const asked = merchant().requests.length;
    // Longer than two poll intervals: a poll that should not happen would have happened.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(merchant().requests).toHaveLength(asked);
    expect(new Set(merchant().requests)).toEqual(new Set(['GET /payment-links/pl_1'])); // the link alone
    expect(onPending).toHaveBeenCalledTimes(1);
    expect(onPending.mock.calls[0]?.[0].link).toMatchObject({ status: 'OPENED' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ payment: undefined, link: { status: 'PAID' } });
  });

  it('waits on a link nobody has paid yet', async () => {
    merchant().links.set('pl_1', paymentLink({ status: 'CREATED' }));
    renderWithPurse(<PaymentStatus paymentLinkId="pl_1" />, { backend: merchant().backend });
    expect(await heading('Waiting for payment')).toBeInTheDocument();
    expect(screen.getByText('This payment link has not been paid yet.', { selector: 'p' })).toBeInTheDocument();
  });

  it.each([
    ['CANCELLED', 'Payment link cancelled', 'This payment link was cancelled and can no longer be used.'],
    ['EXPIRED', 'Payment link expired', 'This payment link has expired and can no longer be used.'],
  ] as const)('shows a %s link as a failure, once, without polling', async (status, title, body) => {
    merchant().links.set('pl_1', paymentLink({ status }));
    const onFailure = vi.fn();
    renderWithPurse(<PaymentStatus paymentLinkId="pl_1" schedule={fast} onFailure={onFailure} />, {
      backend: merchant().backend,
    });
    expect(await heading(title)).toBeInTheDocument();
    expect(within(screen.getByRole('status')).getByText(`${title}. ${body}`)).toBeInTheDocument();
    // Longer than two poll intervals: a poll that should not happen would have happened.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(merchant().requests).toEqual(['GET /payment-links/pl_1']);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure.mock.calls[0]?.[0]).toMatchObject({ link: { status } });
  });

  it('speaks French for a link too', async () => {
    merchant().links.set('pl_1', paymentLink({ status: 'EXPIRED', currency: 'JPY', amount: 12000 }));
    renderWithPurse(<PaymentStatus paymentLinkId="pl_1" />, { backend: merchant().backend, locale: 'fr' });
    expect(await heading('Lien de paiement expiré')).toBeInTheDocument();
    expect((await detail('Montant')).textContent).toBe('12\u202f000\u00a0JPY');
  });
});
