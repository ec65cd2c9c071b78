// Replays every request sample of the Payment API v2 documents against the mock and fails on any documented response
// key it does not return (src/test/purse-docs/payment-v2.json, made by scripts/extract-doc-samples.ts). An answer must
// have every key path of the operation's response sample, with the sample's JSON type, and every top-level key the
// reference shows. Samples describe every optional field at once, so an operation may be replayed in several
// scenarios (a payment through a link has `payment_link_id`, one reusing an authorization has `split[].parent_*`)
// whose answers share the keys between them.
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientSession, Payment, PaymentLink, PaymentSplit } from '../../core/wire/payment.ts';
import { missingKeys, missingTopLevel } from '../../test/doc-keys.ts';
import samples from '../../test/purse-docs/payment-v2.json' with { type: 'json' };
import { createMockPurse } from '../create.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { basicAuth } from '../test-support.ts';
import { ORIGIN, signingJwks } from './test-support.ts';

type Operation = (typeof samples.operations)[number] & { request?: Record<string, unknown>; response?: unknown };
const operation = (id: string) => samples.operations.find((op) => op.id === id) as Operation;

// SUBSTITUTIONS, the only changes made to the samples:
// - entity_id: the samples name Purse's example entities; the mock knows one (MOCK_CREDENTIALS.entityId);
// - createPayment split[0].parent_payment_id: an example id, replaced by a payment authorized in the mock first;
// - createPayment amount: the request says 12000 for parts of 3299 + 1000; its own response says 4299, their sum.

/** Content the caller sent (echoed back) or free-form: the key is checked, not what is inside. */
const OPAQUE = ['order', 'customer', 'browser', 'webhook', 'additional_data', 'partner_additional_data'];
/** The capture sample gives `parent_partner_reference` as a number while every `partner_reference` is a string. */
const LOOSE_TYPES = ['split[].parent_partner_reference'];
/**
 * Paths of a sample that cannot be in that operation's answer. The create-payment response sample is the Get sample
 * (same ids and captures): a payment just created has no capture made by the merchant. Its `captures[]` keys are
 * checked on Get payment and the operations.
 */
const NOT_IN_ANSWER: Record<string, string[]> = { createPayment: ['captures[]'] };

const CARDS = { authorized: '4111 1111 1111 1111', refused: '4000 0000 0000 0002' };
/** Before the samples' 2024-08-25 link expiry, so that the link sample is accepted as it is. */
const START = Date.UTC(2024, 7, 20, 8, 0, 0);

const replayed = new Set<string>();

function setup() {
  const webhooks: string[] = [];
  // The samples' webhook URLs are example.org: record the deliveries, send nothing anywhere.
  const webhookFetch = async (url: string) => (webhooks.push(url), new Response(null, { status: 204 }));
  const purse = createMockPurse({ now: () => START, baseUrl: ORIGIN, testMode: true, webhookFetch });
  let token: string | undefined;
  const send = async (method: string, path: string, body?: unknown) => {
    token ??= ((await (await tokenRequest(purse)).json()) as { access_token: string }).access_token;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return purse.fetch(new Request(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }));
  };
  async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, body);
    if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const form = (path: string, fields: Record<string, string>) =>
    purse.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) }));
  const card = (number: string) => ({ card_number: number, expiry: '12/30', cvc: '123' });

  const withEntity = (id: string) => ({ ...structuredClone(operation(id).request!), entity_id: MOCK_CREDENTIALS.entityId });
  const session = () => ok<ClientSession>('POST', '/payment/v2/client-sessions', withEntity('createClientSession'));
  /** A session of the create sample, paid through the drop-in API as the scripts do. */
  async function paidSession(number = CARDS.authorized) {
    const created = await session();
    const paid = await purse.fetch(
      new Request(`${ORIGIN}/dropin/api/sessions/${created.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${created.widget!.data}`, 'content-type': 'application/json', 'user-agent': 'replay', accept: 'text/html' },
        body: JSON.stringify(card(number)),
      }),
    );
    expect(paid.status).toBe(201);
    return ok<ClientSession>('GET', `/payment/v2/client-sessions/${created.id}`);
  }
  const link = () => ok<PaymentLink>('POST', '/payment/v2/payment-links', withEntity('createPaymentLink'));
  /** A link of the create sample, paid on its hosted page. */
  async function paidLink() {
    const created = await link();
    await purse.fetch(new Request(`${ORIGIN}/payment-link/${created.id}`));
    const opened = await ok<PaymentLink>('GET', `/payment/v2/payment-links/${created.id}`);
    const pay = await form(`/entities/${MOCK_CREDENTIALS.entityId}/sessions/${opened.client_sessions[0]!.id}/pay`, card(CARDS.authorized));
    expect(pay.status).toBe(303);
    return ok<PaymentLink>('GET', `/payment/v2/payment-links/${created.id}`);
  }
  /** The create-payment sample, reusing a payment authorized in the mock (see SUBSTITUTIONS). */
  async function serverPayment() {
    const parent = (await paidSession()).payment_id!;
    const body = withEntity('createPayment') as { split: PaymentSplit[]; amount: number; browser: unknown };
    body.split[0]!.parent_payment_id = parent;
    body.amount = body.split.reduce((total, part) => total + part.amount, 0);
    return { request: body, payment: await ok<Payment>('POST', '/payment/v2/payments', body) };
  }
  /** A capture, a refund and a void (with the sample's order and reference), so that every operation list has one. */
  async function operated(paymentId: string) {
    const { order, merchant_reference } = operation('capturePayment').request! as Record<string, unknown>;
    for (const [kind, amount] of [['captures', 1000], ['refunds', 500], ['voids', 299]] as const) {
      await ok('POST', `/payment/v2/payments/${paymentId}/${kind}`, { amount, order, merchant_reference });
    }
    return paymentId;
  }
  return { purse, send, ok, session, paidSession, link, paidLink, serverPayment, operated, withEntity, webhooks };
}

const tokenRequest = (purse: ReturnType<typeof createMockPurse>) =>
  purse.fetch(
    new Request(`${ORIGIN}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basicAuth(MOCK_CREDENTIALS.clientId, MOCK_CREDENTIALS.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }),
  );

/** The operation's documented keys are all in `answers`. Refund and void share the capture's samples (reference). */
function expectDocumented(id: string, answers: unknown[], sampleOf = id) {
  const sample = operation(sampleOf).response;
  if (sample !== undefined) {
    const missing = missingKeys(sample, answers, { opaque: OPAQUE, looseTypes: LOOSE_TYPES });
    expect(missing.filter((path) => !NOT_IN_ANSWER[id]?.some((prefix) => path.startsWith(prefix)))).toEqual([]);
  }
  expect(missingTopLevel(operation(id).referenceResponseKeys ?? [], answers)).toEqual([]);
  replayed.add(id);
}

describe('the mock against every Payment API v2 sample', () => {
  afterAll(() => {
    // Every operation of the documents was replayed (a new one in the extraction needs a test here).
    expect([...replayed].sort()).toEqual(samples.operations.map((op) => op.id).sort());
  });

  it('token: the documented answer, and no scope that was not asked for', async () => {
    const answer = (await (await tokenRequest(setup().purse)).json()) as Record<string, unknown>;
    expectDocumented('token', [answer]);
    expect(answer).not.toHaveProperty('scope');
  });

  it('create, get and abort a client session: links as the samples show them', async () => {
    const w = setup();
    const created = await w.session();
    expectDocumented('createClientSession', [created]);
    expect(created.order).toEqual(operation('createClientSession').request!.order);
    expect(Object.keys(created.links)).toEqual(['self']);
    // The get sample: SUBMITTED, with abort and payment links (the payment here was refused: nothing to void).
    const submitted = await w.paidSession(CARDS.refused);
    expectDocumented('getClientSession', [submitted]);
    const aborted = await w.ok<ClientSession>('POST', `/payment/v2/client-sessions/${submitted.id}/abort`, operation('abortClientSession').request);
    expectDocumented('abortClientSession', [aborted]);
    expect(aborted).toMatchObject({ status: 'ABORTED_BY_MERCHANT', payment_id: submitted.payment_id });
  });

  it('get a payment: partly captured, with card holder, fingerprint, 3DS ids, saved token and the browser', async () => {
    const w = setup();
    const paymentId = (await w.paidSession()).payment_id!;
    await w.ok('POST', `/payment/v2/payments/${paymentId}/captures`, { amount: 3000, merchant_reference: 'CAP#1223445' });
    const payment = await w.ok<Payment>('GET', `/payment/v2/payments/${paymentId}`);
    expectDocumented('getPayment', [payment]);
    const request = operation('createClientSession').request! as { order: unknown; customer: { first_name: string; last_name: string } };
    expect(payment.order).toEqual(request.order);
    expect(payment.authorization.partner_transactions[0]!.card).toMatchObject({ holder_name: `${request.customer.first_name} ${request.customer.last_name}` });
  });

  it('create a server-to-server payment: its client session, the reused authorization in split', async () => {
    const w = setup();
    const { payment, request } = await w.serverPayment();
    expectDocumented('createPayment', [payment]);
    expect(payment.browser).toEqual(request.browser);
    const session = await w.ok<ClientSession>('GET', `/payment/v2/client-sessions/${payment.client_session_id}`);
    expect(session).toMatchObject({ status: 'SUBMITTED', payment_id: payment.id });
  });

  for (const [id, kind] of [['capturePayment', 'captures'], ['refundPayment', 'refunds'], ['voidPayment', 'voids']] as const) {
    it(`${id}: the sample request, answered with the payment, its redirection and authentication`, async () => {
      const w = setup();
      const answers: Payment[] = [];
      const server = (await w.serverPayment()).payment.id;
      const linked = (await w.paidLink()).payments[0]!.id;
      for (const paymentId of [server, linked]) {
        await w.operated(paymentId);
        const response = await w.send('POST', `/payment/v2/payments/${paymentId}/${kind}`, operation('capturePayment').request);
        expect(response.status).toBe(201);
        answers.push((await response.json()) as Payment);
      }
      expectDocumented(id, answers, 'capturePayment');
      const operations = answers[0]![kind];
      expect(operations.at(-1)).toMatchObject({ amount: 10, merchant_reference: 'CAP#1223445', order: operation('capturePayment').request!.order });
    });
  }

  it('create, get (paid) and cancel payment links: cancel link kept, attempts under both names', async () => {
    const w = setup();
    expectDocumented('createPaymentLink', [await w.link()]);
    const paid = await w.paidLink();
    expect(paid).toMatchObject({ status: 'PAID' });
    expectDocumented('getPaymentLink', [paid]);
    const created = await w.link();
    const cancelled = await w.ok<PaymentLink>('POST', `/payment/v2/payment-links/${created.id}/cancel`);
    expectDocumented('cancelPaymentLink', [cancelled]);
    expect(cancelled.status).toBe('CANCELLED');
  });

  it('signing keys: with the API key, kid a number as in the sample', async () => {
    const w = setup();
    expectDocumented('signingJwks', [await signingJwks(w.purse)]);
  });

  it('eligible solutions: the reference’s request keys, from the client session sample', async () => {
    const w = setup();
    const { entity_id, amount, currency, customer, order, allow_future_usage } = w.withEntity('createClientSession');
    const body = { entity_id, amount, currency, customer, order, allow_future_usage };
    expect(Object.keys(body)).toEqual(expect.arrayContaining(operation('eligibleSolutions').referenceRequestKeys!));
    expectDocumented('eligibleSolutions', [await w.ok('POST', '/payment/v2/eligible-solutions', body)]);
  });

});
