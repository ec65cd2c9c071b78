// The words and actions of a failure (outcome.tsx, downloaded apart) cannot be downloaded: the shopper never reads a
// message key nor a wrong status, learns that a part of the page is missing, and can try the download again; a
// successful payment, whose words are in the page, shows as usual.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { payments, verified } from '../../test/payment-status-fixtures.ts';
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

  it('a successful payment shows and announces its own words, which are in the page', async () => {
    merchant().tokens.set('tok_ok', verified(payments.authorized));
    renderWithPurse(<PaymentStatus token="tok_ok" />, { backend: merchant().backend });
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful. Your payment is confirmed.');
    expect(screen.queryByText(missing)).not.toBeInTheDocument();
  });
});
