// The Payment API v2 half of the mock: client sessions, payments, payment links, eligible solutions, signing JWKS,
// both drop-in scripts with their private API, the hosted page, and the test-mode controls over them.
import type { DropinGeneration } from '../../core/dropin/types.ts';
import type { Payment } from '../../core/wire/payment.ts';
import type { MockContext, MockRoute } from '../shared/context.ts';
import { json, readValidBody } from '../shared/http.ts';
import { controlRoutes, type PaymentModule } from './control-routes.ts';
import { dropinApiRoutes } from './dropin-api.ts';
import { eligibleSolutions } from './eligibility.ts';
import { hostedPageRoutes } from './hosted-page.ts';
import { canonicalJson } from './idempotency.ts';
import { linkRoutes, linkToWire } from './links.ts';
import { paymentRoutes, paymentToWire } from './payment-routes.ts';
import { settle, settleDue } from './payments.ts';
import { scriptRoutes } from './scripts/index.ts';
import { sessionRoutes, sessionToWire } from './sessions.ts';
import { validateEligibility } from './validation.ts';
import { API, createWorld, resetWorld, SCRIPT_PATHS, type World } from './world.ts';

export const isDropinGeneration = (value: unknown): value is DropinGeneration =>
  typeof value === 'string' && Object.keys(SCRIPT_PATHS).includes(value);

function miscRoutes(world: World): MockRoute[] {
  return [
    {
      method: 'POST',
      path: `${API}/eligible-solutions`,
      async handler(request, { url }) {
        const body = await readValidBody<{ amount: number; currency: Payment['currency'] }>(request, url.pathname, validateEligibility);
        if (!body.ok) return body.response;
        const { amount, currency } = body.value;
        return json(200, { amount, currency, eligible_solutions: eligibleSolutions(amount, currency) });
      },
    },
    {
      method: 'GET',
      path: `${API}/signing-jwks`,
      // The reference's only `api_key`-only endpoint: no OAuth2 token needed, the merchant's API key is.
      auth: 'api_key',
      handler: async () => json(200, await world.signing.jwks(), { 'cache-control': 'no-cache' }),
    },
  ];
}

export function createPaymentModule(context: MockContext): PaymentModule {
  const world = createWorld(context);
  // Pending authorizations settle by the clock, checked on every request: no timers to leak or to fake.
  const lazily = (route: MockRoute): MockRoute => ({
    ...route,
    handler: (request, call) => {
      settleDue(world);
      return route.handler(request, call);
    },
  });
  // Every Payment API POST honours Idempotency-Key: the same key and body replay the first success, another body is
  // a 409 (the samples' "Idempotency violation"), a duplicate arriving mid-flight waits for the first.
  const idempotent = (route: MockRoute): MockRoute =>
    route.method !== 'POST' || !route.path.startsWith(`${API}/`)
      ? route
      : {
          ...route,
          async handler(request, call) {
            const key = request.headers.get('idempotency-key');
            if (!key) return route.handler(request, call);
            const text = await request.clone().text();
            let body: unknown = text;
            try {
              body = text.trim() === '' ? {} : JSON.parse(text);
            } catch {
              // Not JSON: fingerprinted as text, and the route answers its 400.
            }
            const instance = call.url.pathname;
            return world.idempotency.run(key, `POST ${instance} ${canonicalJson(body)}`, instance, async () => route.handler(request, call));
          },
        };
  const routes = [
    ...sessionRoutes(world),
    ...paymentRoutes(world),
    ...linkRoutes(world),
    ...miscRoutes(world),
    ...scriptRoutes(world),
    ...dropinApiRoutes(world),
    ...hostedPageRoutes(world),
  ].map((route) => lazily(idempotent(route)));

  const module: Omit<PaymentModule, 'controlRoutes'> = {
    routes,
    sessions: () => [...world.sessions.values()].map((s) => sessionToWire(world, s)),
    payments() {
      settleDue(world);
      return [...world.payments.values()].map((r) => paymentToWire(r.payment));
    },
    paymentLinks: () => [...world.links.values()].map((l) => linkToWire(world, l)),
    webhooks: () => world.webhooks.list(),
    webhooksSettled: () => world.webhooks.settled(),
    setDropinGeneration(generation) {
      if (!isDropinGeneration(generation)) {
        throw new Error(`setDropinGeneration: expected 'dropin-checkout' or 'widget-v3', got ${JSON.stringify(generation)}.`);
      }
      world.generation = generation;
    },
    rotateSigningKey: () => world.signing.rotate(),
    settle(id, status) {
      settleDue(world);
      const record = world.payments.get(id);
      if (!record) return { ok: false, reason: 'not_found' };
      if (record.payment.authorization.status !== 'PENDING') return { ok: false, reason: 'not_pending' };
      settle(world, record, status);
      return { ok: true, payment: paymentToWire(record.payment) };
    },
    expireSession(id) {
      const session = world.sessions.get(id);
      if (!session) return undefined;
      session.expiresAt = Math.min(session.expiresAt, context.now());
      return sessionToWire(world, session);
    },
    expirePaymentLink(id) {
      const link = world.links.get(id);
      if (!link) return undefined;
      link.expiresAt = Math.min(link.expiresAt, context.now());
      return linkToWire(world, link);
    },
    reset: () => resetWorld(world),
    snapshot() {
      return {
        sessions: module.sessions(),
        payments: module.payments(),
        paymentLinks: module.paymentLinks(),
        webhooks: module.webhooks(),
        dropinGeneration: world.generation,
      };
    },
  };
  return { ...module, controlRoutes: controlRoutes(module) };
}
