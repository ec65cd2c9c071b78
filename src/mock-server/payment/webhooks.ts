// Payment webhooks: the Get Payment object POSTed to `webhook.url` (with its headers) whenever the payment changes.
// Fire and forget: delivery failures are recorded, never thrown, and never delay the API response.
import type { Payment, Webhook } from '../../core/wire/payment.ts';
import type { MockWebhookDelivery, WebhookFetch } from '../types.ts';

const MAX_RECORDS = 1000;

export function createWebhookLog(getFetch: () => WebhookFetch | undefined) {
  let deliveries: MockWebhookDelivery[] = [];
  let pending = new Set<Promise<void>>();

  return {
    /** Sends the payment as it is now (a snapshot, so later changes do not leak into this delivery). */
    notify(webhook: Webhook | undefined, payment: Payment): void {
      if (!webhook) return;
      const record: MockWebhookDelivery = { url: webhook.url, payment_id: payment.id, version: payment.version, status: 'pending' };
      deliveries.push(record);
      if (deliveries.length > MAX_RECORDS) deliveries.splice(0, deliveries.length - MAX_RECORDS);
      const headers = new Headers({ 'content-type': 'application/json' });
      for (const header of webhook.headers ?? []) headers.set(header.name, header.values.map(String).join(', '));
      const body = JSON.stringify(payment);
      const delivery = (async () => {
        try {
          const send = getFetch() ?? globalThis.fetch;
          const response = await send(webhook.url, { method: 'POST', headers, body });
          record.http_status = response.status;
          record.status = response.ok ? 'delivered' : 'failed';
          await response.body?.cancel().catch(() => undefined);
        } catch (error) {
          record.status = 'failed';
          record.error = error instanceof Error ? error.message : String(error);
        }
      })();
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    list: () => deliveries.map((d) => ({ ...d })),
    /** Resolves once every delivery started so far has finished (tests). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.all([...pending]);
    },
    reset() {
      deliveries = [];
      pending = new Set();
    },
  };
}

export type WebhookLog = ReturnType<typeof createWebhookLog>;
