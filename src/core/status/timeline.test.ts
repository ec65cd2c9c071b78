import { describe, expect, it } from 'vitest';
import { payments } from '../../test/payment-status-fixtures.ts';
import type { PaymentOperation } from '../wire/payment.ts';
import { paymentTimeline, timelineOf } from './timeline.ts';

const operation = (amount: number, at: string, status = 'SUCCESS'): PaymentOperation => ({
  id: `op_${at}`,
  amount,
  created_at: at,
  status,
  partner_transactions: [],
});

describe('paymentTimeline', () => {
  it('authorized, then partial captures and a refund, oldest first, with amounts and dates', () => {
    const timeline = paymentTimeline({
      amount: 4299,
      created_at: '2026-12-01T10:00:00Z',
      authorization: { status: 'AUTHORIZED', updated_at: '2026-12-01T10:00:02Z', partner_transactions: [] },
      captures: [operation(2000, '2026-12-02T09:00:00Z'), operation(2299, '2026-12-03T09:00:00Z')],
      refunds: [operation(1000, '2026-12-02T12:00:00Z'), operation(500, '2026-12-04T12:00:00Z', 'FAILED')],
      voids: [],
    });
    expect(timeline).toEqual([
      { kind: 'authorized', amount: 4299, at: '2026-12-01T10:00:02Z' },
      { kind: 'captured', amount: 2000, at: '2026-12-02T09:00:00Z' },
      { kind: 'refunded', amount: 1000, at: '2026-12-02T12:00:00Z' },
      { kind: 'captured', amount: 2299, at: '2026-12-03T09:00:00Z' },
    ]);
  });

  it('names a refused, failed or pending authorization, dated by the payment when the authorization has no date', () => {
    const base = { amount: 100, created_at: '2026-12-01T10:00:00Z', captures: [], refunds: [], voids: [] };
    for (const [status, kind] of [['REFUSED', 'refused'], ['ERROR', 'failed'], ['ABORTED', 'failed'], ['PENDING', 'pending']] as const) {
      expect(paymentTimeline({ ...base, authorization: { status, partner_transactions: [] } })).toEqual([
        { kind, amount: 100, at: '2026-12-01T10:00:00Z' },
      ]);
    }
  });
});

describe('timelineOf (a shopper view)', () => {
  it("takes the server's timeline when the view has one", () => {
    const timeline = [{ kind: 'authorized' as const, amount: 4299, at: '2026-12-01T10:00:00Z' }];
    expect(timelineOf({ ...payments.authorized, timeline })).toBe(timeline);
  });

  it('otherwise builds it from the totals, without dates', () => {
    expect(timelineOf(payments.partlyRefunded)).toEqual([
      { kind: 'authorized', amount: 4299 },
      { kind: 'captured', amount: 4299 },
      { kind: 'refunded', amount: 1000 },
    ]);
    expect(timelineOf(payments.refused)).toEqual([{ kind: 'refused', amount: 4299 }]);
  });
});
