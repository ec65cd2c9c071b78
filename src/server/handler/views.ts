// Shopper-safe views of Purse objects (src/core/backend/views.ts): what the browser may see. Built field by field from an
// allow-list, so anything Purse adds later stays on the server: no customer data, no partner references, tokens,
// BIN, holder name or card fingerprint.
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink } from '../../core/backend/views.ts';
import { paymentTimeline } from '../../core/status/timeline.ts';
import type { ClientSession, OverviewStatus, Payment, PaymentLink } from '../../core/wire/payment.ts';
import type { XcoAddress, XcoUser } from '../../core/wire/xco.ts';

const OVERVIEW: readonly OverviewStatus[] = ['TOTALLY', 'PARTIALLY', 'NOT'];
const overviewOf = (value: unknown): OverviewStatus =>
  OVERVIEW.includes(value as OverviewStatus) ? (value as OverviewStatus) : 'NOT';
const amountOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What of a session view depends on when it is given, by this server's clock (`now`, epoch ms), not the shopper's,
 * which may be hours off: `expired`, and `expires_in_ms` (left out for an unreadable date: the browser falls back).
 */
export function sessionClock(
  session: Pick<CheckoutSession, 'status' | 'expires_at' | 'payment_id'>,
  now: number,
): Pick<CheckoutSession, 'expired' | 'expires_in_ms'> {
  const deadline = Date.parse(session.expires_at);
  return {
    // Purse keeps an unpaid session CREATED past its expiry. An unreadable date is never past.
    expired: session.status === 'CREATED' && !session.payment_id && deadline <= now,
    ...(Number.isFinite(deadline) && { expires_in_ms: Math.max(0, deadline - now) }),
  };
}

/**
 * The shopper-safe view of a Purse client session (an allow-list: what Purse adds later stays on the server), its
 * clock fields (sessionClock) as of `now`.
 */
export function toCheckoutSession(session: ClientSession, now: number = Date.now()): CheckoutSession {
  const view: CheckoutSession = {
    id: session.id,
    status: session.status,
    integration_mode: session.integration_mode,
    amount: session.amount,
    currency: session.currency,
    expires_at: session.expires_at,
    ...sessionClock(session, now),
    eligible_solutions: (session.eligible_solutions ?? []).map((s) => ({ partner: s.partner, method: s.method })),
  };
  if (session.widget) view.widget = { data: session.widget.data, js_url: session.widget.js_url };
  const hosted = text(session.links?.hosted_page?.href);
  if (hosted) view.hosted_page_url = hosted;
  if (session.payment_id) view.payment_id = session.payment_id;
  const back = text(session.shopper_redirection_url);
  if (back) view.shopper_redirection_url = back;
  return view;
}

/** The card used, from the authorization's partner transactions: brand (`selected_network`) and last four digits. */
function cardOf(payment: Payment): ShopperPayment['card'] {
  const transactions = payment.authorization?.partner_transactions ?? [];
  const card = transactions.find((t) => t.card && t.status === 'AUTHORIZED')?.card ?? transactions.find((t) => t.card)?.card;
  if (!card) return undefined;
  const brand = text(card.selected_network);
  const lastFour = typeof card.last_four_digits === 'string' && /^\d{4}$/.test(card.last_four_digits) ? card.last_four_digits : undefined;
  if (!brand && !lastFour) return undefined;
  return { ...(brand && { brand }), ...(lastFour && { last_four: lastFour }) };
}

/** How the payment is split over methods: Purse's `split`, else the authorization's parts. */
function splitOf(payment: Payment): ShopperPayment['split'] {
  const source = payment.split?.length ? payment.split : (payment.authorization?.partner_transactions ?? []);
  return source
    .filter((part) => typeof part.method === 'string' && typeof part.partner === 'string')
    .map((part) => ({ method: part.method!, partner: part.partner!, amount: amountOf(part.amount) }));
}

/** The shopper-safe view of a Purse payment (an allow-list: no customer data, tokens, BIN or card holder). */
export function toShopperPayment(payment: Payment): ShopperPayment {
  const amounts = payment.amounts;
  const overview = payment.overview;
  const view: ShopperPayment = {
    id: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    authorization_status: payment.authorization.status,
    overview: {
      consumed: overviewOf(overview?.consumed),
      captured: overviewOf(overview?.captured),
      voided: overviewOf(overview?.voided),
      refunded: overviewOf(overview?.refunded),
    },
    amounts: {
      authorize_pending: amountOf(amounts?.authorize_pending),
      total_authorized: amountOf(amounts?.total_authorized),
      total_captured: amountOf(amounts?.total_captured),
      total_refunded: amountOf(amounts?.total_refunded),
      total_voided: amountOf(amounts?.total_voided),
    },
    split: splitOf(payment),
  };
  if (payment.client_session_id) view.client_session_id = payment.client_session_id;
  if (payment.payment_link_id) view.payment_link_id = payment.payment_link_id;
  const card = cardOf(payment);
  if (card) view.card = card;
  if (payment.created_at) view.created_at = payment.created_at;
  // Amounts and dates only: no operation ids, merchant references or partner transactions.
  view.timeline = paymentTimeline(payment);
  return view;
}

/** Statuses after which a link's expiry no longer matters. */
const SETTLED_LINK = new Set(['PAID', 'CANCELLED']);

/**
 * `EXPIRED` when the link is past `expires_at` and Purse has not settled it otherwise (the reference names no
 * expired status). `now` is epoch ms.
 */
export function toShopperPaymentLink(link: PaymentLink, now: number = Date.now()): ShopperPaymentLink {
  const expiresAt = Date.parse(link.expires_at);
  const expired = !SETTLED_LINK.has(link.status) && Number.isFinite(expiresAt) && now >= expiresAt;
  // The samples call the attempts `payments`; the reference's Get sample calls them `payment_attempts`.
  const attempts = (link.payments ?? link.payment_attempts ?? []) as unknown[];
  const view: ShopperPaymentLink = {
    id: link.id,
    status: expired ? 'EXPIRED' : link.status,
    amount: link.amount,
    currency: link.currency,
    payments: attempts
      .filter((p): p is { id: string; authorization_status: ShopperPayment['authorization_status'] } =>
        typeof (p as { id?: unknown })?.id === 'string' && typeof (p as { authorization_status?: unknown }).authorization_status === 'string')
      .map((p) => ({ id: p.id, authorization_status: p.authorization_status })),
  };
  if (link.expires_at) view.expires_at = link.expires_at;
  return view;
}

const USER_FIELDS = ['email', 'phone_number', 'first_name', 'last_name', 'gender', 'birthdate'] as const;
const ADDRESS_FIELDS = ['address_type', 'street_address', 'address_complement', 'locality', 'postal_code', 'country'] as const;

/** Copies the listed fields that are text. */
function picked<K extends string>(source: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> {
  const copy: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = text(source[key]);
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

/** The signed-in customer's XCO profile as their browser may see it: the profile's own fields, nothing Purse adds. */
export function toShopperXcoUser(user: XcoUser): XcoUser {
  const view = picked(user as Record<string, unknown>, USER_FIELDS) as XcoUser;
  if (Array.isArray(user.addresses)) {
    view.addresses = user.addresses
      .filter((address): address is XcoAddress => typeof address === 'object' && address !== null)
      .map((address) => picked(address as unknown as Record<string, unknown>, ADDRESS_FIELDS) as XcoAddress);
  }
  return view;
}
