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
    process.env.NODE_ENV !== 'production'
      ? 'PaymentStatus found no purse-redirection-data in the URL and no token, paymentId, paymentLinkId or clientSessionId ' +
        'prop: render it on the page Purse redirects to (shopper_redirection_url), or pass one of those props.'
      : 'PaymentStatus: no purse-redirection-data, token or id.',
};

/** The token or id a source or a target names ('' for a source that names none yet). */
export const nameOf = (named: StatusSource | StatusTarget): string => ('token' in named ? named.token : 'id' in named ? named.id : '');

/** Identifies a source: the same key is the same payment. */
export function sourceKey(source: StatusSource): string {
  return `${source.kind}:${nameOf(source)}`;
}

/** The initial state of a source; `cached` is an answer already known for its first target (no request then). */
export function initialStatusState(source: StatusSource, now: number, cached?: StatusAnswer): StatusState {
  return statusReducer(blank, { type: 'START', source, now, ...(cached && { cached }) });
}

/** Before any source: verifying, nothing asked (the state of a source still `unread`). */
export const blank: StatusState = { phase: 'verifying', source: { kind: 'unread' }, requests: 0, startedAt: 0 };

const ask = (state: StatusState, target = state.target): StatusState => ({
  ...state,
  target,
  request: state.requests + 1,
  requests: state.requests + 1,
});

/** Takes an answer, and moves to what it points at next. */
function take(state: StatusState, answer: StatusAnswer): StatusState {
  if (answer.kind === 'verify') {
    const verified = answer.data;
    const id = verified.payment_id;
    const next = { ...state, verified, target: undefined };
    if (id) {
      // The verified redirect carries the payment as Purse reported it: no second request for it.
      const target: StatusTarget = { kind: 'payment', id };
      return verified.payment?.id === id ? { ...next, target, payment: verified.payment } : ask(next, target);
    }
    // No payment yet (session still open): follow the session until it names one. An aborted session is final.
    return classifySession({ status: verified.client_session_status }).outcome === 'waiting'
      ? ask(next, { kind: 'session', id: verified.client_session_id })
      : next;
  }
  // A link, a session or a payment is kept under its kind.
  const next = { ...state, [answer.kind]: answer.data };
  // Once the session names its payment, the payment takes over.
  return answer.kind === 'session' && answer.data.payment_id ? ask(next, { kind: 'payment', id: answer.data.payment_id }) : next;
}

function classification({ target, link, payment, session, verified, answeredAt }: StatusState): StatusClassification | undefined {
  const kind = target?.kind;
  if (kind === 'link') return link && classifyPaymentLink(link);
  // Only the payment (as Purse reports it) can say success or failure; while its first answer is on the way, stay on
  // what the session said rather than flash "verifying" (while the redirect is verified there is no session yet).
  if (kind === 'payment' && payment) return classifyPayment(payment);
  if (kind) return session && classifySession(session, answeredAt);
  return verified && classifySession({ status: verified.client_session_status });
}

/** The one phase the page shows, from what is known. */
function settle(state: StatusState): StatusState {
  const error = state.source.kind === 'none' ? MISSING_SOURCE : state.error;
  const found = error ? undefined : classification(state);
  const phase = error ? 'error' : !found ? 'verifying' : found.outcome === 'waiting' && state.timedOut ? 'timed_out' : found.outcome;
  return { ...state, phase, reason: found?.reason, error };
}

/** The status page: events in, state out; the same state object when the event changes nothing. */
export function statusReducer(state: StatusState, event: StatusEvent): StatusState {
  const idle = state.request === undefined;
  switch (event.type) {
    case 'START': {
      const { source } = event;
      const target: StatusTarget | undefined =
        source.kind === 'token' ? { kind: 'verify', token: source.token } : 'id' in source ? source : undefined;
      const fresh: StatusState = { ...blank, requests: state.requests, source, target, startedAt: event.now };
      return settle(event.cached ? take(fresh, event.cached) : target ? ask(fresh) : fresh);
    }
    case 'ANSWERED':
      if (event.request !== state.request) return state;
      return settle(
        take({ ...state, request: undefined, error: undefined, answeredAt: event.now, failures: undefined, retryAt: undefined }, event.answer),
      );
    case 'FAILED': {
      if (event.request !== state.request) return state;
      const { error, now } = event;
      const retryAt = error.kind === 'rate_limited' ? now + error.retryAfterMs : undefined;
      // A failed poll after an answer changes nothing on screen: the next poll asks again, later (schedule.ts). A
      // redirect is verified only until its answer comes (which names what to follow next): a verify target never has
      // one yet. A 404 (the payment is no longer this shopper's to see) is no passing failure: it is shown. Other 4xx (a
      // proxy's 408 or HTML 404 page has no problem code) may pass.
      const gone = error.kind === 'request' && error.status === 404 && error.code !== undefined;
      if (!gone && (!state.target || (state.target.kind !== 'verify' && state[state.target.kind] !== undefined))) {
        return { ...state, request: undefined, failures: (state.failures ?? 0) + 1, retryAt };
      }
      return settle({ ...state, request: undefined, error, retryAt });
    }
    case 'POLL':
      return state.phase === 'waiting' && idle ? ask(state) : state;
    case 'TIMED_OUT':
      return state.phase === 'waiting' ? settle({ ...state, timedOut: true }) : state;
    case 'REFRESH':
      return idle && state.target ? ask(state) : state;
  }
}
