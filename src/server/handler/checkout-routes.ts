// The checkout routes of the merchant handler (src/core/backend/routes.ts): amounts, order, customer and the redirect URL come
// from the merchant's resolveOrder and configuration; the browser only picks an allowed integration mode and names an
// order reference. Sessions are bound to the customer they were created for (session-routes.ts serves them by id).
import { routes } from '../../core/backend/routes.ts';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { CURRENCIES, INTEGRATION_MODES, type IntegrationMode } from '../../core/wire/payment.ts';
import type { CheckoutOrder } from './options.ts';
import { json, problem, validationProblem, type FieldProblem } from './http.ts';
import type { RouteContext, RouteDefinition } from './route-types.ts';
import { sessionClock, toCheckoutSession } from './views.ts';
import { beginAttempt } from './intent.ts';
import { isPurseApiError } from '../purse/error.ts';
import { abortQuietly, aloneForOrder, guardedOrder, lastSession, rememberOrderSession, supersede, type OrderSessions } from './order-guard.ts';

const notConfigured = (ctx: RouteContext) => {
  ctx.checkout.logger.error('purse-react-kit: a checkout route was called but createMerchantHandler has no resolveOrder');
  return problem(501, {
    title: 'Checkout is not configured',
    detail: 'The merchant server has no resolveOrder callback and checkout.shopperRedirectionUrl.',
    code: 'checkout_not_configured',
  });
};

const misconfigured = (ctx: RouteContext, message: string) => {
  ctx.checkout.logger.error(`purse-react-kit: ${message}`);
  return problem(500, {
    title: 'Checkout is misconfigured',
    detail: 'The merchant server could not build the payment request; its log has the details.',
    code: 'checkout_misconfigured',
  });
};

/**
 * Unknown here and another customer's session get the same answer: existence is not revealed, and a 403 would read as
 * the merchant's misconfiguration in the browser.
 */
export const sessionNotFound = () =>
  problem(404, { title: 'Not Found', detail: 'No checkout session with this id for this shopper.', code: 'session_not_found' });

/** `order_reference` of the body: optional, a short string. */
function orderReference(body: Record<string, unknown>, errors: FieldProblem[]): string | undefined {
  const value = body.order_reference;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 255) {
    errors.push({ pointer: '/order_reference', detail: 'Send the order reference as a string of at most 255 characters.' });
    return undefined;
  }
  return value;
}

/** A value as the merchant's code holds it: "4299" from a database numeric column reads as a string, not as 4299. */
const shown = (value: unknown) => (typeof value === 'string' ? `"${value}" (a string)` : String(value));

/** What the merchant's resolveOrder returned, checked (a bad answer is the merchant's bug, not the shopper's). */
function orderProblem(order: CheckoutOrder): string | undefined {
  if (typeof order.amount !== 'number' || !Number.isInteger(order.amount) || order.amount < 0) {
    return `resolveOrder returned amount ${shown(order.amount)}; use a number: an integer >= 0 in minor units.`;
  }
  if (!CURRENCIES.includes(order.currency)) return `resolveOrder returned currency ${String(order.currency)}; use one of ${CURRENCIES.join(', ')}.`;
  if (!order.order || typeof order.order !== 'object' || typeof order.order.reference !== 'string' || order.order.reference === '') {
    return 'resolveOrder returned no order.reference.';
  }
  return undefined;
}

/** `locale` of the body: optional, a BCP 47 tag ("fr-FR"). */
function shopperLocale(body: Record<string, unknown>, errors: FieldProblem[]): string | undefined {
  const value = body.locale;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 35 || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) {
    errors.push({ pointer: '/locale', detail: 'Send the shopper\'s language as a BCP 47 tag, e.g. fr-FR.' });
    return undefined;
  }
  return value;
}

/**
 * Purse refusing (400, 422) a payment request that the handler built from resolveOrder: the merchant's data (a customer
 * email, an order line), never a field the shopper can correct. Logged with Purse's pointers, not the values.
 */
function orderRefused(ctx: RouteContext, error: unknown): Response | undefined {
  if (!isPurseApiError(error) || error.kind !== 'http' || (error.status !== 400 && error.status !== 422)) return undefined;
  const errors = Array.isArray(error.problem?.errors) ? error.problem.errors : [];
  const fields = errors.map((e) => `${String(e?.pointer)}: ${String(e?.detail).slice(0, 200)}`).join('; ');
  const why = fields || (typeof error.problem?.detail === 'string' ? error.problem.detail.slice(0, 200) : '');
  return misconfigured(ctx, `Purse refused the order resolveOrder returned (${error.status}${why ? `: ${why}` : ''}).`);
}

type Resolved = { ok: true; order: CheckoutOrder } | { ok: false; response: Response };

async function resolveOrder(ctx: RouteContext, orderRef: string | undefined, locale?: string): Promise<Resolved> {
  const resolve = ctx.checkout.resolveOrder;
  if (!resolve) return { ok: false, response: notConfigured(ctx) };
  const order = await resolve(ctx.request, { order_reference: orderRef, customer: await ctx.customer(), locale });
  if (!order) {
    return {
      ok: false,
      response: problem(404, { title: 'No order to pay', detail: 'There is no order to pay for this shopper.', code: 'order_not_found' }),
    };
  }
  const wrong = orderProblem(order);
  return wrong ? { ok: false, response: misconfigured(ctx, wrong) } : { ok: true, order };
}

/**
 * Only the fields Purse documents, copied one by one: nothing else the callback's object carries is sent. The shopper's
 * language becomes `customer.locale` unless the merchant set one.
 */
function purchaseOf(order: CheckoutOrder, locale?: string) {
  const customer = locale && !order.customer?.locale ? { ...order.customer, locale } : order.customer;
  return {
    amount: order.amount,
    currency: order.currency,
    order: order.order,
    ...(customer !== undefined && { customer }),
    ...(order.allow_future_usage !== undefined && { allow_future_usage: order.allow_future_usage }),
  };
}

/**
 * `value` as an absolute http(s) URL, or `undefined`: Purse sends the shopper there from its own pages. A URL object
 * counts as its href (untyped code returns `new URL(…)`; it always worked).
 */
export function absoluteHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof URL)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** How to fix a shopperRedirectionUrl that is no absolute URL (typically a path). */
export const REDIRECT_URL_HINT =
  'checkout.shopperRedirectionUrl must be an absolute http(s) URL, your shop\'s public one (https://shop.example/checkout/return), or a function (request, order) => that URL';

async function redirectUrl(ctx: RouteContext, order: CheckoutOrder): Promise<{ url?: string; given: unknown }> {
  const setting = ctx.checkout.shopperRedirectionUrl;
  const given = typeof setting === 'function' ? await setting(ctx.request, order) : setting;
  return { url: absoluteHttpUrl(given), given };
}

/** The Payment API request of this intent: built now, or the exact one an earlier attempt sent (Purse then replays). */
export async function purseRequest<T>(ctx: RouteContext, build: T): Promise<{ request: T; key: { idempotencyKey?: string } }> {
  const { request } = await beginAttempt(ctx, build);
  return { request, key: ctx.intent ? { idempotencyKey: ctx.intent.purseKey } : {} };
}

/**
 * A session answer replayed for a retry of its intent was stored when first given, maybe minutes ago: its clock fields
 * count from now, or the browser's expiry timer would run late by that much.
 */
export async function replayedSession(answer: Response, ctx: RouteContext): Promise<Response> {
  if (!answer.ok) return answer;
  const view = (await answer.json()) as CheckoutSession;
  return new Response(JSON.stringify({ ...view, ...sessionClock(view, ctx.now()) }), { status: answer.status, headers: answer.headers });
}

export const checkoutRoutes: Record<string, RouteDefinition> = {
  [routes.createSession]: {
    method: 'POST',
    replayed: replayedSession,
    async run(ctx) {
      if (!ctx.checkout.resolveOrder) return notConfigured(ctx);
      const errors: FieldProblem[] = [];
      const allowed = ctx.checkout.allowedIntegrationModes;
      const asked = ctx.body.integration_mode;
      let mode: IntegrationMode = allowed[0]!;
      if (asked !== undefined && asked !== null) {
        if (typeof asked !== 'string' || !(INTEGRATION_MODES as readonly string[]).includes(asked) || !allowed.includes(asked as IntegrationMode)) {
          errors.push({ pointer: '/integration_mode', detail: `Use one of ${allowed.join(', ')}.` });
        } else mode = asked as IntegrationMode;
      }
      const ref = orderReference(ctx.body, errors);
      const locale = shopperLocale(ctx.body, errors);
      if (errors.length > 0) return validationProblem(errors);

      const resolved = await resolveOrder(ctx, ref, locale);
      if (!resolved.ok) return resolved.response;
      const { order } = resolved;
      const { url: shopperRedirectionUrl, given } = await redirectUrl(ctx, order);
      if (!shopperRedirectionUrl) return misconfigured(ctx, `${REDIRECT_URL_HINT}; it gave ${JSON.stringify(given) ?? String(given)}.`);
      const { scope } = await ctx.shopper();
      if (scope === null) return sessionNotFound();
      const guarded = guardedOrder(order);
      // One payable session per order. A reload after a payment whose answer was lost (or a second tab) asks again for
      // an order Purse already took a payment for: the shopper gets that session (SUBMITTED: the checkout shows it
      // closed, with its status), not a second one to pay; an order's open session is aborted once its new one exists, or
      // once the order is found paid (a session opened since for another amount).
      return aloneForOrder(ctx, scope, guarded, async () => {
        let last: OrderSessions;
        try {
          last = await lastSession(ctx, scope, guarded);
        } catch (error) {
          return ctx.fail(error);
        }
        if (last.standing) {
          // Paid: a session opened since for another amount of the order must not be paid too.
          if (last.open) await abortQuietly(ctx, last.open);
          return json(200, toCheckoutSession(last.standing, ctx.now()));
        }
        // Outside the try: its refusal of another body (IntentKeyReusedError) must throw past the route, so that
        // withIdempotency keeps no answer and the honest retry still runs.
        const { request, key } = await purseRequest(ctx, {
          ...(ctx.checkout.entityId !== undefined && { entity_id: ctx.checkout.entityId }),
          ...purchaseOf(order, locale),
          integration_mode: mode,
          shopper_redirection_url: shopperRedirectionUrl,
          ...(order.capture_mode !== undefined && { capture_mode: order.capture_mode }),
          ...(order.three_ds_authentication_options !== undefined && { three_ds_authentication_options: order.three_ds_authentication_options }),
          ...(order.webhook !== undefined && { webhook: order.webhook }),
        });
        try {
          const session = await ctx.purse.createClientSession(request, key);
          // Remembered as what was sent: a retry of the intent resends its first request, whose cart may have changed since.
          const sent = guardedOrder(request);
          await Promise.all([ctx.checkout.ownership.rememberSession(session.id, scope), rememberOrderSession(ctx, scope, sent, session.id)]);
          // A retry of this intent after an answer lost once it was remembered: Purse replayed the open session itself.
          const paid = last.open && last.open !== session.id ? await supersede(ctx, scope, sent, last.open, session.id) : undefined;
          return paid ? json(200, toCheckoutSession(paid, ctx.now())) : json(201, toCheckoutSession(session, ctx.now()));
        } catch (error) {
          return orderRefused(ctx, error) ?? ctx.fail(error);
        }
      });
    },
  },

  [routes.eligibleSolutions]: {
    method: 'POST',
    keepsNothing: true,
    async run(ctx) {
      const errors: FieldProblem[] = [];
      const ref = orderReference(ctx.body, errors);
      if (errors.length > 0) return validationProblem(errors);
      const resolved = await resolveOrder(ctx, ref);
      if (!resolved.ok) return resolved.response;
      const { request, key } = await purseRequest(ctx, {
        ...(ctx.checkout.entityId !== undefined && { entity_id: ctx.checkout.entityId }),
        ...purchaseOf(resolved.order),
      });
      try {
        const answer = await ctx.purse.getEligibleSolutions(request, key);
        return json(200, { eligible_solutions: answer.eligible_solutions.map((s) => ({ partner: s.partner, method: s.method })) });
      } catch (error) {
        return orderRefused(ctx, error) ?? ctx.fail(error);
      }
    },
  },
};
