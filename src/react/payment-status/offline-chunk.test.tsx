// What shows only after the answer (outcome.tsx, downloaded apart: the details, and the words and actions of a failure
// or of a link not paid yet) cannot be downloaded: the shopper never reads a message key nor a wrong status, learns
// that a part of the page is missing, and can try the download again; a paid or pending payment, whose words are in
// the page, shows as usual, without its details.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { paymentLink, payments, verified } from '../../test/payment-status-fixtures.ts';
import { mswMerchantPerTest } from '../../test/payment-status-msw.ts';
import { renderWithPurse } from '../../test/render-payment-status.tsx';
import { PaymentStatus } from './PaymentStatus.tsx';

// As a browser answers import() when the chunk's request fails.
vi.mock('./outcome.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const merchant = mswMerchantPerTest();
const missing = 'A part of this page could not load. Please reload the page.';

describe('when the words of a failure cannot be downloaded', () => {
  it('a refused payment says a part of the page is missing, announces it, and "Try again" downloads again', async () => {
    merchant().tokens.set('tok_refused', verified(payments.refused));
    const onFailure = vi.fn();
    renderWithPurse(<PaymentStatus token="tok_refused" onFailure={onFailure} retryHref="/checkout" />, { backend: merchant().backend });

    const heading = await screen.findByRole('heading', { name: missing });
    expect(screen.getByRole('status')).toHaveTextContent(missing);
    expect(document.body).not.toHaveTextContent(/paymentStatus\./);
    expect(document.body).not.toHaveTextContent(/Payment successful/);
    expect(onFailure).toHaveBeenCalledWith({ payment: payments.refused, link: undefined });

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // The button the shopper used went away while downloading: focus is on the status, which says it failed again.
    expect(await screen.findByRole('heading', { name: missing })).toHaveFocus();
    expect(heading).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(merchant().requests).toEqual(['POST /payments/verify-redirect']);
  });

  it('a successful payment shows and announces its own words, which are in the page, without its details', async () => {
    merchant().tokens.set('tok_ok', verified(payments.authorized));
    renderWithPurse(<PaymentStatus token="tok_ok" />, { backend: merchant().backend });
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful. Your payment is confirmed.');
    // The download failed (and again when the status came, which shows details): the status stands alone.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByText('Amount')).not.toBeInTheDocument();
    expect(screen.queryByText(missing)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/paymentStatus\./);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('a pending payment keeps polling with its own words, and shows the payment once paid', async () => {
    merchant().payments.set('pay_1', payments.pending, payments.authorized);
    renderWithPurse(<PaymentStatus paymentId="pay_1" schedule={{ fastIntervalMs: 50 }} />, { backend: merchant().backend });
    expect(await screen.findByRole('heading', { name: 'Your payment is being processed' })).toBeInTheDocument();
    expect(screen.getByText('This page updates by itself. You can stay here or come back later.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.queryByText(missing)).not.toBeInTheDocument();
    expect(merchant().requests).toEqual(['GET /payments/pay_1', 'GET /payments/pay_1']);
  });

  it('a payment link not paid yet says a part of the page is missing, never a wrong status, and still follows the link', async () => {
    merchant().links.set('pl_1', paymentLink({ status: 'CREATED' }), paymentLink({ status: 'CREATED' }), paymentLink({ status: 'PAID' }));
    renderWithPurse(<PaymentStatus paymentLinkId="pl_1" schedule={{ fastIntervalMs: 100 }} />, { backend: merchant().backend });
    expect(await screen.findByRole('heading', { name: missing })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(missing);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/paymentStatus\.|Waiting for payment|Payment successful/);
    // The polling goes on behind the message: once the link is paid, its words are in the page.
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(merchant().requests).toEqual(Array(3).fill('GET /payment-links/pl_1'));
  });
});
