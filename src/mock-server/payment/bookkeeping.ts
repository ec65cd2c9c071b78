// The amounts and overview of a payment, and the rules of capture, refund and void. Pure functions over one payment
// and its allocations (which authorized partner transaction each operation drew from), so that the sums always agree.
import type {
  OverviewStatus,
  PartnerTransaction,
  Payment,
  PaymentAmounts,
  PaymentOperation,
  PaymentOperationOrder,
  PaymentOverview,
} from '../../core/wire/payment.ts';
import { randomToken, uuid } from '../shared/util.ts';

export type OperationKind = 'capture' | 'refund' | 'void';

/** How much of an authorized partner transaction one operation used. */
export interface Allocation {
  kind: OperationKind;
  authTxId: string;
  amount: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const level = (part: number, whole: number): OverviewStatus => (part <= 0 || whole <= 0 ? 'NOT' : part >= whole ? 'TOTALLY' : 'PARTIALLY');

function computeAmounts(payment: Payment): PaymentAmounts {
  const txs = payment.authorization.partner_transactions;
  const total_authorized = sum(txs.filter((t) => t.status === 'AUTHORIZED').map((t) => t.amount));
  const authorize_pending = sum(txs.filter((t) => t.status === 'PENDING').map((t) => t.amount));
  const total_captured = sum(payment.captures.map((o) => o.amount));
  const total_voided = sum(payment.voids.map((o) => o.amount));
  const total_refunded = sum(payment.refunds.map((o) => o.amount));
  const available_to_capture = Math.max(0, total_authorized - total_captured - total_voided);
  return {
    authorize_pending,
    total_authorized,
    total_captured,
    available_to_capture,
    total_voided,
    available_to_void: available_to_capture,
    total_refunded,
    available_to_refund: Math.max(0, total_captured - total_refunded),
  };
}

/** consumed = captured + voided of authorized; refunded is measured against what was captured. */
function computeOverview(amounts: PaymentAmounts): PaymentOverview {
  const { total_authorized: authorized, total_captured: captured, total_voided: voided, total_refunded: refunded } = amounts;
  return {
    consumed: level(captured + voided, authorized),
    captured: level(captured, authorized),
    voided: level(voided, authorized),
    refunded: level(refunded, captured),
  };
}

/** Recomputes amounts and overview after a change. */
export function refreshTotals(payment: Payment): void {
  payment.amounts = computeAmounts(payment);
  payment.overview = computeOverview(payment.amounts);
}

const AVAILABLE: Record<OperationKind, 'available_to_capture' | 'available_to_refund' | 'available_to_void'> = {
  capture: 'available_to_capture',
  refund: 'available_to_refund',
  void: 'available_to_void',
};

const VERB: Record<OperationKind, string> = { capture: 'captured', refund: 'refunded', void: 'voided' };

export type OperationRefusal = { code: 'payment_not_authorized' | 'amount_exceeds_available'; detail: string };

/** Why an operation of `amount` is not allowed now, or undefined. */
export function checkOperation(payment: Payment, kind: OperationKind, amount: number): OperationRefusal | undefined {
  const status = payment.authorization.status;
  if (status !== 'AUTHORIZED') {
    return { code: 'payment_not_authorized', detail: `Only an authorized payment can be ${VERB[kind]}; this one is ${status}.` };
  }
  const field = AVAILABLE[kind];
  const available = payment.amounts[field];
  if (amount > available) {
    return { code: 'amount_exceeds_available', detail: `amount ${amount} is more than ${field} (${available}).` };
  }
  return undefined;
}

/** What each authorized partner transaction still allows for this kind of operation. */
function remaining(payment: Payment, allocations: Allocation[], kind: OperationKind): Map<string, number> {
  const used = (id: string, k: OperationKind) => sum(allocations.filter((a) => a.authTxId === id && a.kind === k).map((a) => a.amount));
  const result = new Map<string, number>();
  for (const tx of payment.authorization.partner_transactions) {
    if (tx.status !== 'AUTHORIZED') continue;
    const captured = used(tx.id, 'capture');
    result.set(tx.id, kind === 'refund' ? captured - used(tx.id, 'refund') : tx.amount - captured - used(tx.id, 'void'));
  }
  return result;
}

/**
 * `remaining_amount` of each authorization partner transaction: what can still be captured or voided from it (all of
 * it while PENDING, nothing once refused).
 */
export function refreshRemaining(payment: Payment, allocations: Allocation[]): void {
  const open = remaining(payment, allocations, 'capture');
  for (const tx of payment.authorization.partner_transactions) {
    tx.remaining_amount = tx.status === 'PENDING' ? tx.amount : (open.get(tx.id) ?? 0);
  }
}

export interface OperationInput {
  kind: OperationKind;
  amount: number;
  merchant_reference?: string;
  order?: PaymentOperationOrder;
  triggeredBy: string;
  at: string;
}

/**
 * Records a capture, refund or void (already checked with checkOperation) and its partner transactions, drawing on the
 * authorized partner transactions in split order. Returns the new operation.
 */
export function applyOperation(payment: Payment, allocations: Allocation[], input: OperationInput): PaymentOperation {
  let left = input.amount;
  const partner_transactions: PartnerTransaction[] = [];
  for (const [authTxId, available] of remaining(payment, allocations, input.kind)) {
    if (left <= 0) break;
    const take = Math.min(left, available);
    if (take <= 0) continue;
    const source = payment.authorization.partner_transactions.find((t) => t.id === authTxId)!;
    allocations.push({ kind: input.kind, authTxId, amount: take });
    // As in the samples, each operation's partner transaction names the method's token and what is left after it.
    partner_transactions.push({
      id: uuid(),
      created_at: input.at,
      updated_at: input.at,
      status: 'SUCCESS',
      amount: take,
      partner: source.partner,
      method: source.method,
      partner_reference: randomToken(8).toUpperCase(),
      partner_status: '0000',
      partner_status_description: 'Successful operation',
      ...(source.partner_token !== undefined && { partner_token: source.partner_token }),
      remaining_amount: available - take,
    });
    left -= take;
  }
  if (left > 0) throw new Error(`applyOperation: ${left} could not be allocated; call checkOperation first.`);
  const operation: PaymentOperation = {
    id: uuid(),
    amount: input.amount,
    created_at: input.at,
    updated_at: input.at,
    triggered_by: input.triggeredBy,
    ...(input.merchant_reference !== undefined && { merchant_reference: input.merchant_reference }),
    status: 'SUCCESS',
    partner_transactions,
    ...(input.order !== undefined && { order: input.order }),
  };
  const list = input.kind === 'capture' ? payment.captures : input.kind === 'refund' ? payment.refunds : payment.voids;
  list.push(operation);
  refreshTotals(payment);
  refreshRemaining(payment, allocations);
  return operation;
}
