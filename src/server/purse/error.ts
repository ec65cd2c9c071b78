import type { ProblemDetails } from '../../core/wire/xco.ts';

/**
 * How a call to Purse failed:
 * - `http`: Purse answered with an error status (`status`, `problem`, `retryAfter`);
 * - `auth`: the token endpoint refused the client credentials, or an API call was still 401 after a fresh token;
 * - `network`: no answer (connection refused, DNS, reset);
 * - `timeout`: no answer within the client's `timeoutMs`;
 * - `invalid_response`: an answer that is not what the API documents (e.g. a 2xx with a body that is not JSON, or a
 *   404 from the token endpoint or a path that always exists: a wrong base URL, named in the message);
 * - `conflict`: 409 to a Payment API call sent with an `Idempotency-Key` (`idempotencyKey`): the key was already used
 *   with another request, or its first request is still running. Nothing was done by this call.
 */
export type PurseApiErrorKind = 'http' | 'auth' | 'network' | 'timeout' | 'invalid_response' | 'conflict';

/** What a `PurseApiError` is made of. */
export interface PurseApiErrorInit {
  /** `http`: Purse refused; `auth`: the credentials; `network`/`timeout`: no answer; `conflict`: a 409. */
  kind: PurseApiErrorKind;
  /** HTTP status from Purse; 0 when there was no answer. */
  status: number;
  /** For the merchant's developer: what failed and how to fix it. */
  message: string;
  /** Purse's problem+json body, when it sent one. */
  problem?: ProblemDetails;
  /** The raw `Retry-After` header of a 429/503, forwarded as is. */
  retryAfter?: string;
  /** The `Idempotency-Key` the failed call was sent with: retry with it to make sure the operation happens once. */
  idempotencyKey?: string;
  /** The underlying error (network failure, abort). */
  cause?: unknown;
}

/** Every failure of a `PurseClient` call rejects with this. The message never holds secrets, tokens or OTP codes. */
export class PurseApiError extends Error {
  /** How the call failed (see `PurseApiErrorKind`). */
  readonly kind: PurseApiErrorKind;
  /** HTTP status from Purse; 0 when there was no answer. */
  readonly status: number;
  /** Purse's problem+json body, when it sent one. */
  readonly problem: ProblemDetails | undefined;
  /** The raw `Retry-After` header of a 429/503 (see `retryAfterMs()`). */
  readonly retryAfter: string | undefined;
  /** The `Idempotency-Key` the failed call was sent with: retry with it to make sure the operation happens once. */
  readonly idempotencyKey: string | undefined;

  constructor(init: PurseApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PurseApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.problem = init.problem;
    this.retryAfter = init.retryAfter;
    this.idempotencyKey = init.idempotencyKey;
  }

  /** `Retry-After` in milliseconds (seconds or HTTP date), when Purse sent one. */
  retryAfterMs(now: number = Date.now()): number | undefined {
    return parseRetryAfter(this.retryAfter, now);
  }
}

/** True for a `PurseApiError`. */
export const isPurseApiError = (value: unknown): value is PurseApiError => value instanceof PurseApiError;

function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
