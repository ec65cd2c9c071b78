// POST /payment/v2/payments, GET …/{id}, POST …/{id}/captures | refunds | voids (Idempotency-Key: see index.ts).
// A server-to-server payment gets a client session of its own (HOSTED_PAGE, SUBMITTED), as the create sample's
// `client_session_id` shows; capture, refund and void answer the payment plus `redirection` and `authentication`.
import type { BrowserInfo, Payment, PaymentCard, PaymentOperationOrder, PaymentSplit } from '../../core/wire/payment.ts';
import type { MockRoute } from '../shared/context.ts';
import { isRecord, json, problem, readValidBody, validationProblem } from '../shared/http.ts';
import { applyOperation, checkOperation, type OperationKind } from './bookkeeping.ts';
import { customerName } from './checkout.ts';
import { commit, createPayment, type AuthorizationPart } from './payments.ts';
import { createSession, hostedPageUrl } from './sessions.ts';
import { testCardDetails } from './test-cards.ts';
import { validateCreatePayment, validateOperation } from './validation.ts';
import { API, purchaseFrom, type Purchase, type World } from './world.ts';

const paymentNotFound = (instance: string) =>
  problem({ status: 404, title: 'Not Found', detail: 'Payment not found.', code: 'payment_not_found', instance });

/** The payment as GET returns it (a copy: callers cannot reach the stored object). */
export const paymentToWire = (payment: Payment): Payment => structuredClone(payment);

/**
 * What capture, refund and void answer: the payment, where the shopper would go to act on it (`redirection`: the
 * hosted page of its session, when it has one) and how the shopper was authenticated (`authentication`: Purse does
 * not publish its fields; the mock gives the card's 3DS result).
 */
function operationAnswer(world: World, payment: Payment): Payment {
  const answer = paymentToWire(payment);
  const session = payment.client_session_id ? world.sessions.get(payment.client_session_id) : undefined;
  if (session?.integrationMode === 'HOSTED_PAGE') answer.redirection = { href: hostedPageUrl(world, session), method: 'GET' };
  const threeDs = payment.authorization.partner_transactions.find((t) => t.card?.three_ds)?.card?.three_ds;
  if (threeDs) answer.authentication = { method: 'THREE_DS', ...structuredClone(threeDs) };
  return answer;
}

/**
 * The authorization parts of a server-to-server payment. Without `split`, one card part (as if paid with the
 * customer's saved card, the authorized test card). A part with `parent_payment_id` reuses an authorized payment's
 * partner and card; other parts name their partner and method. Every part is authorized.
 */
function serverParts(world: World, body: Record<string, unknown>, purchase: Purchase): AuthorizationPart[] | { pointer: string; detail: string } {
  const amount = body.amount as number;
  const split = body.split as PaymentSplit[] | undefined;
  if (!split) {
    const card = testCardDetails('4111111111111111', '12', '30', customerName(purchase));
    return [{ partner: 'dalenys', method: 'creditcard', amount, status: 'AUTHORIZED', card }];
  }
  const parts: AuthorizationPart[] = [];
  for (const [i, part] of split.entries()) {
    if (part.parent_payment_id === undefined) {
      parts.push({ partner: part.partner!, method: part.method!, amount: part.amount, status: 'AUTHORIZED', split: { ...part } });
      continue;
    }
    const parent = world.payments.get(part.parent_payment_id)?.payment;
    const source = parent?.authorization.partner_transactions.find((t) => t.status === 'AUTHORIZED');
    if (!parent || parent.authorization.status !== 'AUTHORIZED' || !source) {
      return { pointer: `/split/${i}/parent_payment_id`, detail: 'parent_payment_id must name an authorized payment.' };
    }
    parts.push({
      partner: part.partner ?? source.partner,
      method: part.method ?? source.method,
      amount: part.amount,
      status: 'AUTHORIZED',
      ...(source.card && { card: source.card as PaymentCard }),
      ...(source.partner_token !== undefined && { partnerToken: source.partner_token }),
      split: {
        ...part,
        partner: part.partner ?? source.partner,
        method: part.method ?? source.method,
        parent_partner_transaction_id: source.id,
        ...(source.partner_token !== undefined && { parent_partner_token: source.partner_token }),
        ...(source.partner_reference !== undefined && { parent_partner_reference: source.partner_reference }),
      },
    });
  }
  return parts;
}

export function paymentRoutes(world: World): MockRoute[] {
  const operation = (kind: OperationKind, segment: string): MockRoute => ({
    method: 'POST',
    path: `${API}/payments/:id/${segment}`,
    async handler(request, { url, params }) {
      const instance = url.pathname;
      const record = world.payments.get(params.id!);
      if (!record) return paymentNotFound(instance);
      const body = await readValidBody<{ amount: number; order?: PaymentOperationOrder; merchant_reference?: string }>(
        request,
        instance,
        validateOperation,
      );
      if (!body.ok) return body.response;
      const input = body.value;
      {
        const refusal = checkOperation(record.payment, kind, input.amount);
        if (refusal) {
          const errors = refusal.code === 'amount_exceeds_available' ? [{ pointer: '/amount', detail: refusal.detail }] : undefined;
          return problem({ status: 400, title: 'Bad Request', detail: refusal.detail, code: refusal.code, instance, ...(errors && { errors }) });
        }
        applyOperation(record.payment, record.allocations, {
          kind,
          amount: input.amount,
          ...(input.merchant_reference !== undefined && { merchant_reference: input.merchant_reference }),
          ...(input.order !== undefined && { order: input.order }),
          triggeredBy: 'MERCHANT',
          at: world.iso(),
        });
        commit(world, record);
        return json(201, operationAnswer(world, record.payment));
      }
    },
  });

  return [
    {
      method: 'POST',
      path: `${API}/payments`,
      async handler(request, { url }) {
        const instance = url.pathname;
        const body = await readValidBody<Record<string, unknown>>(request, instance, validateCreatePayment);
        if (!body.ok) return body.response;
        const fields = body.value;
        const purchase = purchaseFrom(fields);
        const parts = serverParts(world, fields, purchase);
        if (!Array.isArray(parts)) return validationProblem(instance, [parts]);
        const session = createSession(world, purchase, 'HOSTED_PAGE');
        const record = createPayment(world, purchase, {
          parts,
          sessionId: session.id,
          ...(isRecord(fields.browser) && { browser: fields.browser as BrowserInfo }),
        });
        session.status = 'SUBMITTED';
        session.paymentId = record.payment.id;
        return json(201, paymentToWire(record.payment));
      },
    },
    {
      method: 'GET',
      path: `${API}/payments/:id`,
      // `Cache-Control: max-age` only tells Purse it may skip asking the partners; the mock's data is always current.
      handler(_request, { url, params }) {
        const record = world.payments.get(params.id!);
        return record ? json(200, paymentToWire(record.payment)) : paymentNotFound(url.pathname);
      },
    },
    operation('capture', 'captures'),
    operation('refund', 'refunds'),
    operation('void', 'voids'),
  ];
}
