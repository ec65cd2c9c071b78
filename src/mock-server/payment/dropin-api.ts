// The private API the mock's drop-in scripts call from the storefront's page (another origin, hence CORS):
//   POST /dropin/api/session                  → what the form shows (amount, methods, expiry)
//   POST /dropin/api/sessions/{id}/payments   → pays with the card form, answers the signed redirect URL
// Both are authenticated by the session's `widget.data`, like Purse's drop-in. The session load, on the way to the
// drop-in's `ready`, sends it as a text/plain body: a CORS-safelisted request, one round trip without a preflight (a
// drop-in built for speed asks its API once; an Authorization header would add a preflight to every page load). The
// payment sends `Authorization: Widget <data>` (GET /dropin/api/session with that header is still answered).
import type { MockHandler, MockRoute } from '../shared/context.ts';
import { isRecord, json, problem, readJsonBody } from '../shared/http.ts';
import { browserOf, payWithCard, sessionAvailability } from './checkout.ts';
import type { SessionRecord, World } from './world.ts';

const DROPIN_API = '/dropin/api';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
  'cache-control': 'no-store',
};

function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const preflight: MockHandler = () => new Response(null, { status: 204, headers: CORS });

/** Status and code the scripts act on when the session cannot be paid. */
const CLOSED = {
  expired: [410, 'SESSION_EXPIRED', 'The payment session has expired.'],
  submitted: [409, 'SESSION_SUBMITTED', 'A payment was already submitted for this session.'],
  aborted: [409, 'SESSION_ABORTED', 'The payment session was cancelled.'],
  link_closed: [409, 'PAYMENT_LINK_CLOSED', 'The payment link is no longer payable.'],
} as const;

export function dropinApiRoutes(world: World): MockRoute[] {
  function authenticate(request: Request, instance: string, bodyToken?: string): SessionRecord | Response {
    const match = /^Widget\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    const token = match?.[1] ?? bodyToken?.trim();
    const id = token ? world.widgetTokens.get(token) : undefined;
    const session = id ? world.sessions.get(id) : undefined;
    if (session) return session;
    return problem({
      status: 401,
      title: 'Unauthorized',
      detail: 'Unknown widget data: pass the client session’s widget.data to the drop-in.',
      code: 'SESSION_INVALID',
      instance,
    });
  }

  const cors = (handler: MockHandler): MockHandler => async (request, call) => withCors(await handler(request, call));

  /** What the form shows, or the refusal. */
  function sessionView(session: SessionRecord | Response): Response {
    if (session instanceof Response) return session;
    const now = world.context.now();
    return json(200, {
      id: session.id,
      status: session.status,
      availability: sessionAvailability(world, session),
      amount: session.amount,
      currency: session.currency,
      expires_at: world.iso(session.expiresAt),
      // The page's clock may differ from the mock's (tests inject one): the script schedules by this.
      expires_in_ms: Math.max(0, session.expiresAt - now),
      now: world.iso(now),
      eligible_solutions: session.eligible,
      ...(session.customer?.locale && { locale: session.customer.locale }),
    });
  }

  return [
    { method: 'OPTIONS', path: `${DROPIN_API}/session`, auth: 'none', handler: preflight },
    { method: 'OPTIONS', path: `${DROPIN_API}/sessions/:id/payments`, auth: 'none', handler: preflight },
    { method: 'GET', path: `${DROPIN_API}/session`, auth: 'none', handler: cors((request, { url }) => sessionView(authenticate(request, url.pathname))) },
    {
      method: 'POST',
      path: `${DROPIN_API}/session`,
      auth: 'none',
      // The widget data is short: a bigger body is not one.
      handler: cors(async (request, { url }) => {
        const text = await request.text();
        return sessionView(authenticate(request, url.pathname, text.length <= 512 ? text : undefined));
      }),
    },
    {
      method: 'POST',
      path: `${DROPIN_API}/sessions/:id/payments`,
      auth: 'none',
      handler: cors(async (request, { url, params }) => {
        const instance = url.pathname;
        const session = authenticate(request, instance);
        if (session instanceof Response) return session;
        if (session.id !== params.id) {
          return problem({ status: 403, title: 'Forbidden', detail: 'This widget data belongs to another session.', code: 'SESSION_MISMATCH', instance });
        }
        const body = await readJsonBody(request, instance);
        if (!body.ok) return body.response;
        const result = await payWithCard(world, session, isRecord(body.value) ? body.value : {}, browserOf(request));
        if (result.ok) {
          return json(201, {
              payment_id: result.payment.id,
              authorization_status: result.payment.authorization.status,
              client_session_status: 'SUBMITTED',
              redirect_url: result.redirectUrl,
            }
          );
        }
        if (result.reason === 'invalid_card') {
          return problem({
            status: 400,
            title: 'Validation Error',
            detail: result.issues.map((issue) => issue.detail).join(' '),
            code: 'INVALID_CARD',
            instance,
            errors: result.issues,
          });
        }
        const [status, code, detail] = CLOSED[result.reason];
        return problem({ status, title: status === 410 ? 'Gone' : 'Conflict', detail, code, instance });
      }),
    },
  ];
}
