// Shopper-safe payments and links in each state, for tests and stories. Shapes as createMerchantHandler returns them.
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from '../core/backend/views.ts';
import type { Currency } from '../core/wire/payment.ts';

const NOT = { consumed: 'NOT', captured: 'NOT', voided: 'NOT', refunded: 'NOT' } as const;

export function shopperPayment(overrides: Partial<ShopperPayment> = {}): ShopperPayment {
  const amount = overrides.amount ?? 4299;
  return {
    id: 'pay_1',
    client_session_id: 'cs_1',
    amount,
    currency: 'EUR',
    authorization_status: 'AUTHORIZED',
    overview: NOT,
    amounts: { authorize_pending: 0, total_authorized: amount, total_captured: 0, total_refunded: 0, total_voided: 0 },
    split: [{ method: 'creditcard', partner: 'dalenys', amount }],
    card: { brand: 'VISA', last_four: '1111' },
    ...overrides,
  };
}

export const payments = {
  authorized: shopperPayment(),
  pending: shopperPayment({
    authorization_status: 'PENDING',
    amounts: { authorize_pending: 4299, total_authorized: 0, total_captured: 0, total_refunded: 0, total_voided: 0 },
  }),
  refused: shopperPayment({
    authorization_status: 'REFUSED',
    amounts: { authorize_pending: 0, total_authorized: 0, total_captured: 0, total_refunded: 0, total_voided: 0 },
  }),
  error: shopperPayment({ authorization_status: 'ERROR' }),
  aborted: shopperPayment({ authorization_status: 'ABORTED' }),
  /** Captured in full, then 10.00 refunded. */
  partlyRefunded: shopperPayment({
    overview: { consumed: 'TOTALLY', captured: 'TOTALLY', voided: 'NOT', refunded: 'PARTIALLY' },
    amounts: { authorize_pending: 0, total_authorized: 4299, total_captured: 4299, total_refunded: 1000, total_voided: 0 },
  }),
  refunded: shopperPayment({
    overview: { consumed: 'TOTALLY', captured: 'TOTALLY', voided: 'NOT', refunded: 'TOTALLY' },
    amounts: { authorize_pending: 0, total_authorized: 4299, total_captured: 4299, total_refunded: 4299, total_voided: 0 },
  }),
  voided: shopperPayment({
    overview: { consumed: 'TOTALLY', captured: 'NOT', voided: 'TOTALLY', refunded: 'NOT' },
    amounts: { authorize_pending: 0, total_authorized: 4299, total_captured: 0, total_refunded: 0, total_voided: 4299 },
  }),
  /** A gift card and a card, as in the Payment API samples. */
  split: shopperPayment({
    split: [
      { method: 'giftcard', partner: 'easy2play', amount: 2000 },
      { method: 'creditcard', partner: 'dalenys', amount: 2299 },
    ],
    card: { brand: 'VISA', last_four: '1234' },
  }),
} satisfies Record<string, ShopperPayment>;

/** The same payment in another currency (amount in that currency's minor units). */
export const inCurrency = (currency: Currency, payment: ShopperPayment = payments.authorized): ShopperPayment => ({
  ...payment,
  currency,
  split: payment.split.map((part) => ({ ...part })),
});

export const verified = (payment: ShopperPayment | undefined, overrides: Partial<VerifiedRedirect> = {}): VerifiedRedirect => ({
  client_session_id: 'cs_1',
  client_session_status: 'SUBMITTED',
  ...(payment ? { payment_id: payment.id, payment } : {}),
  ...overrides,
});

export function paymentLink(overrides: Partial<ShopperPaymentLink> = {}): ShopperPaymentLink {
  return {
    id: 'pl_1',
    status: 'CREATED',
    amount: 12000,
    currency: 'EUR',
    expires_at: '2099-01-01T00:00:00Z',
    payments: [],
    ...overrides,
  };
}

export function checkoutSession(overrides: Partial<CheckoutSession> = {}): CheckoutSession {
  return {
    id: 'cs_1',
    status: 'SUBMITTED',
    integration_mode: 'EMBEDDED',
    amount: 4299,
    currency: 'EUR',
    expires_at: '2099-01-01T00:00:00Z',
    eligible_solutions: [{ partner: 'dalenys', method: 'creditcard' }],
    ...overrides,
  };
}
