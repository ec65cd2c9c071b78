// One mapping from HTTP outcomes (status, headers, problem+json body) to `PurseKitError`. Messages are English and
// written for the merchant's developer; views translate by `kind` before anything reaches a shopper. The "how to fix it" part
// of a message is for development builds only: production bundles drop it (process.env.NODE_ENV, as React's checks).
// `request` downloads this module apart, when the first answer that is not ok arrives (see request.ts).
import type { FieldErrors, PurseKitError } from '../errors.ts';
import type { ProblemDetails } from '../wire/xco.ts';

/** Used for `rate_limited.retryAfterMs` when a 429 carries no usable `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;

/** The parts of a `Response` the mapping reads; a real `Response` fits. */
export interface ResponseLike {
  /** The HTTP status. */
  status: number;
  /** Only `Retry-After` and `Date` are read. */
  headers: { get(name: string): string | null };
}

/** How HTTP outcomes are mapped to `PurseKitError`. */
export interface MappingOptions {
  /**
   * Clock for `Retry-After` given as an HTTP-date.
   * @defaultValue `Date.now`
   */
  now?: () => number;
  /**
   * `retryAfterMs` when a rate limit names no delay.
   * @defaultValue `DEFAULT_RETRY_AFTER_MS`
   */
  defaultRetryAfterMs?: number;
}

/** Marks a body that was present but could not be parsed (truncated JSON, HTML from a proxy claiming JSON, …). */
export const MALFORMED_BODY: unique symbol = Symbol('purse-kit.malformed-body');

/**
 * `Retry-After` (RFC 9110: delta-seconds or an HTTP-date) in milliseconds, or `undefined` when absent or unreadable.
 * A date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: () => number = Date.now): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept things that look like a date: Date.parse is lenient enough to read "5" or "1.5" as years.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now());
}

/**
 * The answer's `Retry-After` in ms. A date is the server's: measured against the answer's own `Date` when it can be read,
 * not the shopper's clock, which may be hours off (a 30 s wait would last hours, or none at all).
 */
function retryAfterOf(response: ResponseLike, now?: () => number): number | undefined {
  const sent = Date.parse(response.headers.get('Date') ?? '');
  return parseRetryAfter(response.headers.get('Retry-After'), sent ? () => sent : now);
}

/** JSON pointer → field path: "/user/email" → "user.email"; "~1" and "~0" unescaped; a leading "#" tolerated. */
export function pointerToField(pointer: string): string {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as problem details when it is an object, otherwise `undefined`. */
function asProblem(body: unknown): ProblemDetails | undefined {
  return isRecord(body) ? (body as ProblemDetails) : undefined;
}

function fieldErrors(problem: ProblemDetails | undefined): FieldErrors | undefined {
  const list: unknown = problem?.errors;
  if (!Array.isArray(list)) return undefined;
  const fields: FieldErrors = {};
  let found = false;
  for (const item of list) {
    if (!isRecord(item) || typeof item.pointer !== 'string') continue;
    const field = pointerToField(item.pointer);
    found = true;
    // First message per field: a form shows one line under each input.
    if (!(field in fields)) fields[field] = typeof item.detail === 'string' ? item.detail : 'Invalid value.';
  }
  return found ? fields : undefined;
}

function attemptsLeft(problem: ProblemDetails): number | undefined {
  const raw = problem.attempts_left;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A problem to map: its status, and the delay the answer asked for. */
export interface ProblemInit extends MappingOptions {
  /** The HTTP status. */
  status: number;
  /** Milliseconds from the `Retry-After` header, when the response had one. */
  retryAfterMs?: number;
}

/** Maps problem details (possibly absent) plus the status to a `PurseKitError`. */
export type ProblemMap = (problem: ProblemDetails | undefined, init: ProblemInit) => PurseKitError;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
/** The problem's detail (or title), for the message. */
const detailOf = (problem: ProblemDetails | undefined) => text(problem?.detail) ?? text(problem?.title);
/** The problem's code, kept on the error so that views can tell refusals of one kind apart (see core/recovery.ts). */
const codeOf = (problem: ProblemDetails | undefined) => {
  const code = text(problem?.code);
  return code === undefined ? {} : { code };
};

function rateLimited(problem: ProblemDetails | undefined, init: ProblemInit): PurseKitError {
  return {
    kind: 'rate_limited',
    message: detailOf(problem) ?? `Too many requests (${init.status}); try again later.`,
    retryAfterMs: init.retryAfterMs ?? init.defaultRetryAfterMs ?? DEFAULT_RETRY_AFTER_MS,
    ...codeOf(problem),
  };
}

/**
 * The refusals of the XCO signup's routes (one-time codes, identities, consents), or `undefined` for any other
 * problem. Only those routes map them (see http-methods.ts).
 */
function xcoProblemToError(problem: ProblemDetails | undefined, init: ProblemInit): PurseKitError | undefined {
  const { status } = init;
  const detail = detailOf(problem);
  const code = text(problem?.code);
  switch (code) {
    case 'invalid_code': {
      const left = problem ? attemptsLeft(problem) : undefined;
      return {
        kind: 'invalid_code',
        message: detail ?? 'The verification code is not valid.',
        ...(left === undefined ? {} : { attemptsLeft: left }),
      };
    }
    case 'code_expired':
      return { kind: 'code_expired', message: detail ?? 'The verification code expired.', locked: false };
    case 'code_locked':
      return { kind: 'code_expired', message: detail ?? 'Too many wrong codes; request a new one.', locked: true };
    case 'code_not_requested_here':
      // The handler's own refusal: this shopper did not ask for the identifier's current code here. A new code fixes it.
      return { kind: 'code_expired', message: detail ?? 'Ask for a new code.', locked: false, code };
    case 'resend_throttled':
      return rateLimited(problem, init);
    case 'identity_mismatch': {
      // The handler's refusal of an email or phone that is not the customer's own: a field error, not a credentials problem.
      const fields = status === 403 ? fieldErrors(problem) : undefined;
      if (fields) return { kind: 'validation', status, fields, code, message: detail ?? 'This is not the customer’s own email or phone.' };
      return undefined;
    }
    case 'consent_challenge_mismatch':
      // The handler's own refusal of a consent for another identifier or customer: not a credentials problem.
      if (status === 403) return { kind: 'request', status, code, message: detail ?? 'The consent challenge does not match.' };
  }
  return undefined;
}

/** The mapping of every route but the XCO signup's (which adds `xcoProblemToError`'s refusals). */
export function httpProblemToError(problem: ProblemDetails | undefined, init: ProblemInit): PurseKitError {
  const { status } = init;
  const detail = detailOf(problem);
  const withCode = codeOf(problem);
  if (status === 429) return rateLimited(problem, init);
  if (status === 401 && problem?.code === 'no_customer_session') {
    return {
      kind: 'unauthorized',
      status,
      code: problem.code,
      message:
        'The merchant backend has no customer for this request' +
        (process.env.NODE_ENV !== 'production'
          ? ': resolveCustomer(request) returned null. Sign the shopper in (or create their customer) before this step.'
          : '.'),
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'unauthorized',
      status,
      message:
        `The merchant backend refused the request (${status}).` +
        (process.env.NODE_ENV !== 'production'
          ? ' Check the Purse client id/secret and merchant id configured in createMerchantHandler' +
            `${status === 403 ? ', and that this origin is allowed' : ''}.`
          : '') +
        (detail ? ` Detail: ${detail}` : ''),
      ...withCode,
    };
  }
  if (status >= 500) {
    return { kind: 'server', status, message: detail ?? `The merchant backend failed (${status}).`, ...withCode };
  }
  const fields = fieldErrors(problem);
  if (fields) {
    return { kind: 'validation', status, fields, message: detail ?? 'The request contains invalid fields.', ...withCode };
  }
  return {
    kind: 'request',
    status,
    message: detail ?? `The merchant backend refused the request (${status}).`,
    ...withCode,
  };
}

/** Problem details (possibly absent) plus the status → `PurseKitError`: every route's, the XCO signup's included. */
export function problemToError(problem: ProblemDetails | undefined, init: ProblemInit): PurseKitError {
  return xcoProblemToError(problem, init) ?? httpProblemToError(problem, init);
}

/**
 * A finished HTTP exchange whose status is not 2xx, or whose body could not be read → `PurseKitError`.
 * `body` is the parsed JSON, `undefined` for an empty body, or `MALFORMED_BODY`.
 */
export function toPurseKitError(response: ResponseLike, body: unknown, options: MappingOptions = {}): PurseKitError {
  return responseToError(response, body, options, problemToError);
}

/**
 * `toPurseKitError` with the problem mapping of the route (`httpProblemToError` unless the route is XCO's);
 * `retryAfterMs`: the answer's `Retry-After`, when the caller has read it already.
 */
export function responseToError(
  response: ResponseLike,
  body: unknown,
  options: MappingOptions,
  map: ProblemMap,
  retryAfterMs = retryAfterOf(response, options.now),
): PurseKitError {
  const { status } = response;
  // Status decides these whatever the body holds: a proxy's HTML 401 page is still a 401.
  const decidedByStatus = status === 401 || status === 403 || status === 429;
  if (body === MALFORMED_BODY && !decidedByStatus) {
    // A 404 or 2xx page is typically another server answering where the handler should (a router's 404, a dev
    // server's HTML fallback): how to fix it, in development builds only.
    const elsewhere = process.env.NODE_ENV !== 'production' && (status === 404 || status < 300);
    return {
      kind: 'server',
      status,
      message:
        `The merchant backend answered ${status} with a body that is not valid JSON.` +
        (elsewhere
          ? " Is createMerchantHandler mounted at the provider's baseUrl? Another server answered (e.g. Next.js needs" +
            ' app/api/purse/[...path]/route.ts for baseUrl "/api/purse"; a Vite dev server, server.proxy for it).'
          : ''),
    };
  }
  const problem = body === MALFORMED_BODY ? undefined : asProblem(body);
  return map(problem, { ...options, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
}

/**
 * What `request` makes of an answer that is not ok, or whose 2xx body is not JSON: the error, with the XCO signup's
 * refusals when `xco`, and the milliseconds its `Retry-After` asked for.
 */
export function answerToError(
  response: ResponseLike,
  text: string,
  now: (() => number) | undefined,
  xco: boolean | undefined,
): [PurseKitError, number | undefined] {
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = MALFORMED_BODY;
  }
  // Read once, for the error and for the retry.
  const retryAfterMs = retryAfterOf(response, now);
  return [responseToError(response, body, { now }, xco ? problemToError : httpProblemToError, retryAfterMs), retryAfterMs];
}
