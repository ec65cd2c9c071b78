// The hosted page of HOSTED_PAGE sessions (links.hosted_page = {baseUrl}/entities/{entity}/sessions/{id}): the same
// card form and outcomes as the drop-in, without JavaScript. The form POSTs to …/pay, which answers 303 to
// shopper_redirection_url?purse-redirection-data=<JWS>, or the form again with its errors.
import type { MockRoute } from '../shared/context.ts';
import { payWithCard, sessionAvailability, shopperRedirect, type SessionAvailability } from './checkout.ts';
import { cardPage, noticePage, type CardPageInput } from './html.ts';
import { mockLang, type MockLang } from './texts/index.ts';
import type { SessionRecord, World } from './world.ts';

const CLOSED_STATUS: Record<Exclude<SessionAvailability, 'open'>, number> = { expired: 410, submitted: 409, aborted: 410, link_closed: 410 };

/** The page's language: the session's customer.locale, else the browser's. */
export const pageLang = (request: Request, session?: SessionRecord): MockLang =>
  mockLang(session?.customer?.locale, request.headers.get('accept-language'));


const sessionPayPath = (session: SessionRecord) => `/entities/${session.entityId}/sessions/${session.id}/pay`;

/**
 * Where a shopper who paid goes back to: the redirect they got after paying, with a token signed now (the payment's
 * current status), as a real hosted page sends a shopper who comes back to it after paying.
 */
async function resultUrl(world: World, session: SessionRecord): Promise<string | undefined> {
  const record = session.paymentId ? world.payments.get(session.paymentId) : undefined;
  if (!record || !session.shopperRedirectionUrl) return undefined;
  return shopperRedirect(world, session, record.payment, session.shopperRedirectionUrl);
}

/**
 * "Return to the shop": the payment's result when there is one, else the shop's home (its redirection URL's origin);
 * none for a session without a redirection URL.
 */
async function backToShop(world: World, session: SessionRecord): Promise<string | undefined> {
  const home = session.shopperRedirectionUrl ? `${new URL(session.shopperRedirectionUrl).origin}/` : undefined;
  return (await resultUrl(world, session)) ?? home;
}

async function closedPage(world: World, session: SessionRecord, availability: Exclude<SessionAvailability, 'open'>, lang: MockLang) {
  return noticePage(CLOSED_STATUS[availability], lang, availability, await backToShop(world, session));
}

/** The card form of a session; after a refused attempt, with what was typed and why it was refused. */
const sessionCardPage = (session: SessionRecord, lang: MockLang, attempt?: Pick<CardPageInput, 'values' | 'issues'>) =>
  cardPage({
    amount: session.amount,
    currency: session.currency,
    orderReference: session.order.reference,
    eligible: session.eligible,
    action: sessionPayPath(session),
    lang,
    ...attempt,
  });

/** The form for a payable session, or the page saying why it is not. */
export async function sessionPage(world: World, session: SessionRecord, request: Request): Promise<Response> {
  const availability = sessionAvailability(world, session);
  const lang = pageLang(request, session);
  if (availability !== 'open') return closedPage(world, session, availability, lang);
  return sessionCardPage(session, lang);
}

const redirect = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

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
      handler(request, { params }) {
        const session = find(params.entity, params.id);
        return session ? sessionPage(world, session, request) : noticePage(404, pageLang(request), 'not_found');
      },
    },
    {
      method: 'POST',
      path: '/entities/:entity/sessions/:id/pay',
      auth: 'none',
      async handler(request, { params }) {
        const session = find(params.entity, params.id);
        if (!session) return noticePage(404, pageLang(request), 'not_found');
        const form = new URLSearchParams(await request.text());
        const values = { card_number: form.get('card_number') ?? '', expiry: form.get('expiry') ?? '', cvc: form.get('cvc') ?? '' };
        const result = await payWithCard(world, session, values);
        if (result.ok) return redirect(result.redirectUrl);
        const lang = pageLang(request, session);
        if (result.reason === 'invalid_card') return sessionCardPage(session, lang, { values, issues: result.issues });
        // The same form posted again (a double submit without JavaScript, back and resubmit): the shopper paid
        // already, so they go where the first submission sent them. Nothing is paid twice.
        const paid = result.reason === 'submitted' ? await resultUrl(world, session) : undefined;
        return paid ? redirect(paid) : closedPage(world, session, result.reason, lang);
      },
    },
  ];
}
