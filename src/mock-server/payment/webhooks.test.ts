import { describe, expect, it } from 'vitest';
import type { Payment } from '../../core/wire/payment.ts';
import { setupPurse } from './test-support.ts';

interface Received {
  url: string;
  headers: Headers;
  body: Payment;
}

function recorder(status = 204) {
  const received: Received[] = [];
  const webhookFetch = async (url: string, init: { headers: Headers; body: string }) => {
    received.push({ url, headers: init.headers, body: JSON.parse(init.body) as Payment });
    return new Response(null, { status });
  };
  return { received, webhookFetch };
}

const webhook = { url: 'https://shop.test/hook', headers: [{ name: 'x-order-id', values: ['o-1'] }] };

describe('webhooks', () => {
  it('POSTs the Get Payment object with the webhook headers on authorization, capture, refund and void', async () => {
    const { received, webhookFetch } = recorder();
    const { api, purse } = setupPurse({ webhookFetch });
    const payment = await api.paid({ webhook });
    await api.operation(payment.id, 'captures', { amount: 5000 });
    await api.operation(payment.id, 'refunds', { amount: 1000 });
    await api.operation(payment.id, 'voids', { amount: 7000 });
    await purse.control.webhooksSettled();
    expect(received.map((r) => [r.url, r.body.version])).toEqual([
      ['https://shop.test/hook', 1],
      ['https://shop.test/hook', 2],
      ['https://shop.test/hook', 3],
      ['https://shop.test/hook', 4],
    ]);
    expect(received[0]!.headers.get('x-order-id')).toBe('o-1');
    expect(received[0]!.headers.get('content-type')).toBe('application/json');
    expect(received[3]!.body).toEqual(await api.getPayment(payment.id));
    expect(received[1]!.body.amounts.total_captured).toBe(5000);
    expect(purse.control.webhooks()).toEqual(
      [1, 2, 3, 4].map((version) => ({ url: webhook.url, payment_id: payment.id, version, status: 'delivered', http_status: 204 })),
    );
  });

  it('notifies when a pending authorization settles, and not for payments without a webhook', async () => {
    const { received, webhookFetch } = recorder();
    const { api, purse, clock } = setupPurse({ webhookFetch, pendingSettleMs: 1000 });
    await api.paid();
    const pending = await api.paid({ webhook }, '4000 0000 0000 0077');
    clock.advance(1000);
    await api.getPayment(pending.id);
    await purse.control.webhooksSettled();
    expect(received.map((r) => r.body.authorization.status)).toEqual(['PENDING', 'AUTHORIZED']);
  });

  it('records failed deliveries without failing the API call', async () => {
    const { api, purse } = setupPurse({
      webhookFetch: () => Promise.reject(new TypeError('connection refused')),
    });
    const payment = await api.paid({ webhook });
    const second = setupPurse({ webhookFetch: recorder(500).webhookFetch });
    await second.api.paid({ webhook });
    await Promise.all([purse.control.webhooksSettled(), second.purse.control.webhooksSettled()]);
    expect(purse.control.webhooks()).toEqual([
      { url: webhook.url, payment_id: payment.id, version: 1, status: 'failed', error: 'connection refused' },
    ]);
    expect(second.purse.control.webhooks()[0]).toMatchObject({ status: 'failed', http_status: 500 });
    const state = (await (await second.call('GET', '/__mock/state', undefined, {}, false)).json()) as { webhooks: unknown[] };
    expect(state.webhooks).toHaveLength(1);
    second.purse.control.reset();
    expect(second.purse.control.webhooks()).toEqual([]);
  });
});
