// purse-react-kit/core/problem: maps an error answer (problem+json or any other body) to a PurseKitError, for a custom
// MerchantBackend adapter. Apart from purse-react-kit/core because request() loads it with import() on the first
// answer that is not ok: an entry that re-exported it would put it back in every page built from purse-react-kit/core
// (the drop-in loader's among them). No React, no DOM access at import time.
export {
  DEFAULT_RETRY_AFTER_MS,
  MALFORMED_BODY,
  parseRetryAfter,
  pointerToField,
  problemToError,
  toPurseKitError,
} from './backend/problem.ts';
export type { MappingOptions, ProblemInit, ResponseLike } from './backend/problem.ts';
// The types its signatures use, also in purse-react-kit/core.
export type { ProblemDetails } from './wire/xco.ts';
export type { PurseKitError, PurseKitErrorKind, FieldErrors } from './errors.ts';
