// @vitest-environment node
// The Payment API v2 half of the Purse client against the in-process mock: requests sent, answers typed, errors clear.
import { describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../mock-server/index.ts';
import { createPurseClient } from './client.ts';
import { purseApiFailure, purseWorld } from '../test-support.ts';

const ORDER = { reference: 'bo-1' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A world whose client records every request it sends (a clone, so bodies can be read). */
function recordingWorld() {
  const world = purseWorld();
  const sent: Request[] = [];
  const client = createPurseClient({
    ...world.options,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return world.purse.fetch(request);
    },
  });
  const last = (path: string) => sent.filter((r) => new URL(r.url).pathname === path).at(-1)!;
  return { ...world, client, sent, last };
}

/** An authorized 100.00 EUR payment (server to server: the mock authorizes it with its test card). */
const authorized = (w: ReturnType<typeof purseWorld>, amount = 10000) =>
  w.client.createPayment({ amount, currency: 'EUR', order: ORDER });

describe('Payment API: client sessions', () => {
  it('creates a session with the client’s entity id, reads it back and aborts it', async () => {
    const w = recordingWorld();
    const created = await w.client.createClientSession({
      amount: 4299,
      currency: 'EUR',
      shopper_redirection_url: 'https://shop.test/return',
      order: ORDER,
    });
    expect(await w.last('/payment/v2/client-sessions').json()).toMatchObject({ entity_id: MOCK_CREDENTIALS.entityId, amount: 4299 });
    expect(created).toMatchObject({ status: 'CREATED', amount: 4299, widget: { data: expect.any(String) } });
    expect(await w.client.getClientSession(created.id)).toEqual(created);
    const aborted = await w.client.abortClientSession(created.id, 'ABORTED_BY_CUSTOMER');
    expect(aborted.status).toBe('ABORTED_BY_CUSTOMER');
    expect(await w.last(`/payment/v2/client-sessions/${created.id}/abort`).json()).toEqual({ status: 'ABORTED_BY_CUSTOMER' });
  });

  it('passes Purse’s validation problem on, and a missing entity id is a programmer mistake', async () => {
    const w = purseWorld();
    const error = await purseApiFailure(w.client.createClientSession({ amount: 0, currency: 'EUR', shopper_redirection_url: 'https://x.test/', order: ORDER }));
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.problem?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/amount' })]));
    const noEntity = createPurseClient({ ...w.options, entityId: undefined });
    expect(() => noEntity.getEligibleSolutions({ amount: 1, currency: 'EUR', order: ORDER })).toThrow(/PURSE_ENTITY_ID/);
  });
});

describe('Payment API: payments and operations', () => {
  it('gets a payment, sending Cache-Control only when asked', async () => {
    const w = recordingWorld();
    const payment = await authorized(w);
    await w.client.getPayment(payment.id);
    expect(w.last(`/payment/v2/payments/${payment.id}`).headers.get('cache-control')).toBeNull();
    const again = await w.client.getPayment(payment.id, { cacheControl: 'max-age=0' });
    expect(w.last(`/payment/v2/payments/${payment.id}`).headers.get('cache-control')).toBe('max-age=0');
    expect(again).toMatchObject({ id: payment.id, authorization: { status: 'AUTHORIZED' }, amounts: { total_authorized: 10000 } });
  });

  it('captures, refunds and voids with merchant_reference and a generated Idempotency-Key each', async () => {
    const w = recordingWorld();
    const payment = await authorized(w);
    const captured = await w.client.capturePayment(payment.id, { amount: 6000, merchant_reference: 'CAP#1' });
    expect(captured.amounts).toMatchObject({ total_captured: 6000, available_to_capture: 4000 });
    expect(captured.captures[0]).toMatchObject({ amount: 6000, merchant_reference: 'CAP#1' });
    const refunded = await w.client.refundPayment(payment.id, { amount: 1000, merchant_reference: 'REF#1' });
    expect(refunded.amounts.total_refunded).toBe(1000);
    const voided = await w.client.voidPayment(payment.id, { amount: 4000, merchant_reference: 'VOID#1' });
    expect(voided.amounts.total_voided).toBe(4000);
    const keys = ['captures', 'refunds', 'voids'].map((kind) => w.last(`/payment/v2/payments/${payment.id}/${kind}`).headers.get('idempotency-key'));
    for (const key of keys) expect(key).toMatch(UUID);
    expect(new Set(keys).size).toBe(3);
    expect(await w.last(`/payment/v2/payments/${payment.id}/voids`).json()).toEqual({ amount: 4000, merchant_reference: 'VOID#1' });
  });

  it('performs an operation once for a repeated key, and surfaces a key reused with another body as a conflict', async () => {
    const w = recordingWorld();
    const payment = await authorized(w);
    const request = { amount: 2500, merchant_reference: 'CAP#7' };
    const first = await w.client.capturePayment(payment.id, request, { idempotencyKey: 'cap-7' });
    const retry = await w.client.capturePayment(payment.id, request, { idempotencyKey: 'cap-7' });
    expect(retry.captures).toHaveLength(1);
    expect(retry.amounts.total_captured).toBe(first.amounts.total_captured);
    expect(w.last(`/payment/v2/payments/${payment.id}/captures`).headers.get('idempotency-key')).toBe('cap-7');

    const conflict = await purseApiFailure(w.client.capturePayment(payment.id, { amount: 9999 }, { idempotencyKey: 'cap-7' }));
    expect(conflict).toMatchObject({ kind: 'conflict', status: 409, idempotencyKey: 'cap-7' });
    expect(conflict.message).toMatch(/Idempotency-Key "cap-7" was already used/);
    expect((await w.client.getPayment(payment.id)).captures).toHaveLength(1);
  });

  it('carries the generated key on any failure, so the caller can retry the same operation', async () => {
    const w = purseWorld();
    const payment = await authorized(w, 1000);
    w.purse.control.setFault({ path: `/payment/v2/payments/${payment.id}/captures`, status: 503, times: 1 });
    const error = await purseApiFailure(w.client.capturePayment(payment.id, { amount: 1000 }));
    expect(error).toMatchObject({ kind: 'http', status: 503, idempotencyKey: expect.stringMatching(UUID) });
    await w.client.capturePayment(payment.id, { amount: 1000 }, { idempotencyKey: error.idempotencyKey! });
    const tooMuch = await purseApiFailure(w.client.refundPayment(payment.id, { amount: 5000 }));
    expect(tooMuch).toMatchObject({ kind: 'http', status: 400 });
  });

  it('refuses an invalid idempotency key as a programmer mistake', async () => {
    const w = purseWorld();
    await expect(w.client.voidPayment('p-1', { amount: 1 }, { idempotencyKey: 'has spaces' })).rejects.toThrow(/visible ASCII/);
    expect(w.purse.control.requests()).toEqual([]);
  });
});

describe('Payment API: payment links, eligible solutions, signing keys', () => {
  it('creates, reads and cancels a payment link', async () => {
    const w = purseWorld();
    const link = await w.client.createPaymentLink({
      amount: 5000,
      currency: 'EUR',
      shopper_redirection_url: 'https://shop.test/return',
      order: ORDER,
      expires_at: new Date(w.now() + 3_600_000).toISOString(),
    });
    expect(link).toMatchObject({ status: 'CREATED', amount: 5000, links: { customer_url: { href: expect.any(String) } } });
    expect((await w.client.getPaymentLink(link.id)).id).toBe(link.id);
    expect((await w.client.cancelPaymentLink(link.id)).status).toBe('CANCELLED');
    expect((await purseApiFailure(w.client.getPaymentLink('3fa85f64-5717-4562-b3fc-2c963f66afa6'))).status).toBe(404);
  });

  it('lists eligible solutions and the signing keys', async () => {
    const w = purseWorld();
    const eligible = await w.client.getEligibleSolutions({ amount: 4299, currency: 'EUR', order: ORDER });
    expect(eligible).toMatchObject({ amount: 4299, currency: 'EUR' });
    expect(eligible.eligible_solutions).toContainEqual({ partner: expect.any(String), method: 'creditcard' });
    const jwks = await w.client.getSigningJwks();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: expect.anything() });
  });

  it('asks for the signing keys with the API key alone, as the reference says (no bearer token, no token request)', async () => {
    const w = recordingWorld();
    const jwks = await w.client.getSigningJwks();
    expect(typeof jwks.keys[0]!.kid).toBe('number');
    const sent = w.last('/payment/v2/signing-jwks');
    expect(sent.headers.get('x-api-key')).toBe(MOCK_CREDENTIALS.apiKey);
    expect(sent.headers.get('authorization')).toBeNull();
    expect(w.purse.control.tokenRequests()).toBe(0);
  });

  it('without an API key, the signing keys fail with a clear auth error and nothing is sent; a wrong key is refused', async () => {
    const w = recordingWorld();
    const noKey = createPurseClient({ ...w.options, apiKey: undefined, fetch: (input, init) => w.purse.fetch(new Request(input, init)) });
    const missing = await purseApiFailure(noKey.getSigningJwks());
    expect(missing).toMatchObject({ kind: 'auth', status: 0, message: expect.stringMatching(/PURSE_API_KEY/) });
    expect(w.purse.control.requests().filter((r) => r.path.endsWith('/signing-jwks'))).toEqual([]);
    const wrong = createPurseClient({ ...w.options, apiKey: 'not-the-key' });
    expect(await purseApiFailure(wrong.getSigningJwks())).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('sends a server-to-server payment with the token and the API key; it gets a client session of its own', async () => {
    const w = recordingWorld();
    const payment = await authorized(w);
    const sent = w.last('/payment/v2/payments');
    expect(sent.headers.get('authorization')).toMatch(/^Bearer /);
    expect(sent.headers.get('x-api-key')).toBe(MOCK_CREDENTIALS.apiKey);
    expect(await w.client.getClientSession(payment.client_session_id!)).toMatchObject({ status: 'SUBMITTED', payment_id: payment.id });
  });

  it('types a 2xx answer that is not a Payment API object', async () => {
    const w = purseWorld();
    const payment = await authorized(w);
    w.purse.control.setFault({ path: `/payment/v2/payments/${payment.id}`, status: 200, body: { hello: 'world' }, times: 1 });
    expect((await purseApiFailure(w.client.getPayment(payment.id))).kind).toBe('invalid_response');
  });
});
