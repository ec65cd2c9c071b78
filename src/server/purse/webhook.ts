// Payment webhooks: Purse POSTs the Get Payment object to `webhook.url` whenever a payment's amounts change.
// Purse's documentation defines no signature for these requests, so anyone who learns the URL can post a body that
// parses. `parsePaymentWebhook` only checks the shape; act on `verifyPaymentWebhook`, which re-reads the payment from
// Purse with your credentials.
import type { Payment } from '../../core/wire/payment.ts';
import { declaredButEmpty, readLimited, type FieldProblem } from '../handler/http.ts';
import type { PaymentApi } from './payment-api.ts';
import { isDotSegment, isObject } from './transport-util.ts';

/** The body is not a Get Payment object. Answer 400 and do nothing. */
export class PaymentWebhookError extends Error {
  /** The handler's problem code for it. */
  readonly code = 'invalid_webhook';
  /** What is wrong with the body, field by field. */
  readonly errors: FieldProblem[];
  constructor(message: string, errors: FieldProblem[] = []) {
    super(message);
    this.name = 'PaymentWebhookError';
    this.errors = errors;
  }
}

/** True for a `PaymentWebhookError`. */
export const isPaymentWebhookError = (value: unknown): value is PaymentWebhookError => value instanceof PaymentWebhookError;

/** A payment with every operation list is a few tens of kB; anything far larger is not a Purse webhook. */
const MAX_BYTES = 1024 * 1024;
const AMOUNT_FIELDS = ['total_authorized', 'total_voided', 'available_to_void', 'total_captured', 'available_to_capture', 'total_refunded', 'available_to_refund'];
const OVERVIEW_FIELDS = ['consumed', 'captured', 'voided', 'refunded'];

const isString = (value: unknown) => typeof value === 'string' && value !== '';
const isInteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value);

function shapeProblems(body: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (ok: boolean, pointer: string, detail: string) => {
    if (!ok) problems.push({ pointer, detail });
  };
  // The id goes into GET /v2/payments/{id} (verifyPaymentWebhook).
  need(isString(body.id) && !isDotSegment(body.id), '/id', 'id must be a non-empty string.');
  need(isInteger(body.version), '/version', 'version must be an integer.');
  need(isInteger(body.amount), '/amount', 'amount must be an integer (minor units).');
  need(isString(body.currency), '/currency', 'currency must be a string.');
  const authorization = body.authorization;
  need(isObject(authorization) && isString(authorization.status), '/authorization/status', 'authorization.status must be a string.');
  if (isObject(body.amounts)) {
    for (const key of AMOUNT_FIELDS) need(isInteger(body.amounts[key]), `/amounts/${key}`, `${key} must be an integer.`);
  } else need(false, '/amounts', 'amounts must be an object.');
  if (isObject(body.overview)) {
    for (const key of OVERVIEW_FIELDS) need(isString(body.overview[key]), `/overview/${key}`, `${key} must be a string.`);
  } else need(false, '/overview', 'overview must be an object.');
  for (const key of ['captures', 'voids', 'refunds']) {
    need(body[key] === undefined || Array.isArray(body[key]), `/${key}`, `${key} must be an array.`);
  }
  return problems;
}

async function readText(request: Request): Promise<string> {
  if (request.method.toUpperCase() !== 'POST') throw new PaymentWebhookError(`Purse sends webhooks with POST, not ${request.method}.`);
  // The merchant's wiring, not the body: thrown as a plain Error (answer 5xx, so Purse delivers it again once fixed).
  const consumed = () =>
    new Error(
      'parsePaymentWebhook: the webhook body was already read (request.json(), or a body parser such as express.json() ran first): pass the parsed body (req.body) or its text instead of the Request.',
    );
  if (request.bodyUsed) throw consumed();
  const bytes = await readLimited(request, MAX_BYTES);
  if (bytes === undefined) throw new PaymentWebhookError('The webhook body is too large.');
  if (declaredButEmpty(request, bytes.byteLength)) throw consumed();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PaymentWebhookError('The webhook body is not UTF-8.');
  }
}

/**
 * The Get Payment object of a webhook: pass the incoming `Request`, its raw body text, or the already parsed JSON.
 * Throws `PaymentWebhookError` (with JSON pointers in `errors`) when the body is not one. Not proof that Purse sent it:
 * see `verifyPaymentWebhook`.
 */
export async function parsePaymentWebhook(input: Request | string | unknown): Promise<Payment> {
  let body: unknown = input;
  if (input instanceof Request || typeof input === 'string') {
    const text = input instanceof Request ? await readText(input) : input;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PaymentWebhookError('The webhook body is not JSON.');
    }
  }
  if (!isObject(body)) throw new PaymentWebhookError('The webhook body must be a JSON object (the Get Payment object).');
  const problems = shapeProblems(body);
  if (problems.length > 0) {
    throw new PaymentWebhookError(`The webhook body is not a Purse payment: ${problems.map((p) => p.pointer).join(', ')}.`, problems);
  }
  return body as unknown as Payment;
}

/** A webhook checked against Purse (`verifyPaymentWebhook`). */
export interface VerifiedPaymentWebhook {
  /** The payment as Purse reports it now: act on this. */
  payment: Payment;
  /** What the webhook body claimed (may be older than `payment`, or forged). */
  notification: Payment;
}

/**
 * Parses the webhook and re-reads the payment it names from Purse, so that a forged or replayed body cannot make you
 * ship an unpaid order. Rejects with `PaymentWebhookError` for a malformed body and `PurseApiError` when Purse does not
 * know the payment (404: the webhook was forged) or cannot be reached (answer 5xx so Purse retries).
 */
export async function verifyPaymentWebhook(
  client: Pick<PaymentApi, 'getPayment'>,
  input: Request | string | unknown,
): Promise<VerifiedPaymentWebhook> {
  const notification = await parsePaymentWebhook(input);
  const payment = await client.getPayment(notification.id);
  return { payment, notification };
}
