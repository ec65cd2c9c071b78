// @vitest-environment node
// Webhooks as the mock really sends them (the Get Payment object POSTed to webhook.url), parsed and re-checked.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../core/wire/payment.ts';
import { isPurseApiError } from './error.ts';
import { CARDS, checkoutShop, purseWorld } from '../test-support.ts';
import { isPaymentWebhookError, parsePaymentWebhook, PaymentWebhookError, verifyPaymentWebhook } from './webhook.ts';

const HOOK_URL = 'https://shop.test/hooks/purse';

/** A shop whose orders ask for webhooks; the mock's deliveries land in `received` as real Requests. */
function hookedShop() {
  const received: Request[] = [];
  const world = purseWorld({}, {
    webhookFetch: async (url, init) => {
      received.push(new Request(url, init));
      return new Response(null, { status: 204 });
    },
  });
  const s = checkoutShop({
    resolveOrder: () => ({ amount: 4299, currency: 'EUR', order: { reference: 'o-hook' }, webhook: { url: HOOK_URL } }),
  }, world);
  return { ...s, received };
}

async function webhookError(promise: Promise<unknown>): Promise<PaymentWebhookError> {
  try {
    await promise;
  } catch (error) {
    if (isPaymentWebhookError(error)) return error;
    throw error;
  }
  throw new Error('expected the webhook to be refused');
}

describe('parsePaymentWebhook', () => {
  it('parses the Get Payment object of a real delivery, from a Request, its text or its JSON', async () => {
    const s = hookedShop();
    const { paymentId } = await s.checkout('cust_1');
    await s.client.capturePayment(paymentId, { amount: 4299 });
    await s.purse.control.webhooksSettled();
    const last = s.received.at(-1)!;
    expect(last.url).toBe(HOOK_URL);
    const text = await last.clone().text();
    const parsed = await parsePaymentWebhook(last);
    expect(parsed).toMatchObject({ id: paymentId, amounts: { total_captured: 4299 }, overview: { captured: 'TOTALLY' } });
    expect(await parsePaymentWebhook(text)).toEqual(parsed);
    expect(await parsePaymentWebhook(JSON.parse(text))).toEqual(parsed);
  });

  it('refuses a body that is not a payment, naming what is wrong', async () => {
    expect((await webhookError(parsePaymentWebhook('{"id":'))).message).toMatch(/not JSON/);
    expect((await webhookError(parsePaymentWebhook([1, 2]))).message).toMatch(/JSON object/);
    const partial = await webhookError(parsePaymentWebhook({ id: 'p-1', version: 2, amount: '42', currency: 'EUR', amounts: {}, captures: {} }));
    expect(partial.code).toBe('invalid_webhook');
    expect(partial.errors.map((e) => e.pointer)).toEqual(
      expect.arrayContaining(['/amount', '/authorization/status', '/amounts/total_captured', '/overview', '/captures']),
    );
    const get = new Request(HOOK_URL, { method: 'GET' });
    expect((await webhookError(parsePaymentWebhook(get))).message).toMatch(/POST/);
    const huge = new Request(HOOK_URL, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect((await webhookError(parsePaymentWebhook(huge))).message).toMatch(/too large/);
  });

  it('says the body was already read when a body parser ran first (a wiring mistake: thrown, not a refused body)', async () => {
    const s = hookedShop();
    await s.checkout('cust_1');
    await s.purse.control.webhooksSettled();
    const read = s.received.at(-1)!;
    await read.clone().json();
    await read.json(); // the merchant's route read it first (request.json(), express.json())
    // Not a PaymentWebhookError (answered 400, which would drop the delivery): the merchant's code to fix.
    const wiring = /already read.*pass the parsed body/;
    await expect(parsePaymentWebhook(read)).rejects.toThrow(wiring);
    await expect(parsePaymentWebhook(read)).rejects.not.toBeInstanceOf(PaymentWebhookError);
    // A Node adapter handing over the stream a body parser drained: Content-Length promised bytes, none came.
    const drained = new Request(HOOK_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '512' },
      body: new ReadableStream({ start: (controller) => controller.close() }),
      duplex: 'half',
    } as RequestInit);
    await expect(parsePaymentWebhook(drained)).rejects.toThrow(wiring);
  });
});

describe('verifyPaymentWebhook', () => {
  it('answers the payment as Purse has it, whatever the body claims', async () => {
    const s = hookedShop();
    const { paymentId } = await s.checkout('cust_1', CARDS.refused);
    await s.purse.control.webhooksSettled();
    const delivered = (await s.received.at(-1)!.clone().json()) as Payment;
    // A forged copy of a real delivery that claims the payment was authorized.
    const forged = { ...delivered, authorization: { ...delivered.authorization, status: 'AUTHORIZED' } };
    const { payment, notification } = await verifyPaymentWebhook(s.client, JSON.stringify(forged));
    expect(notification.authorization.status).toBe('AUTHORIZED');
    expect(payment.authorization.status).toBe('REFUSED');
    expect(s.calls(`/payment/v2/payments/${paymentId}`)).toHaveLength(1);
  });

  it('rejects a webhook about a payment Purse does not know', async () => {
    const s = hookedShop();
    const { paymentId } = await s.checkout('cust_1');
    const real = s.purse.control.payments().find((p) => p.id === paymentId)!;
    try {
      await verifyPaymentWebhook(s.client, { ...real, id: crypto.randomUUID() });
      throw new Error('expected a failure');
    } catch (error) {
      expect(isPurseApiError(error) && error.status).toBe(404);
    }
  });
});
