// Payments: creation (from the drop-in, the hosted page or POST /payments), settlement of pending authorizations,
// and the commit step every change goes through (version, totals, payment link status, webhook).
import type {
  AuthorizationStatus,
  BrowserInfo,
  PartnerTransaction,
  Payment,
  PaymentCard,
  PaymentSplit,
} from '../../core/wire/payment.ts';
import { randomToken, uuid } from '../shared/util.ts';
import { applyOperation, refreshRemaining, refreshTotals } from './bookkeeping.ts';
import type { PaymentRecord, Purchase, World } from './world.ts';

/** One partner's part of a new authorization. */
export interface AuthorizationPart {
  partner: string;
  method: string;
  amount: number;
  status: AuthorizationStatus;
  card?: PaymentCard;
  split?: PaymentSplit;
  /** The partner's token of the payment method; a part reusing an earlier authorization keeps its token. */
  partnerToken?: string;
}

const PARTNER_STATUS: Record<AuthorizationStatus, [string, string]> = {
  AUTHORIZED: ['0000', 'Successful operation'],
  PENDING: ['6000', 'Awaiting the partner confirmation'],
  REFUSED: ['4001', 'Transaction refused by the issuer'],
  ERROR: ['5000', 'Partner error'],
  ABORTED: ['4002', 'Aborted by the shopper'],
};

/**
 * One partner's part of the authorization, with the fields of the samples: the partner's token, what is left of it
 * (kept current by bookkeeping.refreshRemaining), partner-specific data (the mock's partners send none) and, for a
 * card, whether the shopper's card is to be saved (`allow_future_usage`) and was.
 */
function partnerTransaction(part: AuthorizationPart, at: string, saveToken: boolean): PartnerTransaction {
  const [partner_status, partner_status_description] = PARTNER_STATUS[part.status];
  return {
    id: uuid(),
    created_at: at,
    updated_at: at,
    status: part.status,
    amount: part.amount,
    partner: part.partner,
    method: part.method,
    ...(part.card && { card: structuredClone(part.card) }),
    partner_reference: randomToken(8).toUpperCase(),
    partner_status,
    partner_status_description,
    partner_token: part.partnerToken ?? uuid(),
    remaining_amount: 0,
    partner_additional_data: {},
    ...(part.card && { save_token: saveToken, token_saved: saveToken && part.status === 'AUTHORIZED' }),
  };
}

/** The payment's status from its parts: any refusal or error wins, then pending, else authorized. */
function overallStatus(parts: { status: AuthorizationStatus }[]): AuthorizationStatus {
  for (const status of ['ERROR', 'REFUSED', 'ABORTED', 'PENDING'] as const) {
    if (parts.some((p) => p.status === status)) return status;
  }
  return 'AUTHORIZED';
}

export interface NewPayment {
  parts: AuthorizationPart[];
  sessionId?: string;
  linkId?: string;
  browser?: BrowserInfo;
}

/** Creates, authorizes (or refuses, or leaves pending) and commits a payment. */
export function createPayment(world: World, purchase: Purchase, input: NewPayment): PaymentRecord {
  const at = world.iso();
  const id = uuid();
  const transactions = input.parts.map((part) => partnerTransaction(part, at, purchase.allowFutureUsage));
  const status = overallStatus(transactions as { status: AuthorizationStatus }[]);
  const self = `/v2/payments/${id}`;
  const payment: Payment = {
    id,
    created_at: at,
    version: 0,
    entity_id: purchase.entityId,
    amount: purchase.amount,
    currency: purchase.currency,
    capture_mode: purchase.captureMode,
    allow_future_usage: purchase.allowFutureUsage,
    ...(input.sessionId && { client_session_id: input.sessionId }),
    ...(input.linkId && { payment_link_id: input.linkId }),
    order_reference: purchase.order.reference,
    order: structuredClone(purchase.order),
    ...(purchase.customer && { customer: structuredClone(purchase.customer) }),
    amounts: undefined as unknown as Payment['amounts'],
    overview: undefined as unknown as Payment['overview'],
    ...(input.browser && { browser: structuredClone(input.browser) }),
    split: input.parts.map((part) => part.split ?? { partner: part.partner, method: part.method, amount: part.amount }),
    authorization: { status, updated_at: at, partner_transactions: transactions },
    captures: [],
    voids: [],
    refunds: [],
    links: {
      self: { href: self, method: 'GET' },
      capture: { href: `${self}/captures`, method: 'POST' },
      refund: { href: `${self}/refunds`, method: 'POST' },
      void: { href: `${self}/voids`, method: 'POST' },
    },
    ...(purchase.webhook && { webhook: structuredClone(purchase.webhook) }),
  };
  refreshTotals(payment);
  const record: PaymentRecord = { payment, allocations: [] };
  refreshRemaining(payment, record.allocations);
  if (status === 'PENDING') record.settleAt = world.context.now() + world.context.options.pendingSettleMs;
  world.payments.set(id, record);
  if (input.linkId) world.links.get(input.linkId)?.paymentIds.push(id);
  autoCapture(world, record);
  commit(world, record);
  return record;
}

/** AUTOMATIC capture mode: the whole authorized amount is captured at authorization. */
function autoCapture(world: World, record: PaymentRecord) {
  const { payment } = record;
  if (payment.capture_mode !== 'AUTOMATIC' || payment.authorization.status !== 'AUTHORIZED') return;
  if (payment.amounts.available_to_capture <= 0) return;
  applyOperation(payment, record.allocations, {
    kind: 'capture',
    amount: payment.amounts.available_to_capture,
    triggeredBy: 'PURSE',
    at: world.iso(),
  });
}

/** After every change: new version, totals, the payment link's status, and the webhook. */
export function commit(world: World, record: PaymentRecord): void {
  const { payment } = record;
  payment.version++;
  refreshTotals(payment);
  syncLink(world, payment);
  world.webhooks.notify(payment.webhook, structuredClone(payment));
}

/** A payment link is PAID once one of its payments is authorized, OPENED after an attempt that was not. */
function syncLink(world: World, payment: Payment) {
  const link = payment.payment_link_id ? world.links.get(payment.payment_link_id) : undefined;
  if (!link || link.status === 'PAID') return;
  const next = payment.authorization.status === 'AUTHORIZED' ? 'PAID' : link.status === 'CREATED' ? 'OPENED' : link.status;
  if (next !== link.status) {
    link.status = next;
    link.version++;
  }
}

/** Settles a PENDING authorization to AUTHORIZED or REFUSED. */
export function settle(world: World, record: PaymentRecord, status: 'AUTHORIZED' | 'REFUSED'): void {
  const { authorization } = record.payment;
  const at = world.iso();
  const [partner_status, partner_status_description] = PARTNER_STATUS[status];
  for (const tx of authorization.partner_transactions) {
    if (tx.status !== 'PENDING') continue;
    Object.assign(tx, { status, updated_at: at, partner_status, partner_status_description });
    if (tx.save_token !== undefined) tx.token_saved = tx.save_token && status === 'AUTHORIZED';
  }
  authorization.status = overallStatus(authorization.partner_transactions as { status: AuthorizationStatus }[]);
  authorization.updated_at = at;
  delete record.settleAt;
  refreshTotals(record.payment);
  refreshRemaining(record.payment, record.allocations);
  autoCapture(world, record);
  commit(world, record);
}

/** Pending authorizations whose time has come settle on the next read: no timers, the clock decides. */
export function settleDue(world: World): void {
  const now = world.context.now();
  for (const record of world.payments.values()) {
    if (record.settleAt !== undefined && record.settleAt <= now && record.payment.authorization.status === 'PENDING') {
      settle(world, record, 'AUTHORIZED');
    }
  }
}
