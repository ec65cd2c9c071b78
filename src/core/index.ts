// purse-react-kit/core: framework-free building blocks. No React, no DOM access at import time.
export * from './wire/xco.ts';
export * from './errors.ts';
export { canRetry, errorCode, recoveryOf, type Recovery } from './recovery.ts';
export * from './backend/backend.ts';
export * from './backend/routes.ts';
export * from './backend/views.ts';
export * from './backend/customer-purse.ts';
// HTTP layer: the default adapter, and the request/mapping pieces a custom adapter can reuse.
export { createHttpBackend } from './backend/http-backend.ts';
export type { HttpBackendOptions } from './backend/http-backend.ts';
export { request, DEFAULT_TIMEOUT_MS } from './backend/request.ts';
export type { FetchLike, RequestOptions } from './backend/request.ts';
export { DEFAULT_RETRY, isAbortError } from './backend/retry.ts';
export type { RetryOptions } from './backend/retry.ts';
// The mapping of error answers (problemToError, toPurseKitError…) is purse-react-kit/core/problem (src/core/problem.ts):
// request() loads it with import(), so re-exporting it here would put it in every page built from this entry.
export { createIdempotencyKey } from './backend/idempotency.ts';
// Payment API v2 wire types, and the drop-in script loader with its drivers for both script generations.
export * from './wire/payment.ts';
export * from './wire/customer-purse.ts';
export { loadDropin, preloadDropin, preconnect, checkOrigin, PURSE_SCRIPT_ORIGINS } from './dropin/load.ts';
export type * from './dropin/types.ts';
// XCO signup: the pure machine, its effects, and the identifier parser (phone metadata loaded on demand).
export * from './signup/index.ts';
export * from './customer-purse/index.ts';
export * from './xco-account/index.ts';
export { detectIdentifierKind, isValidEmail, loadPhoneLib, parseIdentifier, toXcoIdentifier } from './identifier.ts';
export type { CountryCode, IdentifierKind, ParseIdentifierOptions, ParsedIdentifier } from './identifier.ts';
// Checkout: the pure machine, its effects, and the session helpers.
export * from './checkout/index.ts';
// Payment status: amounts in minor units, the pure machine and its effects, classification and the poll schedule.
export { formatMinorUnits, minorUnitDigits, toMajorUnits } from './money.ts';
export * from './status/index.ts';
// The runner every component's machine runs on: state, events, and the effects a state asks for.
export { MachineRunner, type Effect, type EffectContext, type RunnerOptions } from './runner.ts';
