// The chunk with a payment's details could not be downloaded while the page waited for the answer (a connection that
// dropped for a moment): once the answer says paid, the page tries again, and the details appear.
import { screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { payments, verified } from '../../test/payment-status-fixtures.ts';
import { mswMerchantPerTest } from '../../test/payment-status-msw.ts';
import { renderWithPurse } from '../../test/render-payment-status.tsx';
import { PaymentStatus } from './PaymentStatus.tsx';

const chunk = vi.hoisted(() => {
  let failed!: () => void;
  return { attempts: 0, firstFailed: new Promise<void>((resolve) => (failed = resolve)), failed: () => failed() };
});

// The first request for the chunk fails as a browser's import() does; the network is back for the next one.
vi.mock('./outcome.tsx', async (importOriginal) => {
  chunk.attempts += 1;
  if (chunk.attempts === 1) {
    chunk.failed();
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return importOriginal();
});

const merchant = mswMerchantPerTest();

it('a paid payment whose details failed to download while it was checked downloads them again, and shows them', async () => {
  merchant().tokens.set('tok_ok', verified(payments.authorized));
  const backend = merchant().backend;
  // The answer comes after the failed download, as on a connection that dropped while the page waited.
  const slowAnswer = { ...backend, verifyRedirect: async (token: string) => (await chunk.firstFailed, backend.verifyRedirect(token)) };
  renderWithPurse(<PaymentStatus token="tok_ok" />, { backend: slowAnswer });

  expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
  expect(await screen.findByText('Amount')).toBeInTheDocument();
  expect(chunk.attempts).toBe(2);
  expect(screen.queryByText(/could not load/)).not.toBeInTheDocument();
});
