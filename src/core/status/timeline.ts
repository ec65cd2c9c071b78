// A payment's life as a short list of dated steps — authorized, then each capture, refund and void with its amount —
// for the status page and for a back office. Built from Purse's payment on the server (amounts and dates only), or,
// for a view that has no timeline, from its totals without dates.
// settlementOf is here rather than in classify.ts (which the status page downloads): only the details chunk uses it.
import type { PaymentTimelineEvent, PaymentTimelineKind, ShopperPayment } from '../backend/views.ts';
import type { AuthorizationStatus, MinorUnits, OverviewStatus, Payment, PaymentOperation } from '../wire/payment.ts';

/** What happened to an authorized amount after the authorization. */
export type SettlementKind = 'captured' | 'refunded' | 'voided';

/** One line of what happened to an authorized amount after authorization. */
export interface SettlementLine {
  /** Captured, refunded or voided. */
  kind: SettlementKind;
  /** Of the authorized amount: totally or partially. */
  extent: Exclude<OverviewStatus, 'NOT'>;
  /** In minor units. */
  amount: MinorUnits;
}

const settlementTotals = { captured: 'total_captured', refunded: 'total_refunded', voided: 'total_voided' } as const;

/** Captured, refunded and voided amounts of a payment, in that order, leaving out what did not happen. */
export function settlementOf(payment: Pick<ShopperPayment, 'overview' | 'amounts'>): SettlementLine[] {
  const lines: SettlementLine[] = [];
  for (const kind of ['captured', 'refunded', 'voided'] as const) {
    const amount = payment.amounts[settlementTotals[kind]];
    const extent = payment.overview[kind];
    if (extent === 'NOT' && amount <= 0) continue;
    // Trust the amounts when the overview lags behind them.
    lines.push({ kind, extent: extent === 'NOT' ? 'PARTIALLY' : extent, amount });
  }
  return lines;
}

const AUTHORIZATION_KINDS: Record<AuthorizationStatus, PaymentTimelineKind> = {
  AUTHORIZED: 'authorized',
  PENDING: 'pending',
  REFUSED: 'refused',
  ERROR: 'failed',
  ABORTED: 'failed',
};

const authorizationKind = (status: string): PaymentTimelineKind =>
  AUTHORIZATION_KINDS[status as AuthorizationStatus] ?? 'pending';

const time = (event: PaymentTimelineEvent) => (event.at ? Date.parse(event.at) : Number.NaN);

/**
 * The steps of a Purse payment, oldest first: its authorization (at its last change), then every capture, refund and
 * void that succeeded, each with its amount and date. Operations of the same instant keep Purse's order.
 */
export function paymentTimeline(payment: Pick<Payment, 'amount' | 'created_at' | 'authorization' | 'captures' | 'refunds' | 'voids'>): PaymentTimelineEvent[] {
  const authorization: PaymentTimelineEvent = {
    kind: authorizationKind(payment.authorization?.status ?? 'PENDING'),
    amount: payment.amount,
  };
  const authorizedAt = payment.authorization?.updated_at ?? payment.created_at;
  if (authorizedAt) authorization.at = authorizedAt;
  const operations = (kind: PaymentTimelineKind, list: PaymentOperation[] | undefined): PaymentTimelineEvent[] =>
    (list ?? [])
      .filter((operation) => operation.status === 'SUCCESS' && operation.amount > 0)
      .map((operation) => ({ kind, amount: operation.amount, at: operation.created_at }));
  const later = [...operations('captured', payment.captures), ...operations('refunded', payment.refunds), ...operations('voided', payment.voids)]
    // Stable: equal or unknown dates keep capture → refund → void order.
    .sort((a, b) => (Number.isNaN(time(a)) || Number.isNaN(time(b)) ? 0 : time(a) - time(b)));
  return [authorization, ...later];
}

/**
 * The timeline of a shopper's payment view: the server's (`timeline`), or, from an adapter that sends none, one
 * built from the totals — the authorization, then what was captured, refunded and voided, without dates.
 */
export function timelineOf(payment: ShopperPayment): PaymentTimelineEvent[] {
  if (payment.timeline?.length) return payment.timeline;
  const authorized = payment.amounts.total_authorized || payment.amount;
  return [
    { kind: authorizationKind(payment.authorization_status), amount: authorized },
    ...settlementOf(payment).map((line) => ({ kind: line.kind, amount: line.amount })),
  ];
}
