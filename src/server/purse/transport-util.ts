import type { ProblemDetails } from '../../core/wire/xco.ts';
import { PurseApiError } from './error.ts';

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * "." or "..": encodeURIComponent keeps them, and the URL parser resolves them as dot segments, out of the path segment
 * an id or a customer reference is put in (`users/..` is the merchant itself). Refused before anything is sent.
 */
export const isDotSegment = (value: unknown): boolean => value === '.' || value === '..';

/**
 * `expectShape(value, ok, what)`: `value` as T when `ok`, otherwise an `invalid_response` PurseApiError saying that
 * Purse answered `what` with a body that does not match `reference` (e.g. "the XCO API reference").
 */
export const shapeChecker =
  (reference: string) =>
  <T>(value: unknown, ok: boolean, what: string): T => {
    if (!ok) {
      throw new PurseApiError({
        kind: 'invalid_response',
        status: 200,
        message: `Purse answered ${what} with a body that does not match ${reference}.`,
      });
    }
    return value as T;
  };

/** The subset of `fetch` the client needs; pass a custom one to route calls (e.g. to the mock server in process). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * `fetch` with a deadline on the response headers. The race also covers fetch implementations that ignore
 * `signal` (an in-process handler), so a stalled Purse never hangs a shopper's request.
 */
export async function fetchWithTimeout(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  what: string,
): Promise<Response> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PurseApiError({ kind: 'timeout', status: 0, message: `No answer from ${what} within ${timeoutMs} ms.` }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([fetchImpl(url, { ...init, signal: controller.signal }), deadline]);
  } catch (cause) {
    if (cause instanceof PurseApiError) throw cause;
    throw new PurseApiError({
      kind: 'network',
      status: 0,
      message: `Could not reach ${what}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** The problem+json (or OAuth2 error JSON) body of an error answer, if it has one. */
export async function readProblem(response: Response): Promise<ProblemDetails | undefined> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? (parsed as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What an error body says, for a log line: its title, detail and code (or OAuth2 `error`), nothing else of it (a body
 * may echo more than the merchant should log), on one line and cut short. Empty when it says none of them.
 */
export function problemText(problem: ProblemDetails | undefined): string {
  const field = (value: unknown) => (typeof value === 'string' ? value.replace(/\p{Cc}+/gu, ' ').trim().slice(0, 200) : '');
  const words = [field(problem?.title), field(problem?.detail)].filter(Boolean).join(': ');
  const code = field(problem?.code) || field(problem?.error);
  return [words, code && `[${code}]`].filter(Boolean).join(' ');
}

/**
 * A 404 or 405 where a right request never gets one (the token endpoint, a path that always exists): an
 * `invalid_response`, never an answer to pass to the browser. Its message (the log line) says who answered what —
 * `answered`, then what the body says — and `check`, the options to look at; `secret` never shows in it.
 */
export async function wrongUrlError(response: Response, answered: string, check: string, secret?: string): Promise<PurseApiError> {
  const problem = await readProblem(response);
  // An answer that echoes the request (a proxy's debug page) would put the secret in the log: never.
  const said = secret ? problemText(problem).replaceAll(secret, '[secret]') : problemText(problem);
  return new PurseApiError({
    kind: 'invalid_response',
    status: response.status,
    problem,
    message: `${answered} ${response.status}${said ? ` (${said})` : ''}: check ${check}.`,
  });
}
