// Client sessions: POST /payment/v2/client-sessions, GET …/{id}, POST …/{id}/abort.
// Expiry is computed from `expires_at` and the clock; the status stays CREATED (Purse's statuses have no EXPIRED),
// the drop-in and the hosted page report the expiry.
import type { ClientSession, ClientSessionAbortStatus, IntegrationMode } from '../../core/wire/payment.ts';
import type { MockRoute } from '../shared/context.ts';
import { json, problem, readValidBody } from '../shared/http.ts';
import { randomToken, uuid } from '../shared/util.ts';
import { eligibleSolutions } from './eligibility.ts';
import { validateAbort, validateCreateSession } from './validation.ts';
import { API, purchaseFrom, scriptUrl, type Purchase, type SessionRecord, type World } from './world.ts';

export const isSessionExpired = (world: World, session: SessionRecord) => world.context.now() >= session.expiresAt;

const hostedPageUrl = (world: World, session: SessionRecord) =>
  `${world.context.baseUrl}/entities/${session.entityId}/sessions/${session.id}`;

/** Creates a session from validated fields (also used by payment links, which open HOSTED_PAGE sessions). */
export function createSession(
  world: World,
  purchase: Purchase & { shopperRedirectionUrl: string },
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

/** The session as the API returns it (shape of the samples). */
export function sessionToWire(world: World, s: SessionRecord): ClientSession {
  const self = `/v2/client-sessions/${s.id}`;
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
    shopper_redirection_url: s.shopperRedirectionUrl,
    ...(s.widget && { widget: s.widget }),
    ...(s.paymentId && { payment_id: s.paymentId }),
    eligible_solutions: s.eligible,
    links: {
      self: { href: self, method: 'GET' },
      ...(s.status === 'CREATED' && { abort: { href: `${self}/abort`, method: 'POST' } }),
      ...(s.paymentId && { payment: { href: `/v2/payments/${s.paymentId}`, method: 'GET' } }),
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
        const purchase = purchaseFrom(fields) as Purchase & { shopperRedirectionUrl: string };
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
        // Aborting twice the same way is a harmless retry; anything but CREATED is otherwise final.
        if (session.status !== 'CREATED' && session.status !== status) {
          return problem({
            status: 400,
            title: 'Bad Request',
            detail: `Client session status ${session.status} is incompatible with abort request.`,
            code: 'client_session_not_abortable',
            instance: url.pathname,
          });
        }
        session.status = status;
        return json(200, sessionToWire(world, session));
      },
    },
  ];
}
