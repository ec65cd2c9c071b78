// Client sessions: POST /payment/v2/client-sessions, GET …/{id}, POST …/{id}/abort.
// Expiry is computed from `expires_at` and the clock; the status stays CREATED (Purse's statuses have no EXPIRED),
// the drop-in and the hosted page report the expiry. Links follow the samples: `self` at creation, `abort` and `payment`
// once SUBMITTED, `self` alone once aborted (the abort sample keeps `payment_id` but no payment link).
import type { ClientSession, ClientSessionAbortStatus, IntegrationMode } from '../../core/wire/payment.ts';
import type { MockRoute } from '../shared/context.ts';
import { json, problem, readValidBody } from '../shared/http.ts';
import { randomToken, uuid } from '../shared/util.ts';
import { eligibleSolutions } from './eligibility.ts';
import { validateAbort, validateCreateSession } from './validation.ts';
import { API, purchaseFrom, scriptUrl, type Purchase, type SessionRecord, type World } from './world.ts';

export const isSessionExpired = (world: World, session: SessionRecord) => world.context.now() >= session.expiresAt;

export const hostedPageUrl = (world: World, session: SessionRecord) =>
  `${world.context.baseUrl}/entities/${session.entityId}/sessions/${session.id}`;

/**
 * Creates a session from validated fields (also used by payment links, which open HOSTED_PAGE sessions, and by
 * server-to-server payments, whose session carries their `client_session_id`).
 */
export function createSession(
  world: World,
  purchase: Purchase,
  integrationMode: IntegrationMode,
  paymentLinkId?: string,
): SessionRecord {
  const now = world.context.now();
  const record: SessionRecord = {
    ...purchase,
    id: uuid(),
    status: 'CREATED',
    integrationMode,
    createdAt: now,
    expiresAt: now + world.context.options.sessionTtlMs,
    eligible: eligibleSolutions(purchase.amount, purchase.currency),
    ...(paymentLinkId !== undefined && { paymentLinkId }),
  };
  if (integrationMode === 'EMBEDDED') {
    record.widget = { data: randomToken(24), js_url: scriptUrl(world, world.generation) };
    world.widgetTokens.set(record.widget.data, record.id);
  }
  world.sessions.set(record.id, record);
  return record;
}

/**
 * Why an abort is refused, or undefined. CREATED sessions abort; a SUBMITTED one only while its payment holds no
 * money (refused, error, aborted): an authorized or pending payment must be voided, so that an aborted session never
 * hides money taken from the shopper. Repeating the same abort is a harmless retry.
 */
export function abortRefusal(world: World, s: SessionRecord, status?: ClientSessionAbortStatus): string | undefined {
  if (status !== undefined && s.status === status) return undefined;
  if (s.status === 'CREATED') return undefined;
  if (s.status === 'SUBMITTED') {
    const payment = s.paymentId ? world.payments.get(s.paymentId)?.payment : undefined;
    const held = payment?.authorization.status;
    if (held !== 'AUTHORIZED' && held !== 'PENDING') return undefined;
    return `Client session status SUBMITTED is incompatible with abort request: its payment is ${held}; void the payment instead.`;
  }
  return `Client session status ${s.status} is incompatible with abort request.`;
}

/** The session as the API returns it (shape of the samples). */
export function sessionToWire(world: World, s: SessionRecord): ClientSession {
  const self = `/v2/client-sessions/${s.id}`;
  const submitted = s.status === 'SUBMITTED';
  return structuredClone({
    id: s.id,
    status: s.status,
    amount: s.amount,
    currency: s.currency,
    entity_id: s.entityId,
    capture_mode: s.captureMode,
    integration_mode: s.integrationMode,
    allow_future_usage: s.allowFutureUsage,
    order: s.order,
    ...(s.customer && { customer: s.customer }),
    expires_at: world.iso(s.expiresAt),
    ...(s.shopperRedirectionUrl !== undefined && { shopper_redirection_url: s.shopperRedirectionUrl }),
    ...(s.widget && { widget: s.widget }),
    ...(s.paymentId && { payment_id: s.paymentId }),
    eligible_solutions: s.eligible,
    links: {
      self: { href: self, method: 'GET' },
      ...(submitted && !abortRefusal(world, s) && { abort: { href: `${self}/abort`, method: 'POST' } }),
      ...(submitted && s.paymentId && { payment: { href: `/v2/payments/${s.paymentId}`, method: 'GET' } }),
      ...(s.integrationMode === 'HOSTED_PAGE' && { hosted_page: { href: hostedPageUrl(world, s), method: 'GET' } }),
    },
  });
}

const notFound = (instance: string) =>
  problem({ status: 404, title: 'Not Found', detail: 'Client session not found.', code: 'client_session_not_found', instance });

export function sessionRoutes(world: World): MockRoute[] {
  return [
    {
      method: 'POST',
      path: `${API}/client-sessions`,
      async handler(request, { url }) {
        const body = await readValidBody<Record<string, unknown>>(request, url.pathname, validateCreateSession);
        if (!body.ok) return body.response;
        const fields = body.value;
        const purchase = purchaseFrom(fields);
        const mode = (fields.integration_mode as IntegrationMode | undefined) ?? 'EMBEDDED';
        return json(201, sessionToWire(world, createSession(world, purchase, mode)));
      },
    },
    {
      method: 'GET',
      path: `${API}/client-sessions/:id`,
      handler(_request, { url, params }) {
        const session = world.sessions.get(params.id!);
        return session ? json(200, sessionToWire(world, session)) : notFound(url.pathname);
      },
    },
    {
      method: 'POST',
      path: `${API}/client-sessions/:id/abort`,
      async handler(request, { url, params }) {
        const session = world.sessions.get(params.id!);
        if (!session) return notFound(url.pathname);
        const body = await readValidBody<{ status: ClientSessionAbortStatus }>(request, url.pathname, validateAbort);
        if (!body.ok) return body.response;
        const { status } = body.value;
        const refusal = abortRefusal(world, session, status);
        if (refusal) {
          return problem({ status: 400, title: 'Bad Request', detail: refusal, code: 'client_session_not_abortable', instance: url.pathname });
        }
        session.status = status;
        return json(200, sessionToWire(world, session));
      },
    },
  ];
}
