// The payment-status routes of the merchant handler (src/core/backend/routes.ts): verify the redirect token and confirm it
// against Purse, then serve shopper-safe views of payments the customer may see, and of payment links.
import { routes } from '../../core/backend/routes.ts';
import { json, problem, validationProblem } from './http.ts';
import { isPurseApiError } from '../purse/error.ts';
import { confirmRedirect } from '../purse/redirect-confirm.ts';
import { isRedirectTokenError } from '../purse/redirect-token.ts';
import type { RouteContext, RouteDefinition } from './route-types.ts';
import { sessionNotFound } from './checkout-routes.ts';
import { quotaCounters } from './quota.ts';
import { isStoreError } from './store.ts';
import { toShopperPayment, toShopperPaymentLink } from './views.ts';

const paymentNotFound = () =>
  problem(404, { title: 'Not Found', detail: 'No payment with this id for this shopper.', code: 'payment_not_found' });

function invalidToken(reason: string, detail: string): Response {
  return problem(400, {
    title: 'Invalid redirect token',
    detail: `${detail} Payment results are only shown from a token Purse signed.`,
    code: 'invalid_redirect_token',
    reason,
  });
}

export const statusRoutes: Record<string, RouteDefinition> = {
  [routes.verifyRedirect]: {
    method: 'POST',
    async run(ctx) {
      const token = ctx.body.token;
      if (typeof token !== 'string' || token.trim() === '') {
        return validationProblem([{ pointer: '/token', detail: 'Send the purse-redirection-data value as "token".' }]);
      }
      try {
        const claims = await ctx.checkout.verifier.verify(token.trim());
        const { scope } = await ctx.shopper();
        if (scope === null) return sessionNotFound();
        // A session created here belongs to its shopper. Without a record, only a payment link's session (created at
        // Purse, whose link id is the shopper's credential already) is shown: a forgotten record never lets anyone in.
        const owner = await ctx.checkout.ownership.sessionOwner(claims.client_session_id);
        if (owner !== undefined && owner !== scope) return sessionNotFound();
        const { verified, payment } = await confirmRedirect(ctx.purse, claims);
        if (owner === undefined && !payment?.payment_link_id) return sessionNotFound();
        if (verified.payment_id) await ctx.checkout.ownership.allowPayment(verified.payment_id, scope);
        return json(200, verified);
      } catch (error) {
        if (isRedirectTokenError(error)) return invalidToken(error.reason, error.message);
        return ctx.fail(error);
      }
    },
  },
};

/** `/payments/{id}` and `/payment-links/{id}`. */
export const statusIdRoutes: { payment: RouteDefinition; paymentLink: RouteDefinition } = {
  payment: {
    method: 'GET',
    async run(ctx) {
      const { scope } = await ctx.shopper();
      // Nobody known can own it: refused without asking Purse.
      if (scope === null) return paymentNotFound();
      const known = await ctx.checkout.ownership.canViewPayment(ctx.id, scope);
      // An id this shopper was never shown asks Purse which session it belongs to: a lookup that may miss. The
      // shopper's own payments never count, so a status page may poll them.
      const lookups = await missedLookups(ctx);
      if (!known) {
        const over = await lookups.over();
        if (over) return over;
      }
      const refused = async () => {
        await lookups.count();
        return paymentNotFound();
      };
      try {
        const payment = await ctx.purse.getPayment(ctx.id);
        if (!known) {
          if (!(await ownsSessionOf(ctx, payment.client_session_id, scope))) return await refused();
          // Shown once, known from now on (when the store has room): a poll reads one record instead of two.
          await ctx.checkout.ownership.allowPayment(ctx.id, scope).catch(() => undefined);
        }
        return json(200, toShopperPayment(payment));
      } catch (error) {
        // Not telling apart "no such payment" from "not yours".
        if (isPurseApiError(error) && error.status === 404) return known ? paymentNotFound() : await refused();
        // Not an id Purse takes (400): counted too, its refusal passed on.
        if (!known && isMiss(error)) await lookups.count();
        return ctx.fail(error);
      }
    },
  },
  paymentLink: {
    method: 'GET',
    // A payment link id is the shopper's credential already (Purse's own customer_url carries it); the view shows no
    // more than Purse's page does.
    async run(ctx) {
      // Made-up link ids are counted with made-up payment ids; a shopper's own link, however often polled, never is,
      // and once Purse answered for it, it is asked for whatever the quota (another browser on the shopper's network
      // may be over it).
      const known = await ctx.checkout.ownership.isKnownLink(ctx.id);
      const lookups = await missedLookups(ctx);
      if (!known) {
        const over = await lookups.over();
        if (over) return over;
      }
      try {
        const link = await ctx.purse.getPaymentLink(ctx.id);
        // Known from now on when the store has room.
        if (!known) await ctx.checkout.ownership.rememberLink(ctx.id).catch(() => undefined);
        return json(200, toShopperPaymentLink(link, ctx.now()));
      } catch (error) {
        if (!known && isMiss(error)) await lookups.count();
        return ctx.fail(error);
      }
    },
  },
};

/** Purse found nothing for the id: unknown (404), or not an id at all (400: its reference types ids as UUIDs). */
const isMiss = (error: unknown) => isPurseApiError(error) && (error.status === 404 || error.status === 400);

/**
 * Lookups at Purse that found nothing for this shopper (an id made up, or not theirs): counted (the quota of writes,
 * apart), and once over it none is made, so ids made up by the thousand cannot spend the merchant's Purse rate limit.
 * A guest is counted by IP too; a caller without a scope (your resolveGuest gave none), by IP alone.
 */
async function missedLookups(ctx: RouteContext) {
  const { scope, customer } = await ctx.shopper();
  const { keys, refusal } = quotaCounters(ctx, scope, customer === null, ctx.quota, 'lookup');
  return {
    /** The 429 when one of the counters is over the quota. */
    async over(): Promise<Response | undefined> {
      for (const key of keys) if (Number((await ctx.store.get(key)) ?? 0) >= ctx.quota.limit) return refusal();
      return undefined;
    },
    /** Counts one miss. A full store cannot count it: the refusal stands (a full store already answers 503 on every write). */
    count: () =>
      Promise.all(keys.map((key) => ctx.store.increment(key, ctx.quota.windowMs))).catch((error: unknown) => {
        if (!isStoreError(error) || error.kind !== 'full') throw error;
      }),
  };
}

async function ownsSessionOf(ctx: RouteContext, sessionId: string | undefined, scope: string | null): Promise<boolean> {
  if (!sessionId || scope === null) return false;
  return (await ctx.checkout.ownership.sessionOwner(sessionId)) === scope;
}
