// Turns a failed Purse call into the answer the browser gets: Purse's refusals passed on in a stable shape, failures
// of the merchant's own setup or of the link to Purse worded for the merchant's developer.
import type { ProblemDetails } from '../../core/wire/xco.ts';
import { problem } from './http.ts';
import type { HandlerLogger } from './options.ts';
import { isPurseApiError } from '../purse/error.ts';
import { isStoreError } from './store.ts';
import { keyReused } from './idempotency.ts';
import { IntentKeyReusedError } from './intent.ts';

export interface FailureContext {
  route: string;
  logger: HandlerLogger;
  /** Rewrites Purse's pointers into the browser request's shape (e.g. "/email" → "/identifier/email"). */
  mapPointer?: (pointer: string) => string;
}

/** Members of Purse's problem that are not passed on: `instance` names Purse's internal path (and merchant id). */
const DROPPED = new Set(['instance', 'status', 'errors']);

function passOn(status: number, source: ProblemDetails | undefined, mapPointer: (p: string) => string): ProblemDetails & { title: string } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source ?? {})) {
    if (DROPPED.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  if (Array.isArray(source?.errors)) {
    out.errors = source.errors
      .filter((e): e is { detail: string; pointer: string } => typeof e?.pointer === 'string')
      .map((e) => ({ pointer: mapPointer(e.pointer), detail: typeof e.detail === 'string' ? e.detail : 'Invalid value.' }));
  }
  if (typeof out.title !== 'string') out.title = status === 429 ? 'Too Many Requests' : `Purse refused the request (${status})`;
  return out as ProblemDetails & { title: string };
}

export function failureResponse(error: unknown, context: FailureContext): Response {
  const { logger, route } = context;
  if (isStoreError(error)) {
    // Fail closed: the request is refused, never let through without its record.
    logger.error(`purse-react-kit: the ${error.store} store failed on ${route}`, { kind: error.kind, message: error.message });
    return problem(
      503,
      error.kind === 'full'
        ? { title: 'Store full', detail: `The merchant server's ${error.store} store has no room for this request. Try again later.`, code: 'store_full' }
        : { title: 'Store unavailable', detail: `The merchant server's ${error.store} store did not answer. Try again later.`, code: 'store_unavailable' },
      { 'retry-after': '5' },
    );
  }
  if (error instanceof IntentKeyReusedError) return keyReused();
  if (!isPurseApiError(error)) {
    logger.error(`purse-react-kit: ${route} failed`, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return problem(500, { title: 'Internal Server Error', detail: 'The merchant server failed to handle the request.', code: 'internal_error' });
  }

  if (error.kind === 'auth' || error.status === 401 || error.status === 403) {
    // Status 0: a credential the call needs is not configured (the API key), so Purse was not asked.
    const unasked = error.status === 0;
    logger.error(`purse-react-kit: ${unasked ? 'a Purse credential is not configured' : 'Purse rejected the merchant credentials'} on ${route}`, {
      status: error.status,
      title: error.problem?.title,
      detail: error.problem?.detail,
      code: error.problem?.code ?? error.problem?.error,
      message: error.message,
    });
    return problem(502, {
      title: unasked ? 'The merchant server lacks a Purse credential' : 'Purse rejected the merchant credentials',
      detail:
        (unasked ? `Purse was not called: ${error.message}` : `Purse answered ${error.status} to the merchant server.`) +
        ' Check the Purse client id and secret, API key (PURSE_API_KEY), merchant id, scope and API URLs configured in ' +
        'createMerchantHandler; the server log has the details.',
      code: 'purse_credentials_rejected',
    });
  }
  if (error.kind === 'network') {
    logger.error(`purse-react-kit: Purse unreachable on ${route}`, { message: error.message });
    return problem(502, { title: 'Purse is unreachable', detail: 'The merchant server could not reach Purse. Try again.', code: 'purse_unreachable' });
  }
  if (error.kind === 'timeout') {
    logger.error(`purse-react-kit: Purse timed out on ${route}`, { message: error.message });
    return problem(504, { title: 'Purse did not answer in time', detail: 'Purse did not answer the merchant server in time. Try again.', code: 'purse_timeout' });
  }
  if (error.kind === 'conflict') {
    // The handler sends Purse an intent's very first request under the intent's own key (intent.ts), so Purse's 409
    // means that first request is still running: not an answer to keep (a 409 would be replayed to every retry for a
    // day), but one to retry, like a 503 — and the retry gets what Purse did.
    logger.warn(`purse-react-kit: Purse is still processing an earlier attempt on ${route}`, { status: error.status, code: error.problem?.code });
    return problem(
      503,
      { title: 'Purse is still processing this request', detail: 'Purse is still processing an earlier attempt of this request. Try again.', code: 'purse_in_progress' },
      { 'retry-after': '1' },
    );
  }
  if (error.kind === 'invalid_response') {
    // The fix (a URL to check) in the line itself: a logger that drops `details` (pino's calls take them first) keeps it.
    logger.error(`purse-react-kit: unexpected answer from Purse on ${route}: ${error.message}`, { status: error.status, message: error.message });
    return problem(502, {
      title: 'Unexpected answer from Purse',
      detail: "Purse's answer is not one its API documents (a wrong Purse API URL?); the merchant server's log says which.",
      code: 'purse_invalid_response',
    });
  }

  // Purse refused the request itself: pass its status and problem on, with Retry-After when there is one.
  // Other 4xx are the shopper's doing (a wrong code, a taken email) and not worth a log line.
  if (error.status >= 500 || error.status === 429) {
    logger[error.status === 429 ? 'warn' : 'error'](`purse-react-kit: Purse answered ${error.status} on ${route}`, {
      status: error.status,
      title: error.problem?.title,
      code: error.problem?.code,
    });
  }
  const headers: Record<string, string> = {};
  if (error.retryAfter !== undefined) headers['retry-after'] = error.retryAfter;
  return problem(error.status, passOn(error.status, error.problem, context.mapPointer ?? ((p) => p)), headers);
}
