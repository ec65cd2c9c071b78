import { describe, expect, it } from 'vitest';
import type { ShopperPayment, ShopperPaymentLink } from '../backend/views.ts';
import { AUTHORIZATION_STATUSES, CLIENT_SESSION_STATUSES } from '../wire/payment.ts';
import {
  classifyPayment,
  classifyPaymentLink,
  classifySession,
  isFinalOutcome,
  lastFailedAttempt,
  paidPaymentId,
  successHeadline,
} from './classify.ts';
import { settlementOf } from './timeline.ts';

const NOT = { consumed: 'NOT', captured: 'NOT', voided: 'NOT', refunded: 'NOT' } as const;
const ZERO = { authorize_pending: 0, total_authorized: 0, total_captured: 0, total_refunded: 0, total_voided: 0 };

function payment(overrides: Partial<ShopperPayment> = {}): ShopperPayment {
  return {
    id: 'pay_1',
    amount: 4299,
    currency: 'EUR',
    authorization_status: 'AUTHORIZED',
    overview: NOT,
    amounts: { ...ZERO, total_authorized: 4299 },
    split: [],
    ...overrides,
  };
}

function link(overrides: Partial<ShopperPaymentLink> = {}): ShopperPaymentLink {
  return { id: 'pl_1', status: 'CREATED', amount: 12000, currency: 'EUR', payments: [], ...overrides };
}

describe('classifyPayment', () => {
  it('maps every authorization status', () => {
    const table = Object.fromEntries(
      AUTHORIZATION_STATUSES.map((status) => [status, classifyPayment(payment({ authorization_status: status }))]),
    );
    expect(table).toEqual({
      AUTHORIZED: { outcome: 'success', reason: 'authorized' },
      PENDING: { outcome: 'waiting', reason: 'pending' },
      ERROR: { outcome: 'failure', reason: 'error' },
      ABORTED: { outcome: 'failure', reason: 'aborted' },
      REFUSED: { outcome: 'failure', reason: 'refused' },
    });
  });

  it('counts a captured payment as success, partly or totally', () => {
    const partly = payment({ overview: { ...NOT, captured: 'PARTIALLY' }, amounts: { ...ZERO, total_authorized: 4299, total_captured: 1000 } });
    expect(classifyPayment(partly)).toEqual({ outcome: 'success', reason: 'captured' });
    expect(classifyPayment(payment({ overview: { ...NOT, captured: 'TOTALLY' } }))).toEqual({ outcome: 'success', reason: 'captured' });
    // The amounts alone are enough when the overview lags behind.
    expect(classifyPayment(payment({ amounts: { ...ZERO, total_captured: 1 } })).reason).toBe('captured');
  });

  it('keeps waiting on a status it does not know instead of guessing', () => {
    const unknown = payment({ authorization_status: 'SOMETHING_NEW' as never });
    expect(classifyPayment(unknown)).toEqual({ outcome: 'waiting', reason: 'pending' });
  });
});

describe('classifySession', () => {
  it('maps every session status; a submitted session alone is not a success', () => {
    const table = Object.fromEntries(CLIENT_SESSION_STATUSES.map((status) => [status, classifySession({ status })]));
    expect(table).toEqual({
      CREATED: { outcome: 'waiting', reason: 'session_created' },
      SUBMITTED: { outcome: 'waiting', reason: 'session_submitted' },
      ABORTED_BY_CUSTOMER: { outcome: 'failure', reason: 'aborted_by_customer' },
      ABORTED_BY_MERCHANT: { outcome: 'failure', reason: 'aborted_by_merchant' },
    });
  });

  it('takes the merchant server’s word on expiry over the shopper’s clock', () => {
    const expires_at = '2030-01-01T00:00:00Z';
    const at = Date.parse(expires_at);
    // The shopper's clock hours ahead: the server says it can still be paid.
    expect(classifySession({ status: 'CREATED', expires_at, expired: false }, at + 3 * 3_600_000).reason).toBe('session_created');
    // Hours behind: the server says it is over.
    expect(classifySession({ status: 'CREATED', expires_at, expired: true }, at - 3 * 3_600_000).reason).toBe('session_expired');
  });

  it('ends a session still CREATED without a payment once past its expiry; never one with a payment', () => {
    const expires_at = '2030-01-01T00:00:00Z';
    const at = Date.parse(expires_at);
    expect(classifySession({ status: 'CREATED', expires_at }, at)).toEqual({ outcome: 'failure', reason: 'session_expired' });
    expect(classifySession({ status: 'CREATED', expires_at }, at - 1).reason).toBe('session_created');
    // Without a time, or with an unreadable date, it is not over: keep asking.
    expect(classifySession({ status: 'CREATED', expires_at }).reason).toBe('session_created');
    expect(classifySession({ status: 'CREATED', expires_at: 'soon' }, at).reason).toBe('session_created');
    // A payment was made on it (its answer may have been lost): the payment decides, and until it does the session is
    // not "created" (nobody paid: the shopper is told so), whatever its status says.
    expect(classifySession({ status: 'CREATED', expires_at, payment_id: 'pay_1' }, at).reason).toBe('session_submitted');
    expect(classifySession({ status: 'CREATED', payment_id: 'pay_1' }).reason).toBe('session_submitted');
    expect(classifySession({ status: 'SUBMITTED', expires_at }, at).reason).toBe('session_submitted');
    // Aborted after its payment failed (Purse keeps the id): the payment says why, not "cancelled", and not before it answers.
    expect(classifySession({ status: 'ABORTED_BY_MERCHANT', payment_id: 'pay_1' })).toEqual({ outcome: 'waiting', reason: 'session_submitted' });
  });
});

describe('classifyPaymentLink', () => {
  it('maps every link status', () => {
    const statuses = ['CREATED', 'OPENED', 'PAID', 'CANCELLED', 'EXPIRED'] as const;
    const table = Object.fromEntries(statuses.map((status) => [status, classifyPaymentLink(link({ status }))]));
    expect(table).toEqual({
      CREATED: { outcome: 'waiting', reason: 'link_created' },
      OPENED: { outcome: 'waiting', reason: 'link_opened' },
      PAID: { outcome: 'success', reason: 'link_paid' },
      CANCELLED: { outcome: 'failure', reason: 'link_cancelled' },
      EXPIRED: { outcome: 'failure', reason: 'link_expired' },
    });
  });

  it('treats an unpaid link past expires_at as expired when given the time', () => {
    const opened = link({ status: 'OPENED', expires_at: '2030-01-01T00:00:00Z' });
    const expiry = Date.parse('2030-01-01T00:00:00Z');
    expect(classifyPaymentLink(opened, expiry - 1).outcome).toBe('waiting');
    expect(classifyPaymentLink(opened, expiry)).toEqual({ outcome: 'failure', reason: 'link_expired' });
    expect(classifyPaymentLink(opened).outcome).toBe('waiting');
    // A paid link stays paid after its expiry.
    expect(classifyPaymentLink({ ...opened, status: 'PAID' }, expiry + 1).outcome).toBe('success');
  });

  it('finds the authorized payment and the last failed attempt', () => {
    const attempts = link({
      status: 'OPENED',
      payments: [
        { id: 'p1', authorization_status: 'REFUSED' },
        { id: 'p2', authorization_status: 'ERROR' },
      ],
    });
    expect(lastFailedAttempt(attempts)).toBe('ERROR');
    expect(paidPaymentId(attempts)).toBeUndefined();
    const paid = link({ status: 'PAID', payments: [...attempts.payments, { id: 'p3', authorization_status: 'AUTHORIZED' }] });
    expect(paidPaymentId(paid)).toBe('p3');
    expect(lastFailedAttempt(paid)).toBeUndefined();
    expect(lastFailedAttempt(link())).toBeUndefined();
  });
});

describe('settlementOf and successHeadline', () => {
  it('lists what was captured, refunded and voided, with the extent', () => {
    const settled = payment({
      overview: { consumed: 'TOTALLY', captured: 'PARTIALLY', refunded: 'PARTIALLY', voided: 'PARTIALLY' },
      amounts: { authorize_pending: 0, total_authorized: 4299, total_captured: 3000, total_refunded: 1000, total_voided: 1299 },
    });
    expect(settlementOf(settled)).toEqual([
      { kind: 'captured', extent: 'PARTIALLY', amount: 3000 },
      { kind: 'refunded', extent: 'PARTIALLY', amount: 1000 },
      { kind: 'voided', extent: 'PARTIALLY', amount: 1299 },
    ]);
    expect(settlementOf(payment())).toEqual([]);
    expect(successHeadline(settled)).toBe('paid');
  });

  it('headlines a fully refunded or fully voided payment', () => {
    expect(successHeadline(payment({ overview: { ...NOT, captured: 'TOTALLY', refunded: 'TOTALLY' } }))).toBe('refunded');
    expect(successHeadline(payment({ overview: { ...NOT, voided: 'TOTALLY' } }))).toBe('voided');
    expect(successHeadline(undefined)).toBe('paid');
  });

  it('knows which outcomes are final', () => {
    expect(['success', 'failure', 'waiting'].map((o) => isFinalOutcome(o as never))).toEqual([true, true, false]);
  });
});
