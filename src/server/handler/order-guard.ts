// One payable session per order (createSession): the shopper's order's last session as Purse has it now, the abort of
// an earlier open one once the new one exists (or once the order is found paid), and a lock so that two requests for
// one order never both create one.
import type { ClientSession } from '../../core/wire/payment-session.ts';
import { sleep } from '../../core/backend/retry.ts';
import { isFailedAuthorization } from '../../core/status/classify.ts';
import { isPurseApiError } from '../purse/error.ts';
import { problem } from './http.ts';
import type { RouteContext } from './route-types.ts';
import { takeLock, type HeldLock } from './lock.ts';

/** An order's sessions as the guard reads them: a paid one that stands, an open one that can still be paid. */
export interface OrderSessions {
  standing?: ClientSession;
  open?: string;
}

/**
 * A session of the shopper's order, as Purse has it now: `standing` when Purse took a payment in it that stands
 * (authorized, pending, or unknown), `open` when it can still be paid (not submitted, not expired), else neither
 * (unknown to Purse, expired, aborted, its payment failed).
 */
async function sessionOfOrder(ctx: RouteContext, scope: string, id: string): Promise<OrderSessions> {
  let session: ClientSession;
  try {
    session = await ctx.purse.getClientSession(id);
  } catch (error) {
    // Purse no longer knows it (purged, or another Purse environment): nothing stands in the way.
    if (isPurseApiError(error) && error.status === 404) return {};
    throw error;
  }
  if (session.status === 'CREATED') return Date.parse(session.expires_at) > ctx.now() ? { open: id } : {};
  if (session.status !== 'SUBMITTED') return {};
  if (session.payment_id) {
    const payment = await ctx.purse.getPayment(session.payment_id);
    if (isFailedAuthorization(payment.authorization.status)) return {};
    await ctx.checkout.ownership.allowPayment(session.payment_id, scope);
  }
  return { standing: session };
}

/**
 * An order as the guard knows it. `reference` (the merchant's) names the order: one open session per reference. Its
 * `purchase` adds amount and currency: a reference the merchant reuses for another amount (a cart id whose cart
 * changed) is another purchase, whose paid session never answers for it nor is erased by it.
 */
export interface GuardedOrder {
  reference: string;
  purchase: string;
  amount: number;
  currency: string;
}

export const guardedOrder = (order: { amount: number; currency: string; order: { reference: string } }): GuardedOrder => ({
  reference: order.order.reference,
  purchase: `${order.amount} ${order.currency} ${order.order.reference}`,
  amount: order.amount,
  currency: order.currency,
});

/** The two records of an order's last session: by reference (its open session), by purchase (its paid one). */
const names = (order: GuardedOrder) => [`ref ${order.reference}`, `buy ${order.purchase}`] as const;

/** Remembers `sessionId` as the order's last session, under its reference and its purchase. */
export async function rememberOrderSession(ctx: RouteContext, scope: string, order: GuardedOrder, sessionId: string): Promise<void> {
  await Promise.all(names(order).map((name) => ctx.checkout.ownership.rememberOrderSession(scope, name, sessionId)));
}

/**
 * The order's sessions as Purse has them now: `standing`, this purchase's paid session (see sessionOfOrder); `open`,
 * the order's last session when it can still be paid (whatever its amount: the cart may have changed since). Both
 * when the order was paid, then asked for another amount, then for the paid one again: that open session is stale.
 */
export async function lastSession(ctx: RouteContext, scope: string, order: GuardedOrder): Promise<OrderSessions> {
  const [byReference, byPurchase] = await Promise.all(names(order).map((name) => ctx.checkout.ownership.orderSession(scope, name)));
  const paid = byPurchase === undefined ? {} : await sessionOfOrder(ctx, scope, byPurchase);
  if (byReference === byPurchase) return paid;
  // With the paid session found, a failure to read the other one must not keep the shopper from it.
  const last =
    byReference === undefined
      ? {}
      : await sessionOfOrder(ctx, scope, byReference).catch((error: unknown) => (paid.standing ? {} : Promise.reject(error)));
  return { ...(paid.standing && { standing: paid.standing }), ...(last.open && { open: last.open }) };
}

/** How long the guard waits before asking Purse once more to abort an earlier session. */
const ABORT_RETRY_MS = 250;

/** Purse's refusal of the request itself, which asking again does not change: a 4xx but a time-out or a rate limit. */
const isRefusal = (error: unknown) => isPurseApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

/** The session is aborted at Purse (by whoever); false when Purse cannot tell. */
const abortedAlready = (ctx: RouteContext, sessionId: string): Promise<boolean> =>
  ctx.purse.getClientSession(sessionId).then(
    (session) => session.status.startsWith('ABORTED'),
    () => false,
  );

/**
 * Aborts a session, best effort: a failure Purse may not repeat (a 5xx, a 408 or 429, an answer lost on the way) is
 * tried once more a moment later, since every failure leaves a second session payable; a refusal of a session aborted
 * already (the shopper's cancel came first) counts as done; another refusal or a second failure is logged.
 */
export const abortQuietly = async (ctx: RouteContext, sessionId: string): Promise<boolean> => {
  // One key for both tries: Purse answers a second try of an abort that acted (its answer lost) as done.
  const idempotencyKey = globalThis.crypto.randomUUID();
  for (let tries = 1; ; tries++) {
    try {
      await ctx.purse.abortClientSession(sessionId, 'ABORTED_BY_MERCHANT', { idempotencyKey });
      return true;
    } catch (error) {
      if (tries === 1 && !isRefusal(error)) {
        await sleep(ABORT_RETRY_MS);
        continue;
      }
      if (isRefusal(error) && (await abortedAlready(ctx, sessionId))) return true;
      ctx.checkout.logger.warn('purse-react-kit: could not abort a session of the order, which stays payable', {
        session: sessionId,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }
};

/**
 * Aborts an order's earlier open session (another tab's, or the one before a reload), so that only the new one can be
 * paid. When Purse refuses because a payment was just made in it (the other tab paid while this session was being
 * created), that payment stands: the new session is aborted instead and the earlier one is the answer. Otherwise best
 * effort: a failure is logged and the new session is the answer.
 */
export async function supersede(ctx: RouteContext, scope: string, order: GuardedOrder, earlier: string, fresh: string): Promise<ClientSession | undefined> {
  if (await abortQuietly(ctx, earlier)) return undefined;
  let now: OrderSessions;
  try {
    now = await sessionOfOrder(ctx, scope, earlier);
  } catch {
    return undefined; // Purse cannot tell: the abort's failure is logged already.
  }
  // Paid for another amount (the cart changed meanwhile): another purchase, the new session stays.
  const paid = now.standing;
  if (!paid || paid.amount !== order.amount || paid.currency !== order.currency) return undefined;
  await abortQuietly(ctx, fresh);
  await rememberOrderSession(ctx, scope, order, earlier);
  return paid;
}

/**
 * How long an order's lock outlives a handler that died holding it (its shopper waits that long at most); renewed every
 * third of it while its run lasts, so a run may take longer.
 */
const ORDER_LOCK_TTL_MS = 20_000;
/** How long a request waits for another one creating a session for the same order, before a 503 to retry. */
const ORDER_LOCK_WAIT_MS = 10_000;

/**
 * Runs `run` alone for this shopper's order (by reference, whatever its amount), across instances (a lock in the
 * store): two tabs asking at the same moment would both read no open session and both create a payable one. The later
 * one waits, then supersedes. The lock is renewed while `run` lasts (Purse calls may take long), and renewed and
 * released by its holder only.
 */
export async function aloneForOrder(ctx: RouteContext, scope: string, order: GuardedOrder, run: () => Promise<Response>): Promise<Response> {
  const key = `purse-kit:checkout:order-lock:${scope}:${order.reference}`;
  const deadline = Date.now() + ORDER_LOCK_WAIT_MS;
  let lock: HeldLock | undefined;
  while (!(lock = await takeLock(ctx.store, key, ORDER_LOCK_TTL_MS, { renew: true }))) {
    if (Date.now() >= deadline) {
      return problem(
        503,
        { title: 'Order busy', detail: 'A payment session for this order is being created; try again.', code: 'order_busy' },
        { 'retry-after': '1' },
      );
    }
    await sleep(50);
  }
  try {
    return await run();
  } finally {
    await lock.release();
  }
}
