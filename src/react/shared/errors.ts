// Anything thrown, as data: a PurseKitFailure keeps its PurseKitError; anything else (a bug, or an error of the
// merchant's adapter or callbacks) becomes `server` with status 0, its text kept for developers only.
import { isPurseKitFailure, type PurseKitError } from '../../core/errors.ts';

/** `context` starts the developer message (default "Unexpected error"). */
export function toKitError(thrown: unknown, context = 'Unexpected error'): PurseKitError {
  if (isPurseKitFailure(thrown)) return thrown.error;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { kind: 'server', status: 0, message: `${context}: ${message}` };
}
