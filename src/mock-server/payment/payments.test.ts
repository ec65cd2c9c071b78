import { describe, expect, it } from 'vitest';
import type { Payment } from '../../core/wire/payment.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { pointersOf, problemOf, setupPurse } from './test-support.ts';

const amountsOf = (p: Payment) => p.amounts;

describe('payments created by the card form', () => {
  it('authorizes test card 4111…: card details, split, partner transaction, links, version 1', async () => {
    const { api } = setupPurse();
    const payment = await api.paid();
    expect(payment).toMatchObject({
      version: 1,
      amount: 12000,
      currency: 'EUR',
      capture_mode: 'MANUAL',
      order_reference: 'o-1',
      split: [{ partner: 'dalenys', method: 'creditcard', amount: 12000 }],
      authorization: {
        status: 'AUTHORIZED',
        partner_transactions: [
          {
            status: 'AUTHORIZED',
            amount: 12000,
            partner: 'dalenys',
            method: 'creditcard',
            partner_status: '0000',
            card: { bin: '411111', last_four_digits: '1111', expiry_month: '12', expiry_year: '30', selected_network: 'VISA' },
          },
        ],
      },
      captures: [],
      voids: [],
      refunds: [],
      overview: { consumed: 'NOT', captured: 'NOT', voided: 'NOT', refunded: 'NOT' },
      links: { self: { href: `/v2/payments/${payment.id}` }, capture: { href: `/v2/payments/${payment.id}/captures`, method: 'POST' } },
    });
    expect(amountsOf(payment)).toEqual({
      authorize_pending: 0,
      total_authorized: 12000,
      total_captured: 0,
      available_to_capture: 12000,
      total_voided: 0,
      available_to_void: 12000,
      total_refunded: 0,
      available_to_refund: 0,
    });
  });

  it('refuses test card 4000 0000 0000 0002 and refuses other cards with a form error', async () => {
    const { api } = setupPurse();
    const refused = await api.paid({}, '4000 0000 0000 0002');
    expect(refused.authorization.status).toBe('REFUSED');
    expect(refused.amounts.total_authorized).toBe(0);
    const session = await api.createSession();
    const response = await api.pay(session, '4242 4242 4242 4242', '01/20', '12');
    expect(response.status).toBe(400);
    expect(pointersOf(await problemOf(response))).toEqual(['/card_number', '/cvc', '/expiry']);
    expect((await api.getSession(session.id)).status).toBe('CREATED');
  });

  it('AUTOMATIC capture mode captures the whole amount at authorization', async () => {
    const { api } = setupPurse();
    const payment = await api.paid({ capture_mode: 'AUTOMATIC' });
    expect(payment.captures).toHaveLength(1);
    expect(payment.amounts).toMatchObject({ total_captured: 12000, available_to_capture: 0, available_to_refund: 12000 });
    expect(payment.overview).toMatchObject({ consumed: 'TOTALLY', captured: 'TOTALLY' });
  });
});

describe('capture, refund, void', () => {
  it('keeps amounts and overview consistent through partial operations', async () => {
    const { api, ok } = setupPurse();
    const { id } = await api.paid();
    let p = await ok<Payment>(api.operation(id, 'captures', { amount: 3000, merchant_reference: 'CAP#1' }), 201);
    expect(p.version).toBe(2);
    expect(p.captures[0]).toMatchObject({ amount: 3000, merchant_reference: 'CAP#1', status: 'SUCCESS', triggered_by: 'MERCHANT' });
    expect(p.captures[0]!.partner_transactions).toMatchObject([{ amount: 3000, partner: 'dalenys', status: 'SUCCESS' }]);
    expect(p.overview).toEqual({ consumed: 'PARTIALLY', captured: 'PARTIALLY', voided: 'NOT', refunded: 'NOT' });
    p = await ok<Payment>(api.operation(id, 'voids', { amount: 1000 }), 201);
    expect(p.amounts).toMatchObject({ total_voided: 1000, available_to_capture: 8000, available_to_void: 8000 });
    p = await ok<Payment>(api.operation(id, 'refunds', { amount: 500 }), 201);
    expect(p.amounts).toMatchObject({ total_refunded: 500, available_to_refund: 2500 });
    expect(p.overview).toEqual({ consumed: 'PARTIALLY', captured: 'PARTIALLY', voided: 'PARTIALLY', refunded: 'PARTIALLY' });
    p = await ok<Payment>(api.operation(id, 'captures', { amount: 8000 }), 201);
    expect(p.overview).toEqual({ consumed: 'TOTALLY', captured: 'PARTIALLY', voided: 'PARTIALLY', refunded: 'PARTIALLY' });
    p = await ok<Payment>(api.operation(id, 'refunds', { amount: 10500 }), 201);
    expect(p.amounts).toEqual({
      authorize_pending: 0,
      total_authorized: 12000,
      total_captured: 11000,
      available_to_capture: 0,
      total_voided: 1000,
      available_to_void: 0,
      total_refunded: 11000,
      available_to_refund: 0,
    });
    expect(p.overview.refunded).toBe('TOTALLY');
    expect((await api.getPayment(id)).version).toBe(6);
  });

  it('answers 400 beyond what is available, and 400 for a payment that is not authorized', async () => {
    const { api } = setupPurse();
    const { id } = await api.paid();
    const tooMuch = await api.operation(id, 'captures', { amount: 12001 });
    expect(tooMuch.status).toBe(400);
    expect(await problemOf(tooMuch)).toMatchObject({ code: 'amount_exceeds_available', errors: [{ pointer: '/amount' }] });
    expect((await api.operation(id, 'refunds', { amount: 1 })).status).toBe(400);
    expect((await api.operation(id, 'captures', { amount: 12000 })).status).toBe(201);
    expect((await problemOf(await api.operation(id, 'voids', { amount: 1 }))).code).toBe('amount_exceeds_available');
    expect((await api.operation(id, 'refunds', { amount: 12001 })).status).toBe(400);

    const refused = await api.paid({}, '4000 0000 0000 0002');
    const response = await api.operation(refused.id, 'captures', { amount: 100 });
    expect(await problemOf(response)).toMatchObject({ status: 400, code: 'payment_not_authorized' });
  });

  it('validates operation bodies and answers 404 for an unknown payment', async () => {
    const { api } = setupPurse();
    const { id } = await api.paid();
    for (const body of [{}, { amount: 0 }, { amount: 1.5 }, { amount: 10, extra: true }, { amount: 10, merchant_reference: '' }]) {
      const response = await api.operation(id, 'captures', body);
      expect(response.status).toBe(400);
      expect((await problemOf(response)).code).toBe('validation_error');
    }
    expect((await api.operation('3fa85f64-5717-4562-b3fc-2c963f66afa6', 'voids', { amount: 1 })).status).toBe(404);
  });

  it('replays the same Idempotency-Key and body without a second operation; another body is a 409', async () => {
    const { api } = setupPurse();
    const { id } = await api.paid();
    const first = await api.operation(id, 'captures', { amount: 1000, merchant_reference: 'A' }, 'key-1');
    const again = await api.operation(id, 'captures', { merchant_reference: 'A', amount: 1000 }, 'key-1');
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await api.getPayment(id)).captures).toHaveLength(1);
    const conflict = await api.operation(id, 'captures', { amount: 2000 }, 'key-1');
    expect(await problemOf(conflict)).toMatchObject({ status: 409, code: 'idempotency_conflict' });
    const otherKind = await api.operation(id, 'refunds', { amount: 1000, merchant_reference: 'A' }, 'key-1');
    expect(otherKind.status).toBe(409);
    // Concurrent duplicates also run once.
    const [a, b] = await Promise.all([
      api.operation(id, 'captures', { amount: 500 }, 'key-2'),
      api.operation(id, 'captures', { amount: 500 }, 'key-2'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await api.getPayment(id)).captures).toHaveLength(2);
  });

  it('forgets a key whose request was refused, so it can be corrected', async () => {
    const { api } = setupPurse();
    const { id } = await api.paid();
    expect((await api.operation(id, 'captures', { amount: 99999 }, 'key-3')).status).toBe(400);
    expect((await api.operation(id, 'captures', { amount: 999 }, 'key-3')).status).toBe(201);
  });
});

describe('pending authorizations', () => {
  it('settle to AUTHORIZED after pendingSettleMs by the clock, checked on read', async () => {
    const { api, clock } = setupPurse({ pendingSettleMs: 5000 });
    const pending = await api.paid({}, '4000 0000 0000 0077');
    expect(pending.authorization.status).toBe('PENDING');
    expect(pending.amounts).toMatchObject({ authorize_pending: 12000, total_authorized: 0 });
    expect((await api.operation(pending.id, 'captures', { amount: 1 })).status).toBe(400);
    clock.advance(4999);
    expect((await api.getPayment(pending.id)).authorization.status).toBe('PENDING');
    clock.advance(1);
    const settled = await api.getPayment(pending.id);
    expect(settled).toMatchObject({ version: 2, authorization: { status: 'AUTHORIZED' } });
    expect(settled.amounts).toMatchObject({ authorize_pending: 0, total_authorized: 12000, available_to_capture: 12000 });
  });

  it('settle on demand through control.settlePayment and POST /__mock/payments/{id}/settle', async () => {
    const { api, purse, call } = setupPurse();
    const first = await api.paid({}, '4000 0000 0000 0077');
    expect(purse.control.settlePayment(first.id, 'REFUSED').authorization.status).toBe('REFUSED');
    expect(() => purse.control.settlePayment(first.id, 'AUTHORIZED')).toThrow(/not PENDING/);
    expect(() => purse.control.settlePayment('nope', 'AUTHORIZED')).toThrow(/no payment/);
    const second = await api.paid({ capture_mode: 'AUTOMATIC' }, '4000 0000 0000 0077');
    const response = await call('POST', `/__mock/payments/${second.id}/settle`, { status: 'AUTHORIZED' }, {}, false);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ authorization: { status: 'AUTHORIZED' }, amounts: { total_captured: 12000 } });
    expect((await call('POST', `/__mock/payments/${second.id}/settle`, { status: 'AUTHORIZED' }, {}, false)).status).toBe(409);
    expect((await call('POST', `/__mock/payments/${second.id}/settle`, { status: 'MAYBE' }, {}, false)).status).toBe(400);
  });
});

describe('POST /payment/v2/payments', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    entity_id: MOCK_CREDENTIALS.entityId,
    amount: 4299,
    currency: 'EUR',
    order: { reference: 'srv-1' },
    ...overrides,
  });

  it('creates an authorized payment over its split, reusing a parent payment', async () => {
    const { api, call, ok } = setupPurse();
    const parent = await api.paid({ allow_future_usage: true });
    const split = [
      { amount: 3299, parent_payment_id: parent.id },
      { amount: 1000, method: 'giftcard', partner: 'illicado' },
    ];
    const payment = await ok<Payment>(call('POST', '/payment/v2/payments', body({ split })), 201);
    expect(payment.authorization.status).toBe('AUTHORIZED');
    expect(payment.authorization.partner_transactions).toMatchObject([
      { partner: 'dalenys', method: 'creditcard', amount: 3299, card: { last_four_digits: '1111' } },
      { partner: 'illicado', method: 'giftcard', amount: 1000 },
    ]);
    expect(payment.split![0]).toMatchObject({ parent_payment_id: parent.id, partner: 'dalenys', method: 'creditcard' });
    // A capture draws on the partner transactions in split order.
    const captured = await ok<Payment>(api.operation(payment.id, 'captures', { amount: 4000 }), 201);
    expect(captured.captures[0]!.partner_transactions.map((t) => [t.partner, t.amount])).toEqual([['dalenys', 3299], ['illicado', 701]]);
  });

  it('validates the split and the rest of the body', async () => {
    const { call } = setupPurse();
    const problem = async (overrides: Record<string, unknown>) => pointersOf(await problemOf(await call('POST', '/payment/v2/payments', body(overrides))));
    expect(await problem({ split: [{ amount: 4000, method: 'giftcard', partner: 'illicado' }] })).toEqual(['/split']);
    expect(await problem({ split: [{ amount: 4299 }] })).toEqual(['/split/0/method', '/split/0/partner']);
    expect(await problem({ split: [{ amount: 4299, parent_payment_id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }] })).toEqual([
      '/split/0/parent_payment_id',
    ]);
    expect(await problem({ currency: 'AUD', order: undefined })).toEqual(['/currency', '/order']);
  });

  it('replays a creation sent twice with the same Idempotency-Key', async () => {
    const { call, purse } = setupPurse();
    const first = await call('POST', '/payment/v2/payments', body(), { 'idempotency-key': 'create-1' });
    const second = await call('POST', '/payment/v2/payments', body(), { 'idempotency-key': 'create-1' });
    expect(((await second.json()) as Payment).id).toBe(((await first.json()) as Payment).id);
    expect(purse.control.payments()).toHaveLength(1);
  });
});
