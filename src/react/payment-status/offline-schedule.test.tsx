// The poll schedule's effects (core/status/waiting.ts, downloaded apart when a status first waits) cannot be
// downloaded: the page cannot poll, so it never claims it updates by itself for long — it says the payment is still
// processing and offers a manual Refresh, which asks once and shows what the backend answers.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { payments } from '../../test/payment-status-fixtures.ts';
import { mswMerchantPerTest } from '../../test/payment-status-msw.ts';
import { renderWithPurse } from '../../test/render-payment-status.tsx';
import { PaymentStatus } from './PaymentStatus.tsx';

const downloads = vi.hoisted(() => ({ attempts: 0 }));
// As a browser answers import() when the chunk's request fails.
vi.mock('../../core/status/waiting.ts', () => {
  downloads.attempts++;
  throw new TypeError('Failed to fetch dynamically imported module');
});

const merchant = mswMerchantPerTest();

describe('when the poll schedule cannot be downloaded', () => {
  it('a pending payment shows "still processing" with Refresh, which asks once and shows the settled payment', async () => {
    merchant().payments.set('pay_1', payments.pending, payments.authorized);
    renderWithPurse(<PaymentStatus paymentId="pay_1" />, { backend: merchant().backend });

    expect(await screen.findByRole('heading', { name: 'Your payment is still processing' })).toBeInTheDocument();
    expect(downloads.attempts).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(/^Your payment is still processing\. This is taking longer/);
    expect(document.body).not.toHaveTextContent(/paymentStatus\./);
    expect(merchant().requests).toEqual(['GET /payments/pay_1']);

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
    expect(merchant().requests).toEqual(['GET /payments/pay_1', 'GET /payments/pay_1']);
  });

  it('a payment final at once never downloads it', async () => {
    const before = downloads.attempts;
    merchant().payments.set('pay_2', payments.authorized);
    renderWithPurse(<PaymentStatus paymentId="pay_2" />, { backend: merchant().backend });
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('heading')).toHaveTextContent('Payment successful');
    expect(downloads.attempts).toBe(before);
    expect(merchant().requests).toEqual(['GET /payments/pay_2']);
  });
});
