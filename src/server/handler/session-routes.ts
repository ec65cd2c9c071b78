// The routes of one checkout session, by its id: read it, and abort it for the shopper (cancel). Only the shopper it
// was created for (checkout-routes.ts records the owner) may do either.
import { isFailedAuthorization } from '../../core/status/classify.ts';
import type { ClientSession } from '../../core/wire/payment-session.ts';
import { isPurseApiError } from '../purse/error.ts';
import { purseRequest, replayedSession, sessionNotFound } from './checkout-routes.ts';
import { json } from './http.ts';
import type { RouteContext, RouteDefinition } from './route-types.ts';
import { toCheckoutSession } from './views.ts';

/** The session, when it was created here for this shopper; otherwise the refusal (also when the record is gone). */
async function ownedSession(ctx: RouteContext): Promise<{ scope: string } | { refused: Response }> {
  const owner = await ctx.checkout.ownership.sessionOwner(ctx.id);
  const { scope } = await ctx.shopper();
  return owner !== undefined && scope !== null && owner === scope ? { scope } : { refused: sessionNotFound() };
}

/** Routes with an id: `/checkout/sessions/{id}` and `/checkout/sessions/{id}/abort`. */
export const sessionRoutes: { get: RouteDefinition; abort: RouteDefinition } = {
  get: {
    method: 'GET',
    async run(ctx) {
      const owned = await ownedSession(ctx);
      if ('refused' in owned) return owned.refused;
      try {
        const session = await ctx.purse.getClientSession(ctx.id);
        // The payment of the shopper's own session: they may follow its status.
        if (session.payment_id) await ctx.checkout.ownership.allowPayment(session.payment_id, owned.scope);
        return json(200, toCheckoutSession(session, ctx.now()));
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },
  abort: {
    method: 'POST',
    replayed: replayedSession,
    async run(ctx) {
      const owned = await ownedSession(ctx);
      if ('refused' in owned) return owned.refused;
      const { key } = await purseRequest(ctx, null);
      try {
        return json(200, toCheckoutSession(await ctx.purse.abortClientSession(ctx.id, 'ABORTED_BY_CUSTOMER', key), ctx.now()));
      } catch (error) {
        // Refused because it is aborted already (the order's newer session, in another tab, superseded it): the session
        // can no longer be paid, and its status (ABORTED_BY_MERCHANT) tells the checkout that the shopper cancelled
        // nothing (it closes). Any other refusal goes on.
        const aborted = isPurseApiError(error) && error.status === 400 ? await abortedUnpaid(ctx).catch(() => undefined) : undefined;
        return aborted ? json(200, toCheckoutSession(aborted, ctx.now())) : ctx.fail(error);
      }
    },
  },
};

/**
 * The session as Purse has it now when it is aborted and took no money: without a payment, or with one that failed. An
 * aborted session keeps its payment's id, and that payment decides (as on the status page): one that holds money is no
 * cancelled payment.
 */
async function abortedUnpaid(ctx: RouteContext): Promise<ClientSession | undefined> {
  const session = await ctx.purse.getClientSession(ctx.id);
  if (!session.status.startsWith('ABORTED')) return undefined;
  if (!session.payment_id) return session;
  return isFailedAuthorization((await ctx.purse.getPayment(session.payment_id)).authorization.status) ? session : undefined;
}
