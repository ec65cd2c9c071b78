// Request validation for the Payment API v2 (purse-docs/payment-api-v2-reference.txt): every problem found, each with
// a JSON pointer. The reference publishes top-level rules; nested objects are checked for type only, with the fields
// our own types require (order.reference).
import { CAPTURE_MODES, CURRENCIES, INTEGRATION_MODES } from '../../core/wire/payment.ts';
import type { FieldIssue } from '../shared/http.ts';
import { isRecord } from '../shared/http.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import { UUID_PATTERN } from '../shared/util.ts';
import { unknownFields } from '../xco/validation.ts';

/** Largest amount accepted (minor units); keeps arithmetic exact and flags unit mix-ups. */
const MAX_AMOUNT = 99_999_999_99;

const MANDATE_INDICATORS = ['CHALLENGE_REQUESTED_BY_MERCHANT', 'CHALLENGE_REQUESTED_BY_MANDATE'];

type Body = Record<string, unknown>;

const isAbsoluteHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

const isAmount = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_AMOUNT;

function checkEnum(body: Body, key: string, values: readonly string[], issues: FieldIssue[], required = false) {
  const value = body[key];
  if (value === undefined) {
    if (required) issues.push({ pointer: `/${key}`, detail: `${key} is required.` });
  } else if (!values.includes(value as string)) {
    issues.push({ pointer: `/${key}`, detail: `${key} must be one of ${values.join(', ')}.` });
  }
}

function checkOptional(body: Body, key: string, test: (v: unknown) => boolean, detail: string, issues: FieldIssue[], base = '') {
  if (body[key] !== undefined && !test(body[key])) issues.push({ pointer: `${base}/${key}`, detail });
}

const isString = (max: number) => (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= max;

function checkEntity(body: Body, issues: FieldIssue[]) {
  const id = body.entity_id;
  if (id === undefined) issues.push({ pointer: '/entity_id', detail: 'entity_id is required.' });
  else if (typeof id !== 'string' || !UUID_PATTERN.test(id)) issues.push({ pointer: '/entity_id', detail: 'entity_id must be a UUID.' });
  else if (id !== MOCK_CREDENTIALS.entityId) {
    issues.push({ pointer: '/entity_id', detail: `Unknown entity_id: the mock's entity is ${MOCK_CREDENTIALS.entityId}.` });
  }
}

/** amount (0 only with allow_future_usage: true), currency, allow_future_usage. */
function checkAmount(body: Body, issues: FieldIssue[]) {
  checkOptional(body, 'allow_future_usage', (v) => typeof v === 'boolean', 'allow_future_usage must be a boolean.', issues);
  const amount = body.amount;
  if (amount === undefined) issues.push({ pointer: '/amount', detail: 'amount is required.' });
  else if (!isAmount(amount, 0)) {
    issues.push({ pointer: '/amount', detail: 'amount must be an integer >= 0 in the currency minor unit (4299 = 42.99 EUR).' });
  } else if (amount === 0 && body.allow_future_usage !== true) {
    issues.push({ pointer: '/amount', detail: 'amount can only be 0 when allow_future_usage is true.' });
  }
  checkEnum(body, 'currency', CURRENCIES, issues, true);
}

function checkOrder(body: Body, issues: FieldIssue[], required: boolean) {
  const order = body.order;
  if (order === undefined) {
    if (required) issues.push({ pointer: '/order', detail: 'order is required.' });
    return;
  }
  if (!isRecord(order)) {
    issues.push({ pointer: '/order', detail: 'order must be an object.' });
    return;
  }
  if (required && !isString(255)(order.reference)) {
    issues.push({ pointer: '/order/reference', detail: 'order.reference must be a non-empty string of at most 255 characters.' });
  }
  for (const key of ['net_amount', 'tax_amount', 'discount_amount']) {
    checkOptional(order, key, (v) => isAmount(v, 0), `${key} must be an integer >= 0.`, issues, '/order');
  }
  for (const key of ['shipments', 'discounts', 'marketplace_sellers']) {
    checkOptional(order, key, Array.isArray, `${key} must be an array.`, issues, '/order');
  }
  for (const key of ['billing_address', 'additional_data']) {
    checkOptional(order, key, isRecord, `${key} must be an object.`, issues, '/order');
  }
}

function checkCustomer(body: Body, issues: FieldIssue[]) {
  const customer = body.customer;
  if (customer === undefined) return;
  if (!isRecord(customer)) {
    issues.push({ pointer: '/customer', detail: 'customer must be an object.' });
    return;
  }
  checkOptional(customer, 'reference', isString(255), 'reference must be a non-empty string.', issues, '/customer');
  const email = (v: unknown) => typeof v === 'string' && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v);
  checkOptional(customer, 'email', email, 'Invalid email format.', issues, '/customer');
  checkOptional(customer, 'account', isRecord, 'account must be an object.', issues, '/customer');
}

function checkWebhook(body: Body, issues: FieldIssue[]) {
  const webhook = body.webhook;
  if (webhook === undefined) return;
  if (!isRecord(webhook)) {
    issues.push({ pointer: '/webhook', detail: 'webhook must be an object.' });
    return;
  }
  if (!isAbsoluteHttpUrl(webhook.url)) issues.push({ pointer: '/webhook/url', detail: 'webhook.url must be an absolute http(s) URL.' });
  const headers = webhook.headers;
  if (headers === undefined) return;
  const valid =
    Array.isArray(headers) &&
    headers.every(
      (h) => isRecord(h) && isString(256)(h.name) && Array.isArray(h.values) && h.values.every((v) => ['string', 'number'].includes(typeof v)),
    );
  if (!valid) issues.push({ pointer: '/webhook/headers', detail: 'headers must be an array of { name, values: string[] }.' });
}

/** allow_future_usage needs a mandate-type challenge when an indicator is given (absent: MANDATE is assumed). */
function checkThreeDs(body: Body, issues: FieldIssue[]) {
  const options = body.three_ds_authentication_options;
  if (options === undefined) return;
  if (!isRecord(options)) {
    issues.push({ pointer: '/three_ds_authentication_options', detail: 'three_ds_authentication_options must be an object.' });
    return;
  }
  const indicator = options.challenge_indicator;
  const pointer = '/three_ds_authentication_options/challenge_indicator';
  if (indicator !== undefined && typeof indicator !== 'string') issues.push({ pointer, detail: 'challenge_indicator must be a string.' });
  else if (body.allow_future_usage === true && indicator !== undefined && !MANDATE_INDICATORS.includes(indicator)) {
    issues.push({ pointer, detail: `With allow_future_usage, challenge_indicator must be ${MANDATE_INDICATORS.join(' or ')}.` });
  }
}

function checkRedirection(body: Body, issues: FieldIssue[], required: boolean) {
  const url = body.shopper_redirection_url;
  if (url === undefined) {
    if (required) issues.push({ pointer: '/shopper_redirection_url', detail: 'shopper_redirection_url is required.' });
  } else if (!isAbsoluteHttpUrl(url)) {
    issues.push({ pointer: '/shopper_redirection_url', detail: 'shopper_redirection_url must be an absolute http(s) URL.' });
  }
}

const notObject = (): FieldIssue[] => [{ pointer: '', detail: 'The body must be a JSON object.' }];

/** What a session, a payment link and a server-to-server payment have in common, in the order they are reported. */
function checkPaymentFields(
  body: Body,
  issues: FieldIssue[],
  { integrationMode, redirectionRequired }: { integrationMode: boolean; redirectionRequired: boolean },
) {
  checkEntity(body, issues);
  checkAmount(body, issues);
  checkEnum(body, 'capture_mode', CAPTURE_MODES, issues);
  if (integrationMode) checkEnum(body, 'integration_mode', INTEGRATION_MODES, issues);
  checkRedirection(body, issues, redirectionRequired);
  checkOrder(body, issues, true);
  checkCustomer(body, issues);
  checkThreeDs(body, issues);
  checkWebhook(body, issues);
}

const SESSION_FIELDS = [
  'entity_id', 'amount', 'currency', 'capture_mode', 'integration_mode', 'shopper_redirection_url', 'order', 'customer',
  'three_ds_authentication_options', 'webhook', 'allow_future_usage',
];

/** POST /payment/v2/client-sessions */
export function validateCreateSession(body: unknown): FieldIssue[] {
  if (!isRecord(body)) return notObject();
  const issues = unknownFields(body, SESSION_FIELDS);
  checkPaymentFields(body, issues, { integrationMode: true, redirectionRequired: true });
  return issues;
}

/** POST /payment/v2/payment-links: a session's fields (no integration mode) plus a future expires_at. */
export function validateCreatePaymentLink(body: unknown, now: number): FieldIssue[] {
  if (!isRecord(body)) return notObject();
  const issues = unknownFields(body, [...SESSION_FIELDS.filter((f) => f !== 'integration_mode'), 'expires_at']);
  checkPaymentFields(body, issues, { integrationMode: false, redirectionRequired: true });
  const expires = body.expires_at;
  const time = typeof expires === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(expires) ? Date.parse(expires) : NaN;
  if (expires === undefined) issues.push({ pointer: '/expires_at', detail: 'expires_at is required.' });
  else if (Number.isNaN(time)) issues.push({ pointer: '/expires_at', detail: 'expires_at must be an ISO 8601 date-time.' });
  else if (time <= now) issues.push({ pointer: '/expires_at', detail: 'expires_at must be in the future.' });
  return issues;
}

/** POST /payment/v2/eligible-solutions */
export function validateEligibility(body: unknown): FieldIssue[] {
  if (!isRecord(body)) return notObject();
  const issues = unknownFields(body, ['entity_id', 'amount', 'currency', 'order', 'customer', 'allow_future_usage']);
  checkEntity(body, issues);
  checkAmount(body, issues);
  checkOrder(body, issues, true);
  checkCustomer(body, issues);
  return issues;
}

/** POST /payment/v2/payments (server to server): split parts must add up to the amount. */
export function validateCreatePayment(body: unknown): FieldIssue[] {
  if (!isRecord(body)) return notObject();
  const issues = unknownFields(body, [
    'entity_id', 'amount', 'currency', 'shopper_redirection_url', 'capture_mode', 'order', 'customer', 'webhook', 'browser',
    'allow_future_usage', 'split', 'three_ds_authentication_options',
  ]);
  checkPaymentFields(body, issues, { integrationMode: false, redirectionRequired: false });
  checkOptional(body, 'browser', isRecord, 'browser must be an object.', issues);
  const split = body.split;
  if (split === undefined) return issues;
  if (!Array.isArray(split) || split.length === 0) {
    issues.push({ pointer: '/split', detail: 'split must be a non-empty array.' });
    return issues;
  }
  let total = 0;
  split.forEach((part: unknown, i) => {
    const base = `/split/${i}`;
    if (!isRecord(part)) return void issues.push({ pointer: base, detail: 'A split part must be an object.' });
    if (!isAmount(part.amount, 1)) issues.push({ pointer: `${base}/amount`, detail: 'amount must be an integer > 0.' });
    else total += part.amount as number;
    if (part.parent_payment_id !== undefined) {
      if (typeof part.parent_payment_id !== 'string' || !UUID_PATTERN.test(part.parent_payment_id)) {
        issues.push({ pointer: `${base}/parent_payment_id`, detail: 'parent_payment_id must be a UUID.' });
      }
    } else {
      for (const key of ['partner', 'method']) {
        if (!isString(100)(part[key])) issues.push({ pointer: `${base}/${key}`, detail: `${key} is required without parent_payment_id.` });
      }
    }
  });
  if (issues.length === 0 && total !== body.amount) {
    issues.push({ pointer: '/split', detail: `The split parts add up to ${total}, not to amount (${String(body.amount)}).` });
  }
  return issues;
}

/** POST /payment/v2/payments/{id}/captures | refunds | voids */
export function validateOperation(body: unknown): FieldIssue[] {
  if (!isRecord(body)) return notObject();
  const issues = unknownFields(body, ['amount', 'order', 'merchant_reference']);
  if (body.amount === undefined) issues.push({ pointer: '/amount', detail: 'amount is required.' });
  else if (!isAmount(body.amount, 1)) issues.push({ pointer: '/amount', detail: 'amount must be an integer > 0.' });
  checkOrder(body, issues, false);
  checkOptional(body, 'merchant_reference', isString(255), 'merchant_reference must be a non-empty string of at most 255 characters.', issues);
  return issues;
}

/** POST /payment/v2/client-sessions/{id}/abort */
export function validateAbort(body: unknown): FieldIssue[] {
  if (!isRecord(body)) return notObject();
  const issues = unknownFields(body, ['status']);
  checkEnum(body, 'status', ['ABORTED_BY_CUSTOMER', 'ABORTED_BY_MERCHANT'], issues, true);
  return issues;
}
