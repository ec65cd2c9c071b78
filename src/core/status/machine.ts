// The payment status page as a pure reducer: which object to ask about next, what the answers so far mean, and the one
// phase the page shows. An event that changes nothing returns the SAME state (a late answer, a refresh while asking).
import { classifyPayment, classifyPaymentLink, classifySession, type StatusClassification } from './classify.ts';
import type { PurseKitError } from '../errors.ts';
import type { StatusSource } from './source.ts';
import type { StatusAnswer, StatusEvent, StatusState, StatusTarget } from './types.ts';

/** The error of a status page with nothing to show (no token in the URL, no id). */
export const MISSING_SOURCE: PurseKitError = {
  kind: 'config',
  message:
    'PaymentStatus found no purse-redirection-data in the URL and no token, paymentId, paymentLinkId or clientSessionId ' +
    'prop' +
    (process.env.NODE_ENV !== 'production'
      ? ': render it on the page Purse redirects to (shopper_redirection_url), or pass one of those props.'
      : '.'),
};

/** Identifies a source: the same key is the same payment. */
export function sourceKey(source: StatusSource): string {
  if (source.kind === 'none' || source.kind === 'unread') return source.kind;
  return `${source.kind}:${source.kind === 'token' ? source.token : source.id}`;
}

function firstTarget(source: StatusSource): StatusTarget | undefined {
  switch (source.kind) {
    case 'token':
      return { kind: 'verify', token: source.token };
    case 'unread':
    case 'none':
      return undefined;
    default:
      return { kind: source.kind, id: source.id };
  }
}

/** The initial state of a source; `cached` is an answer already known for its first target (no request then). */
export function initialStatusState(source: StatusSource, now: number, cached?: StatusAnswer): StatusState {
  return statusReducer(blank, { type: 'START', source, now, ...(cached && { cached }) });
}

const blank: StatusState = {
  phase: 'verifying',
  reason: undefined,
  error: undefined,
  source: { kind: 'unread' },
  target: undefined,
  verified: undefined,
  session: undefined,
  payment: undefined,
  link: undefined,
  request: undefined,
  requests: 0,
  startedAt: 0,
  timedOut: false,
};

const ask = (state: StatusState): StatusState => ({ ...state, request: state.requests + 1, requests: state.requests + 1 });

/** Takes an answer, and moves to what it points at next. */
function take(state: StatusState, answer: StatusAnswer): StatusState {
  switch (answer.kind) {
    case 'verify': {
      const verified = answer.data;
      const next = { ...state, verified };
      if (verified.payment_id) {
        // The verified redirect carries the payment as Purse reported it: no second request for it.
        const payment = verified.payment?.id === verified.payment_id ? verified.payment : undefined;
        const withPayment = { ...next, target: { kind: 'payment', id: verified.payment_id } as const, payment };
        return payment ? withPayment : ask(withPayment);
      }
      // No payment yet (session still open): follow the session until it names one. An aborted session is final.
      if (classifySession({ status: verified.client_session_status }).outcome === 'waiting') {
        return ask({ ...next, target: { kind: 'session', id: verified.client_session_id } });
      }
      return { ...next, target: undefined };
    }
    case 'session':
      // Once the session names its payment, the payment takes over.
      if (answer.data.payment_id) return ask({ ...state, session: answer.data, target: { kind: 'payment', id: answer.data.payment_id } });
      return { ...state, session: answer.data };
    case 'link':
      return { ...state, link: answer.data };
    case 'payment':
      return { ...state, payment: answer.data };
  }
}

function known(state: StatusState): boolean {
  switch (state.target?.kind) {
    case 'verify':
      return state.verified !== undefined;
    case 'link':
      return state.link !== undefined;
    case 'session':
      return state.session !== undefined;
    case 'payment':
      return state.payment !== undefined;
    default:
      return true;
  }
}

function classification(state: StatusState): StatusClassification | undefined {
  const { target, link, payment, session, verified } = state;
  switch (target?.kind) {
    case 'verify':
      return undefined;
    case 'link':
      return link && classifyPaymentLink(link);
    case 'session':
      return session && classifySession(session);
    case 'payment':
      // Only the payment (as Purse reports it) can say success or failure; while its first answer is on the way,
      // stay on what the session said rather than flash "verifying".
      if (payment) return classifyPayment(payment);
      return session && classifySession(session);
    default:
      return verified && classifySession({ status: verified.client_session_status });
  }
}

/** The one phase the page shows, from what is known. */
function settle(state: StatusState): StatusState {
  if (state.source.kind === 'none') return { ...state, phase: 'error', reason: undefined, error: MISSING_SOURCE };
  if (state.error) return { ...state, phase: 'error', reason: undefined };
  const found = classification(state);
  if (!found) return { ...state, phase: 'verifying', reason: undefined };
  const phase = found.outcome === 'waiting' && state.timedOut ? 'timed_out' : found.outcome;
  return { ...state, phase, reason: found.reason };
}

/** The status page: events in, state out; the same state object when the event changes nothing. */
export function statusReducer(state: StatusState, event: StatusEvent): StatusState {
  switch (event.type) {
    case 'START': {
      const target = firstTarget(event.source);
      const fresh: StatusState = { ...blank, requests: state.requests, source: event.source, target, startedAt: event.now };
      if (event.cached) return settle(take(fresh, event.cached));
      return settle(target ? ask(fresh) : fresh);
    }

    case 'ANSWERED':
      if (event.request !== state.request) return state;
      return settle(take({ ...state, request: undefined, error: undefined }, event.answer));

    case 'FAILED':
      if (event.request !== state.request) return state;
      // A failed poll after an answer changes nothing on screen: the next poll asks again.
      if (known(state)) return { ...state, request: undefined };
      return settle({ ...state, request: undefined, error: event.error });

    case 'POLL':
      if (state.phase !== 'waiting' || state.request !== undefined) return state;
      return ask(state);

    case 'TIMED_OUT':
      if (state.phase !== 'waiting') return state;
      return settle({ ...state, timedOut: true });

    case 'REFRESH':
      if (state.request !== undefined || !state.target) return state;
      return ask(state);
  }
}
