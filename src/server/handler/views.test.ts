// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Payment, PaymentLink } from '../../core/wire/payment.ts';
import { setupPurse } from '../../mock-server/payment/test-support.ts';
import { toShopperPayment, toShopperPaymentLink, toShopperXcoUser } from './views.ts';

const transaction = {
  created_at: '2020-08-25T10:42:59.123+02:00',
  updated_at: '2020-08-25T10:42:59.123+02:00',
  status: 'AUTHORIZED',
  partner_status: '0000',
  partner_status_description: 'Successful operation',
};

/** The Get Payment sample of the Payment API v2 docs (gift card + card split), with the internals it carries. */
const SAMPLE: Payment = {
  id: '9a14962c-bdcf-49d1-8673-e75dfb48013f',
  created_at: '2020-08-25T10:42:59.123+02:00',
  version: 7,
  entity_id: '89a237d0-20f9-438e-b46c-3993c46b7bbe',
  amount: 4299,
  currency: 'EUR',
  capture_mode: 'MANUAL',
  client_session_id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  order_reference: 'order_01',
  order: { reference: 'order_01', billing_address: { first_name: 'Emily', last_name: 'PARKER', city: 'Lille' } },
  customer: { reference: '2090000000000', email: 'emily@example.com', ip_address: '203.0.113.195' },
  amounts: {
    authorize_pending: 0,
    total_authorized: 4299,
    total_voided: 0,
    available_to_void: 1299,
    total_captured: 3000,
    available_to_capture: 1299,
    total_refunded: 0,
    available_to_refund: 3000,
  },
  overview: { consumed: 'PARTIALLY', captured: 'PARTIALLY', voided: 'NOT', refunded: 'NOT' },
  split: [
    { partner: 'easy2play', method: 'giftcard', amount: 2000, parent_partner_token: 'tok_secret' },
    { partner: 'dalenys', method: 'creditcard', amount: 2299 },
  ],
  authorization: {
    status: 'AUTHORIZED',
    partner_transactions: [
      { ...transaction, id: '1a14962c', amount: 2000, partner: 'easy2play', method: 'giftcard', partner_reference: '6898f79aa20af' },
      {
        ...transaction,
        id: 'e3a6516b',
        amount: 2299,
        partner: 'dalenys',
        method: 'creditcard',
        partner_reference: 'A4232036332',
        partner_token: 'tok_card_secret',
        card: {
          bin: '513842',
          last_four_digits: '1234',
          holder_name: 'John Doe',
          expiry_month: '01',
          expiry_year: '24',
          country_code: 'FR',
          fingerprint: 'mG/7oNfgy7dPj8/jhP5Ynr9u1U=',
          selected_network: 'VISA',
          three_ds: { eci: '01' },
        },
      },
    ],
  },
  captures: [],
  voids: [],
  refunds: [],
  links: { self: { href: '/v2/payment/9a14962c', method: 'GET' } },
  browser: { user_agent: 'Mozilla/5.0', accept_header: 'text/html' },
  webhook: { url: 'https://merchant.test/hooks', headers: [{ name: 'x-secret', values: ['hook-secret'] }] },
};

describe('toShopperPayment', () => {
  it('keeps amounts, statuses, split, brand and last four', () => {
    expect(toShopperPayment(SAMPLE)).toEqual({
      id: SAMPLE.id,
      client_session_id: SAMPLE.client_session_id,
      amount: 4299,
      currency: 'EUR',
      authorization_status: 'AUTHORIZED',
      overview: { consumed: 'PARTIALLY', captured: 'PARTIALLY', voided: 'NOT', refunded: 'NOT' },
      amounts: { authorize_pending: 0, total_authorized: 4299, total_captured: 3000, total_refunded: 0, total_voided: 0 },
      split: [
        { method: 'giftcard', partner: 'easy2play', amount: 2000 },
        { method: 'creditcard', partner: 'dalenys', amount: 2299 },
      ],
      card: { brand: 'VISA', last_four: '1234' },
      created_at: SAMPLE.created_at,
      timeline: [{ kind: 'authorized', amount: 4299, at: '2020-08-25T10:42:59.123+02:00' }],
    });
  });

  it('gives the timeline amounts and dates only: no operation ids, merchant references or partner transactions', () => {
    const capture = { id: 'op_capture_secret', amount: 3000, created_at: '2020-08-26T09:00:00Z', status: 'SUCCESS', merchant_reference: 'CAP-internal-42', partner_transactions: [] };
    const view = toShopperPayment({ ...SAMPLE, captures: [capture] });
    expect(view.timeline).toEqual([
      { kind: 'authorized', amount: 4299, at: '2020-08-25T10:42:59.123+02:00' },
      { kind: 'captured', amount: 3000, at: '2020-08-26T09:00:00Z' },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/op_capture_secret|CAP-internal-42/);
  });

  it('leaves out partner internals, card details beyond brand and last four, the customer and the order', () => {
    const text = JSON.stringify(toShopperPayment(SAMPLE));
    for (const secret of ['513842', 'John Doe', 'mG/7oNfgy7dPj8', 'A4232036332', '6898f79aa20af', 'tok_', 'partner_status', 'Emily', 'emily@', '203.0.113', 'hook-secret', 'Mozilla', 'entity', 'three_ds', 'version']) {
      expect(text).not.toContain(secret);
    }
  });

  it('leaves out what the samples add: tokens, remaining amounts, saved-token flags, 3DS ids, partner data, redirection', async () => {
    const { api, ok, call } = setupPurse();
    const paid = await api.paid({ customer: { reference: 'c-1', first_name: 'Ada', last_name: 'Lovelace' }, allow_future_usage: true });
    const captured = await ok<Payment>(api.operation(paid.id, 'captures', { amount: 1000, merchant_reference: 'CAP-9' }), 201);
    const server = await ok<Payment>(call('POST', '/payment/v2/payments', { ...sessionOf(paid), split: [{ amount: 12000, parent_payment_id: paid.id }] }), 201);
    for (const payment of [captured, server]) {
      const tx = payment.authorization.partner_transactions[0]!;
      // The mock answers with all of it (so this test can fail)…
      expect(tx).toMatchObject({ partner_token: expect.any(String), save_token: true, partner_additional_data: {}, card: { holder_name: 'Ada Lovelace' } });
      const text = JSON.stringify(toShopperPayment(payment));
      // …and the browser sees none of it.
      const secrets = [tx.partner_token!, tx.card!.fingerprint!, tx.card!.three_ds!.ds_transaction_id!, tx.card!.three_ds!.acs_transaction_id!, 'Ada', tx.partner_reference!];
      for (const secret of secrets) expect(text).not.toContain(secret);
      for (const key of ['remaining_amount', 'save_token', 'token_saved', 'partner_additional_data', 'redirection', 'authentication', 'browser', 'parent_', 'merchant_reference']) {
        expect(text).not.toContain(key);
      }
    }
    expect(captured.redirection ?? captured.authentication).toBeDefined();
  });

  it('falls back to the authorization parts when Purse sends no split, and defaults a missing authorize_pending', () => {
    const { split: _split, ...rest } = SAMPLE;
    const { authorize_pending: _pending, ...amounts } = SAMPLE.amounts;
    const view = toShopperPayment({ ...rest, amounts });
    expect(view.split).toEqual([
      { method: 'giftcard', partner: 'easy2play', amount: 2000 },
      { method: 'creditcard', partner: 'dalenys', amount: 2299 },
    ]);
    expect(view.amounts.authorize_pending).toBe(0);
  });

  it('has no card for a payment without one', () => {
    const view = toShopperPayment({ ...SAMPLE, authorization: { status: 'REFUSED', partner_transactions: [] }, split: [] });
    expect(view).not.toHaveProperty('card');
    expect(view.authorization_status).toBe('REFUSED');
    expect(view.split).toEqual([]);
  });
});

/** The create-payment fields of a payment the mock made (to reuse its authorization). */
const sessionOf = (payment: Payment) => ({
  entity_id: payment.entity_id,
  amount: payment.amount,
  currency: payment.currency,
  order: payment.order,
  customer: payment.customer,
  allow_future_usage: true,
});

const LINK: PaymentLink = {
  id: '7d9c5288-d7bb-423b-bff7-5c0727cb0adc',
  version: 1,
  entity_id: '5e3a0862-7cc3-4427-92ba-9e1e9595f571',
  status: 'CREATED',
  amount: 12000,
  currency: 'EUR',
  capture_mode: 'MANUAL',
  expires_at: '2024-08-25T10:42:59.123+02:00',
  order: { reference: 'order_123456' },
  customer: { reference: 'c-1', email: 'jane@example.com' },
  links: {
    self: { href: 'https://api.purse-dev.com/payment/v2/payment-links/7d9c5288', method: 'GET' },
    customer_url: { href: 'https://pay.purse-dev.com/payment-link/7d9c5288', method: 'GET' },
  },
  payments: [{ id: '05c0d03f', authorization_status: 'REFUSED' }],
  client_sessions: [{ id: 'cs-1', status: 'SUBMITTED' }],
};
const BEFORE = Date.parse('2024-08-25T08:00:00Z');
const AFTER = Date.parse('2024-08-25T09:00:00Z'); // 10:42:59+02:00 is 08:42:59Z

describe('toShopperPaymentLink', () => {
  it('keeps status, amount, expiry and attempts, nothing about the customer or the order', () => {
    const view = toShopperPaymentLink(LINK, BEFORE);
    expect(view).toEqual({
      id: LINK.id,
      status: 'CREATED',
      amount: 12000,
      currency: 'EUR',
      expires_at: LINK.expires_at,
      payments: [{ id: '05c0d03f', authorization_status: 'REFUSED' }],
    });
  });

  it('says EXPIRED past expires_at when Purse still says CREATED or OPENED, never for a paid or cancelled link', () => {
    expect(toShopperPaymentLink(LINK, AFTER).status).toBe('EXPIRED');
    expect(toShopperPaymentLink({ ...LINK, status: 'OPENED' }, AFTER).status).toBe('EXPIRED');
    expect(toShopperPaymentLink({ ...LINK, status: 'PAID' }, AFTER).status).toBe('PAID');
    expect(toShopperPaymentLink({ ...LINK, status: 'CANCELLED' }, AFTER).status).toBe('CANCELLED');
  });

  it('reads the attempts from payment_attempts, the name in the reference’s Get sample', () => {
    const { payments: _payments, ...rest } = LINK;
    const view = toShopperPaymentLink({ ...rest, payment_attempts: [{ id: 'p-9', authorization_status: 'AUTHORIZED' }] } as unknown as PaymentLink, BEFORE);
    expect(view.payments).toEqual([{ id: 'p-9', authorization_status: 'AUTHORIZED' }]);
  });
});

describe('toShopperXcoUser', () => {
  it('keeps the profile and its addresses field by field: what Purse adds to a user stays on the server', () => {
    const address = { address_type: 'billing', street_address: '1 rue A', locality: 'Lille', postal_code: '59000', country: 'FRANCE' } as const;
    const fromPurse = {
      email: 'emily@example.com',
      phone_number: '+33612345678',
      first_name: 'Emily',
      last_name: 'Parker',
      birthdate: '1990-01-15',
      addresses: [{ ...address, geo: { lat: 50.6 } }, 'not an address'],
      id: 'usr_internal',
      customer_references: ['another-merchant-customer'],
      risk_score: 12,
      gender: 42,
    };
    expect(toShopperXcoUser(fromPurse as never)).toEqual({
      email: 'emily@example.com',
      phone_number: '+33612345678',
      first_name: 'Emily',
      last_name: 'Parker',
      birthdate: '1990-01-15',
      addresses: [address],
    });
  });
});
