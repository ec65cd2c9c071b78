// Errors are data: every failure the components can meet is one of these. Callbacks receive them, views render them.

/** Field path ("user.email", from a problem+json `pointer`) → the server's message for developers. */
export type FieldErrors = Record<string, string>;

/**
 * Every failure the components can meet, as data: callbacks receive it, views render a message by `kind` (and by the
 * problem+json `code`, when the answer had one, for the refusals a shopper can act on: see `recoveryOf`).
 */
export type PurseKitError =
  /** The request was refused for its content; `fields` maps a JSON pointer's last segments ("user.email") to a message. */
  | { kind: 'validation'; message: string; fields: FieldErrors; status: number; code?: string }
  /** The one-time code is wrong; `attemptsLeft` when the API says. */
  | { kind: 'invalid_code'; message: string; attemptsLeft?: number }
  /**
   * The one-time code expired, too many wrong attempts locked it (`locked: true`), or it was not requested by this
   * shopper here (`code: 'code_not_requested_here'`): a new code is needed.
   */
  | { kind: 'code_expired'; message: string; locked: boolean; code?: string }
  /** 429: wait `retryAfterMs` before trying again. */
  | { kind: 'rate_limited'; message: string; retryAfterMs: number; code?: string }
  /** 401/403 from the merchant backend or Purse: the merchant's configuration is wrong. Worded for developers. */
  | { kind: 'unauthorized'; message: string; status: number; code?: string }
  /** The request never got an answer: offline, DNS, connection reset, or aborted by timeout (`timeout: true`). */
  | { kind: 'network'; message: string; timeout: boolean }
  /** 5xx or a body that could not be read. */
  | { kind: 'server'; message: string; status: number; code?: string }
  /** A drop-in script failed to load, timed out, or did not define its global. */
  | { kind: 'script_load'; message: string; url: string }
  /** The client session expired. */
  | { kind: 'session_expired'; message: string }
  /** Programmer or configuration mistake detected at run time (e.g. a disallowed script origin). */
  | { kind: 'config'; message: string }
  /** Anything else the API refused (404, 409, other 4xx), with Purse's problem details. */
  | { kind: 'request'; message: string; status: number; code?: string }
  /** Purse's drop-in reported an error (payment form or submission), with its code when it gave one. */
  | { kind: 'dropin'; message: string; code?: string };

/** The kinds of `PurseKitError`. */
export type PurseKitErrorKind = PurseKitError['kind'];

/** Thrown by the adapter and the loader so that `catch` sites receive a typed `PurseKitError` in `.error`. */
export class PurseKitFailure extends Error {
  /** The failure as data. */
  declare readonly error: PurseKitError;
  constructor(error: PurseKitError) {
    super(error.message);
    this.name = 'PurseKitFailure';
    this.error = error;
  }
}

/** True for a `PurseKitFailure` (what adapters and the loader reject with). */
export const isPurseKitFailure = (value: unknown): value is PurseKitFailure => value instanceof PurseKitFailure;

/**
 * Anything thrown, as data: a PurseKitFailure keeps its PurseKitError; anything else (a bug, or an error of the
 * merchant's adapter or callbacks) becomes `server` with status 0, its text kept for developers only. `context` starts
 * that developer message.
 */
export function toKitError(thrown: unknown, context = 'Unexpected error'): PurseKitError {
  if (thrown instanceof PurseKitFailure) return thrown.error;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { kind: 'server', status: 0, message: `${context}: ${message}` };
}

/** The request got no answer: offline, DNS, reset, CORS refusal — or our own timeout. */
export function networkError(timeoutMs?: number): PurseKitError {
  const timeout = timeoutMs !== undefined;
  return {
    kind: 'network',
    timeout,
    message: timeout
      ? `The merchant backend did not answer within ${timeoutMs} ms.`
      : 'The merchant backend could not be reached.' +
        (process.env.NODE_ENV !== 'production' ? ' Check the connection and the baseUrl of createHttpBackend.' : ''),
  };
}
