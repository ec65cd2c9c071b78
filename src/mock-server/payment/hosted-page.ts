// The hosted page of HOSTED_PAGE sessions (links.hosted_page = {baseUrl}/entities/{entity}/sessions/{id}): the same
// card form and outcomes as the drop-in, without JavaScript. The form POSTs to …/pay, which answers 303 to
// shopper_redirection_url?purse-redirection-data=<JWS>, or the form again with its errors.
import type { MockRoute } from '../shared/context.ts';
import { payWithCard, sessionAvailability, type SessionAvailability } from './checkout.ts';
import { cardPage, noticePage, type CardPageInput } from './html.ts';
import type { SessionRecord, World } from './world.ts';

const CLOSED_PAGES: Record<Exclude<SessionAvailability, 'open'>, [number, string, string]> = {
  expired: [410, 'Session expired', 'This payment session has expired. Return to the shop to start again.'],
  submitted: [409, 'Payment already submitted', 'A payment was already submitted for this session.'],
  aborted: [410, 'Payment cancelled', 'This payment was cancelled.'],
  link_closed: [410, 'Payment link closed', 'This payment link can no longer be paid.'],
};

const sessionNotFoundPage = () => noticePage(404, 'Payment not found', 'This payment page does not exist.');

const sessionPayPath = (session: SessionRecord) => `/entities/${session.entityId}/sessions/${session.id}/pay`;

/** The card form of a session; after a refused attempt, with what was typed and why it was refused. */
const sessionCardPage = (session: SessionRecord, attempt?: Pick<CardPageInput, 'values' | 'issues'>) =>
  cardPage({
    amount: session.amount,
    currency: session.currency,
    orderReference: session.order.reference,
    eligible: session.eligible,
    action: sessionPayPath(session),
    ...attempt,
  });

/** The form for a payable session, or the page saying why it is not. */
export function sessionPage(world: World, session: SessionRecord): Response {
  const availability = sessionAvailability(world, session);
  if (availability !== 'open') return noticePage(...CLOSED_PAGES[availability]);
  return sessionCardPage(session);
}

export function hostedPageRoutes(world: World): MockRoute[] {
  /** Hosted page sessions only; an EMBEDDED session has no page, like an unknown id. */
  const find = (entity: string | undefined, id: string | undefined) => {
    const session = id ? world.sessions.get(id) : undefined;
    return session && session.entityId === entity && session.integrationMode === 'HOSTED_PAGE' ? session : undefined;
  };

  return [
    {
      method: 'GET',
      path: '/entities/:entity/sessions/:id',
      auth: 'none',
      handler(_request, { params }) {
        const session = find(params.entity, params.id);
        return session ? sessionPage(world, session) : sessionNotFoundPage();
      },
    },
    {
      method: 'POST',
      path: '/entities/:entity/sessions/:id/pay',
      auth: 'none',
      async handler(request, { params }) {
        const session = find(params.entity, params.id);
        if (!session) return sessionNotFoundPage();
        const form = new URLSearchParams(await request.text());
        const values = { card_number: form.get('card_number') ?? '', expiry: form.get('expiry') ?? '', cvc: form.get('cvc') ?? '' };
        const result = await payWithCard(world, session, values);
        if (result.ok) return new Response(null, { status: 303, headers: { location: result.redirectUrl, 'cache-control': 'no-store' } });
        if (result.reason !== 'invalid_card') return noticePage(...CLOSED_PAGES[result.reason]);
        return sessionCardPage(session, { values, issues: result.issues });
      },
    },
  ];
}
