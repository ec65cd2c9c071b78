import { describe, expect, it } from 'vitest';
import type { PaymentLink } from '../../core/wire/payment.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { ORIGIN, pointersOf, problemOf, setupPurse, START } from './test-support.ts';

const linkBody = (overrides: Record<string, unknown> = {}) => ({
  entity_id: MOCK_CREDENTIALS.entityId,
  amount: 12000,
  currency: 'EUR',
  expires_at: new Date(START + 24 * 3600_000).toISOString(),
  shopper_redirection_url: 'https://shop.test/return?order=o-9',
  order: { reference: 'o-9' },
  ...overrides,
});

function setupLinks(options: Parameters<typeof setupPurse>[0] = {}) {
  const mock = setupPurse(options);
  const { call, ok, purse } = mock;
  const page = (id: string) => purse.fetch(new Request(`${ORIGIN}/payment-link/${id}`));
  /** Opens the link page and submits its form with a card; returns the POST response. */
  async function payLink(id: string, card: string) {
    const html = await (await page(id)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the link page: ${html}`);
    const body = new URLSearchParams({ card_number: card, expiry: '12/30', cvc: '123' });
    return purse.fetch(new Request(`${ORIGIN}${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
  }
  return {
    ...mock,
    page,
    payLink,
    create: (overrides?: Record<string, unknown>) => ok<PaymentLink>(call('POST', '/payment/v2/payment-links', linkBody(overrides)), 201),
    cancel: (id: string) => call('POST', `/payment/v2/payment-links/${id}/cancel`),
  };
}

describe('payment links', () => {
  it('creates a CREATED link shaped like the sample, with absolute self, customer_url and cancel links', async () => {
    const { create, api } = setupLinks();
    const link = await create({ customer: { reference: 'CUST-1' } });
    expect(link).toEqual({
      id: link.id,
      version: 1,
      entity_id: MOCK_CREDENTIALS.entityId,
      status: 'CREATED',
      amount: 12000,
      currency: 'EUR',
      shopper_redirection_url: 'https://shop.test/return?order=o-9',
      capture_mode: 'MANUAL',
      expires_at: new Date(START + 24 * 3600_000).toISOString(),
      links: {
        self: { href: `${ORIGIN}/payment/v2/payment-links/${link.id}`, method: 'GET' },
        customer_url: { href: `${ORIGIN}/payment-link/${link.id}`, method: 'GET' },
        cancel: { href: `${ORIGIN}/payment/v2/payment-links/${link.id}/cancel`, method: 'POST' },
      },
      customer: { reference: 'CUST-1' },
      order: { reference: 'o-9' },
      allow_future_usage: false,
      payments: [],
      payment_attempts: [],
      client_sessions: [],
    });
    expect(await api.getLink(link.id)).toEqual(link);
  });

  it('validates like a session plus a future expires_at', async () => {
    const { call } = setupLinks();
    const problem = async (overrides: Record<string, unknown>) =>
      pointersOf(await problemOf(await call('POST', '/payment/v2/payment-links', linkBody(overrides))));
    expect(await problem({ expires_at: undefined })).toEqual(['/expires_at']);
    expect(await problem({ expires_at: 'tomorrow' })).toEqual(['/expires_at']);
    expect(await problem({ expires_at: new Date(START - 1).toISOString() })).toEqual(['/expires_at']);
    expect(await problem({ integration_mode: 'EMBEDDED', currency: 'SEK' })).toEqual(['/currency', '/integration_mode']);
  });

  it('goes CREATED → OPENED after a refused attempt → PAID once authorized, then cannot be cancelled', async () => {
    const { create, payLink, api, cancel, page } = setupLinks();
    const link = await create();
    const refused = await payLink(link.id, '4000 0000 0000 0002');
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/^https:\/\/shop\.test\/return\?order=o-9&purse-redirection-data=/);
    let now = await api.getLink(link.id);
    expect(now).toMatchObject({ status: 'OPENED', version: 2 });
    expect(now.payments).toEqual([{ id: expect.any(String), authorization_status: 'REFUSED' }]);
    expect(now.client_sessions).toEqual([{ id: expect.any(String), status: 'SUBMITTED' }]);

    expect((await payLink(link.id, '4111 1111 1111 1111')).status).toBe(303);
    now = await api.getLink(link.id);
    expect(now).toMatchObject({ status: 'PAID', version: 3 });
    expect(now.payments.map((p) => p.authorization_status)).toEqual(['REFUSED', 'AUTHORIZED']);
    expect(now.client_sessions).toHaveLength(2);
    expect(now.payment_attempts).toEqual(now.payments);
    // The samples keep the cancel link on a PAID link; using it is refused below.
    expect(now.links.cancel).toEqual({ href: `${ORIGIN}/payment/v2/payment-links/${link.id}/cancel`, method: 'POST' });
    const payment = await api.getPayment(now.payments[1]!.id);
    expect(payment.payment_link_id).toBe(link.id);
    expect(await (await page(link.id)).text()).toContain('already been paid');
    expect(await problemOf(await cancel(link.id))).toMatchObject({ status: 400, code: 'payment_link_not_cancellable' });
  });

  it('reuses the open session when the page is opened again; a pending payment shows as in progress, then PAID', async () => {
    const { create, page, api, payLink, clock } = setupLinks({ pendingSettleMs: 1000 });
    const link = await create();
    await page(link.id);
    await page(link.id);
    expect((await api.getLink(link.id)).client_sessions).toHaveLength(1);
    await payLink(link.id, '4000 0000 0000 0077');
    expect((await api.getLink(link.id)).status).toBe('OPENED');
    expect(await (await page(link.id)).text()).toContain('being processed');
    clock.advance(1000);
    expect((await api.getLink(link.id)).status).toBe('PAID');
  });

  it('cancels: CANCELLED, its open sessions aborted, its page closed', async () => {
    const { create, page, cancel, api } = setupLinks();
    const link = await create();
    await page(link.id);
    const response = await cancel(link.id);
    expect(response.status).toBe(200);
    const cancelled = (await response.json()) as PaymentLink;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2, client_sessions: [{ status: 'ABORTED_BY_MERCHANT' }] });
    expect(cancelled.links.cancel).toBeDefined();
    expect(await api.getLink(link.id)).toEqual(cancelled);
    const closed = await page(link.id);
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('cancelled');
    expect((await cancel(link.id)).status).toBe(400);
  });

  it('reads as EXPIRED past expires_at (by the clock or control.expirePaymentLink); unknown ids are 404', async () => {
    const { create, api, page, purse, call, clock } = setupLinks();
    const link = await create({ expires_at: new Date(START + 60_000).toISOString() });
    clock.advance(60_000);
    expect((await api.getLink(link.id)).status).toBe('EXPIRED');
    expect((await page(link.id)).status).toBe(410);
    const other = await create({ expires_at: new Date(START + 3600_000).toISOString() });
    expect(purse.control.expirePaymentLink(other.id).status).toBe('EXPIRED');
    expect((await call('POST', `/__mock/payment-links/${other.id}/expire`, undefined, {}, false)).status).toBe(200);
    expect(purse.control.paymentLinks().map((l) => l.status)).toEqual(['EXPIRED', 'EXPIRED']);
    expect((await call('GET', '/payment/v2/payment-links/3fa85f64-5717-4562-b3fc-2c963f66afa6')).status).toBe(404);
    expect((await page('nope')).status).toBe(404);
  });
});
