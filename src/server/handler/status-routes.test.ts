// @vitest-environment node
// getPayment and getPaymentLink through the handler: who may see which payment, and what they see.
import { describe, expect, it } from 'vitest';
import type { ShopperPayment } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { CARDS, checkoutShop, purseWorld } from '../test-support.ts';

const read = async (response: Response) => ({ status: response.status, body: await response.json() });

describe('createMerchantHandler: getPayment', () => {
  it('shows the payment of the customer’s own session, stripped of partner internals', async () => {
    const s = checkoutShop();
    const { paymentId, session } = await s.checkout('cust_1');
    const { status, body } = await read(await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_1' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: paymentId,
      client_session_id: session.id,
      amount: 4299,
      currency: 'EUR',
      authorization_status: 'AUTHORIZED',
      card: { brand: 'VISA', last_four: '1111' },
      split: [{ method: 'creditcard', partner: expect.any(String), amount: 4299 }],
    });
    const raw = s.purse.control.payments().find((p) => p.id === paymentId)!;
    const card = raw.authorization.partner_transactions[0]!.card!;
    const text = JSON.stringify(body);
    for (const hidden of [card.bin, raw.authorization.partner_transactions[0]!.id, 'partner_transactions', 'cust_1@example.com', 'order-cust_1']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('answers 404 to another customer and to a guest, as for a payment that does not exist', async () => {
    const s = checkoutShop();
    const { paymentId } = await s.checkout('cust_owner');
    const other = await read(await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_other' }));
    const guest = await read(await s.send('GET', `${routes.payment}${paymentId}`));
    const none = await read(await s.send('GET', `${routes.payment}${crypto.randomUUID()}`, { customer: 'cust_owner' }));
    for (const answer of [other, guest, none]) expect(answer).toMatchObject({ status: 404, body: { code: 'payment_not_found' } });
  });

  it('refuses a session it has no record of, even with a valid token: a missing record never lets anyone in', async () => {
    const world = purseWorld();
    const s = checkoutShop({}, world);
    // A session the handler did not create (the back office made it), or whose ownership record is gone.
    const outside = await world.client.createClientSession({
      amount: 1500,
      currency: 'EUR',
      shopper_redirection_url: 'https://shop.test/checkout/return',
      order: { reference: 'phone-order' },
    });
    const { paymentId, token } = await s.pay(outside);
    expect((await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_7' })).status).toBe(404);
    expect(await read(await s.post(routes.verifyRedirect, { token }, { customer: 'cust_7' }))).toMatchObject({
      status: 404,
      body: { code: 'session_not_found' },
    });
    expect((await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_7' })).status).toBe(404);
  });

  it('shows a payment named by the customer’s verified redirect, only to that customer', async () => {
    const s = checkoutShop();
    const { paymentId, token } = await s.checkout('cust_7');
    expect((await s.post(routes.verifyRedirect, { token }, { customer: 'cust_7' })).status).toBe(200);
    expect(await read(await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_7' }))).toMatchObject({
      status: 200,
      body: { id: paymentId, amount: 4299 },
    });
    expect((await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_8' })).status).toBe(404);
  });

  it('follows the payment as it changes: pending, settled, captured then refunded by the back office', async () => {
    const s = checkoutShop();
    const { paymentId } = await s.checkout('cust_1', CARDS.pending);
    const status = async () => (await (await s.send('GET', `${routes.payment}${paymentId}`, { customer: 'cust_1' })).json()) as ShopperPayment;
    expect((await status()).authorization_status).toBe('PENDING');
    s.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    expect((await status()).authorization_status).toBe('AUTHORIZED');
    await s.client.capturePayment(paymentId, { amount: 4299, merchant_reference: 'CAP-1' });
    await s.client.refundPayment(paymentId, { amount: 1000, merchant_reference: 'REF-1' });
    const after = await status();
    expect(after.amounts).toMatchObject({ total_captured: 4299, total_refunded: 1000 });
    expect(after.overview).toMatchObject({ captured: 'TOTALLY', refunded: 'PARTIALLY' });
  });
});

describe('createMerchantHandler: getPaymentLink', () => {
  it('shows the link’s status, amount and attempts; EXPIRED past its expiry; CANCELLED once cancelled', async () => {
    const world = purseWorld();
    const s = checkoutShop({}, world);
    const create = () =>
      world.client.createPaymentLink({
        amount: 9900,
        currency: 'JPY',
        shopper_redirection_url: 'https://shop.test/checkout/return',
        order: { reference: 'invoice-1' },
        customer: { reference: 'cust_1', email: 'private@example.com' },
        expires_at: new Date(world.now() + 3_600_000).toISOString(),
      });
    const link = await create();
    const view = await read(await s.send('GET', `${routes.paymentLink}${link.id}`));
    expect(view).toEqual({
      status: 200,
      body: { id: link.id, status: 'CREATED', amount: 9900, currency: 'JPY', expires_at: link.expires_at, payments: [] },
    });
    world.advance(3_600_001);
    expect((await read(await s.send('GET', `${routes.paymentLink}${link.id}`))).body.status).toBe('EXPIRED');

    const other = await create();
    await world.client.cancelPaymentLink(other.id);
    expect((await read(await s.send('GET', `${routes.paymentLink}${other.id}`))).body.status).toBe('CANCELLED');
    expect((await s.send('GET', `${routes.paymentLink}${crypto.randomUUID()}`)).status).toBe(404);
  });
});
