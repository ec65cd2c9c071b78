// Paying a client session with the card form: shared by the drop-in scripts (through dropin-api.ts) and the hosted
// page. Creates the payment and its authorization, marks the session SUBMITTED, and builds the signed redirect.
import { REDIRECTION_PARAM, type BrowserInfo, type Payment } from '../../core/wire/payment.ts';
import type { FieldIssue } from '../shared/http.ts';
import { createPayment } from './payments.ts';
import { isSessionExpired } from './sessions.ts';
import { checkCardForm, type CardForm } from './test-cards.ts';
import type { SessionRecord, World } from './world.ts';

export type SessionAvailability = 'open' | 'expired' | 'submitted' | 'aborted' | 'link_closed';

/** Whether the shopper can still pay this session, and if not, why. */
export function sessionAvailability(world: World, session: SessionRecord): SessionAvailability {
  if (session.status === 'SUBMITTED') return 'submitted';
  if (session.status !== 'CREATED') return 'aborted';
  const link = session.paymentLinkId ? world.links.get(session.paymentLinkId) : undefined;
  if (link && (link.status === 'CANCELLED' || link.status === 'PAID' || world.context.now() >= link.expiresAt)) return 'link_closed';
  return isSessionExpired(world, session) ? 'expired' : 'open';
}

/** `url` with the redirect token appended as a query parameter (before any fragment). */
export function withRedirectToken(url: string, token: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}${REDIRECTION_PARAM}=${encodeURIComponent(token)}${fragment}`;
}

/** "First Last" of the session's customer, standing in for the card holder when the form does not ask. */
export function customerName({ customer }: Pick<SessionRecord, 'customer'>): string | undefined {
  const name = [customer?.first_name, customer?.last_name].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
  return name === '' ? undefined : name;
}

export type PayResult =
  | { ok: true; payment: Payment; redirectUrl: string }
  | { ok: false; reason: 'invalid_card'; issues: FieldIssue[] }
  | { ok: false; reason: Exclude<SessionAvailability, 'open'> };

/**
 * What a payment page learns of the shopper's browser from its request (the drop-in collects `browser` for the
 * partners, per the reference): the headers it sends, and that JavaScript runs.
 */
export function browserOf(request: Request): BrowserInfo {
  const header = (name: string) => request.headers.get(name)?.slice(0, 2048) || undefined;
  const locale = header('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  const fields: BrowserInfo = {
    user_agent: header('user-agent'),
    accept_header: header('accept'),
    referrer: header('referer'),
    locale: locale || undefined,
    javascript_enabled: true,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as BrowserInfo;
}

export async function payWithCard(world: World, session: SessionRecord, form: CardForm, browser?: BrowserInfo): Promise<PayResult> {
  const availability = sessionAvailability(world, session);
  if (availability !== 'open') return { ok: false, reason: availability };
  // Sessions opened for the shopper always have one; a server-to-server payment's session is SUBMITTED already.
  const returnUrl = session.shopperRedirectionUrl;
  if (returnUrl === undefined) return { ok: false, reason: 'submitted' };
  const checked = checkCardForm(form, world.context.now(), customerName(session));
  if (!checked.ok) return { ok: false, reason: 'invalid_card', issues: checked.issues };
  // Everything up to the session update runs without awaiting, so a double submit cannot pay twice.
  const record = createPayment(world, session, {
    parts: [{ partner: 'dalenys', method: 'creditcard', amount: session.amount, status: checked.status, card: checked.card }],
    sessionId: session.id,
    ...(session.paymentLinkId && { linkId: session.paymentLinkId }),
    ...(browser && { browser }),
  });
  session.status = 'SUBMITTED';
  session.paymentId = record.payment.id;
  return { ok: true, payment: structuredClone(record.payment), redirectUrl: await shopperRedirect(world, session, record.payment, returnUrl) };
}

/** `returnUrl` with a redirect token signed now: the session's and the payment's current status. */
export async function shopperRedirect(world: World, session: SessionRecord, payment: Payment, returnUrl: string): Promise<string> {
  const token = await world.signing.sign({
    client_session_id: session.id,
    payment_id: payment.id,
    authorization_status: payment.authorization.status,
    client_session_status: session.status,
  });
  return withRedirectToken(returnUrl, token);
}
