import { describe, expect, it } from 'vitest';
import { ORIGIN, setupPurse } from './test-support.ts';

describe('payment controls', () => {
  it('GET /__mock/state lists sessions, payments, payment links, webhooks and the drop-in generation', async () => {
    const { api, call, purse } = setupPurse({ webhookFetch: async () => new Response(null, { status: 200 }) });
    const payment = await api.paid({ webhook: { url: 'https://shop.test/hook' } });
    await purse.control.webhooksSettled();
    const state = (await (await call('GET', '/__mock/state', undefined, {}, false)).json()) as Record<string, unknown[]>;
    expect(state.sessions).toEqual(purse.control.sessions());
    expect(state.payments).toEqual([payment]);
    expect(state.paymentLinks).toEqual([]);
    expect(state.webhooks).toEqual([{ url: 'https://shop.test/hook', payment_id: payment.id, version: 1, status: 'delivered', http_status: 200 }]);
    expect(state.dropinGeneration).toBe('dropin-checkout');
    expect(state.users).toBeDefined();
  });

  it('reset() forgets sessions, payments and links; their widget data stops working', async () => {
    const { api, purse } = setupPurse();
    const session = await api.createSession();
    await api.paid();
    purse.control.reset();
    expect(purse.control.sessions()).toEqual([]);
    expect(purse.control.payments()).toEqual([]);
    expect((await api.pay(session)).status).toBe(401);
    expect((await api.createSession()).status).toBe('CREATED');
  });

  it('mounts no /__mock route without testMode, and refuses bad options', async () => {
    const { purse } = setupPurse({ testMode: false });
    for (const path of ['/__mock/config', '/__mock/signing-keys/rotate', '/__mock/payments/x/settle', '/__mock/sessions/x/expire']) {
      expect((await purse.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', body: '{}' }))).status).toBe(404);
    }
    expect(() => setupPurse({ dropinGeneration: 'v2' as never })).toThrow(/dropinGeneration/);
    expect(() => setupPurse({ sessionTtlMs: 0 })).toThrow(/sessionTtlMs/);
    expect(() => setupPurse({ pendingSettleMs: -1 })).toThrow(/pendingSettleMs/);
  });
});
