// Payment links: POST /payment/v2/payment-links, GET …/{id}, POST …/{id}/cancel, and the shopper's page at
// links.customer_url ({baseUrl}/payment-link/{id}). Lifecycle: CREATED → OPENED after an attempt that was not
// authorized → PAID once a payment is authorized; CANCELLED by the merchant. Past expires_at, a link that was neither
// paid nor cancelled reads as EXPIRED (computed on every read; nothing is stored). As in the samples, `links.cancel` is
// there in every state (cancelling a paid or cancelled link answers 400), and the attempts are listed both as
// `payments` (the samples) and `payment_attempts` (the reference's Get sample).
import type { PaymentLink } from '../../core/wire/payment.ts';
import type { MockRoute } from '../shared/context.ts';
import { json, problem, readValidBody } from '../shared/http.ts';
import { uuid } from '../shared/util.ts';
import { sessionAvailability } from './checkout.ts';
import { noticePage } from './html.ts';
import { mockLang } from './texts/index.ts';
import { sessionPage } from './hosted-page.ts';
import { createSession } from './sessions.ts';
import { validateCreatePaymentLink } from './validation.ts';
import { API, purchaseFrom, purchaseOf, type LinkRecord, type World } from './world.ts';

const linkStatus = (world: World, link: LinkRecord): PaymentLink['status'] =>
  (link.status === 'CREATED' || link.status === 'OPENED') && world.context.now() >= link.expiresAt ? 'EXPIRED' : link.status;

export function linkToWire(world: World, link: LinkRecord): PaymentLink {
  const self = `${world.context.baseUrl}${API}/payment-links/${link.id}`;
  const status = linkStatus(world, link);
  const payments = link.paymentIds.map((id) => ({ id, authorization_status: world.payments.get(id)!.payment.authorization.status }));
  return structuredClone({
    id: link.id,
    version: link.version,
    entity_id: link.entityId,
    status,
    amount: link.amount,
    currency: link.currency,
    shopper_redirection_url: link.shopperRedirectionUrl,
    capture_mode: link.captureMode,
    expires_at: world.iso(link.expiresAt),
    links: {
      self: { href: self, method: 'GET' },
      customer_url: { href: `${world.context.baseUrl}/payment-link/${link.id}`, method: 'GET' },
      cancel: { href: `${self}/cancel`, method: 'POST' },
    },
    ...(link.customer && { customer: link.customer }),
    order: link.order,
    allow_future_usage: link.allowFutureUsage,
    payments,
    payment_attempts: payments,
    client_sessions: link.sessionIds.map((id) => ({ id, status: world.sessions.get(id)!.status })),
  });
}

const notFound = (instance: string) =>
  problem({ status: 404, title: 'Not Found', detail: 'Payment link not found.', code: 'payment_link_not_found', instance });

/** The shopper's page: a session of the link (the open one, or a new one) and its card form, or why it cannot be paid. */
function customerPage(world: World, link: LinkRecord, request: Request): Response | Promise<Response> {
  const status = linkStatus(world, link);
  const lang = mockLang(link.customer?.locale, request.headers.get('accept-language'));
  if (status === 'CANCELLED') return noticePage(410, lang, 'link_cancelled');
  if (status === 'EXPIRED') return noticePage(410, lang, 'link_expired');
  if (status === 'PAID') return noticePage(200, lang, 'link_paid');
  const pending = link.paymentIds.some((id) => world.payments.get(id)?.payment.authorization.status === 'PENDING');
  if (pending) return noticePage(200, lang, 'link_pending');
  let session = link.sessionIds
    .map((id) => world.sessions.get(id)!)
    .reverse()
    .find((s) => sessionAvailability(world, s) === 'open');
  if (!session) {
    session = createSession(world, purchaseOf(link), 'HOSTED_PAGE', link.id);
    link.sessionIds.push(session.id);
  }
  return sessionPage(world, session, request);
}

export function linkRoutes(world: World): MockRoute[] {
  return [
    {
      method: 'POST',
      path: `${API}/payment-links`,
      async handler(request, { url }) {
        const body = await readValidBody<Record<string, unknown>>(request, url.pathname, (value) =>
          validateCreatePaymentLink(value, world.context.now()),
        );
        if (!body.ok) return body.response;
        const fields = body.value;
        const link: LinkRecord = {
          ...(purchaseFrom(fields) as ReturnType<typeof purchaseFrom> & { shopperRedirectionUrl: string }),
          id: uuid(),
          version: 1,
          status: 'CREATED',
          expiresAt: Date.parse(fields.expires_at as string),
          sessionIds: [],
          paymentIds: [],
        };
        world.links.set(link.id, link);
        return json(201, linkToWire(world, link));
      },
    },
    {
      method: 'GET',
      path: `${API}/payment-links/:id`,
      handler(_request, { url, params }) {
        const link = world.links.get(params.id!);
        return link ? json(200, linkToWire(world, link)) : notFound(url.pathname);
      },
    },
    {
      method: 'POST',
      path: `${API}/payment-links/:id/cancel`,
      handler(_request, { url, params }) {
        const link = world.links.get(params.id!);
        if (!link) return notFound(url.pathname);
        const status = linkStatus(world, link);
        if (status !== 'CREATED' && status !== 'OPENED') {
          return problem({
            status: 400,
            title: 'Bad Request',
            detail: `Payment link cannot be cancelled: it is ${status}.`,
            code: 'payment_link_not_cancellable',
            instance: url.pathname,
          });
        }
        link.status = 'CANCELLED';
        link.version++;
        // Its open sessions can no longer be paid.
        for (const id of link.sessionIds) {
          const session = world.sessions.get(id)!;
          if (session.status === 'CREATED') session.status = 'ABORTED_BY_MERCHANT';
        }
        return json(200, linkToWire(world, link));
      },
    },
    {
      method: 'GET',
      path: '/payment-link/:id',
      auth: 'none',
      handler(request, { params }) {
        const link = world.links.get(params.id!);
        return link ? customerPage(world, link, request) : noticePage(404, mockLang(request.headers.get('accept-language')), 'link_not_found');
      },
    },
  ];
}
