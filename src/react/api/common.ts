// What every page with a Purse component imports: the provider, its messages, the merchant backend adapter and the
// error type. Part of every browser entry (purse-react-kit and each component's own).

// Provider
export { PurseProvider, usePurse } from '../provider/index.ts';
export type { PurseProviderProps, PurseContextValue, PurseTheme } from '../provider/index.ts';
export { loadMessages } from '../i18n/index.ts';
export { PURSE_LOCALES, purseLocaleTag } from '../i18n/locales.ts';
export type { MessageKey, MessageParams, Messages, PluralKey, PurseLocale, Translator } from '../i18n/index.ts';

// The merchant backend adapter
export { createHttpBackend } from '../../core/backend/http-backend.ts';
export type { HttpBackendOptions } from '../../core/backend/http-backend.ts';
export type { CallOptions, ConsentInput, CreateUserInput, MerchantBackend, VerifyInput } from '../../core/backend/backend.ts';
export type { FetchLike } from '../../core/backend/request.ts';
export type { RetryOptions } from '../../core/backend/retry.ts';
export type {
  CheckoutSession,
  CheckoutSessionRequest,
  ShopperPayment,
  ShopperPaymentLink,
  VerifiedRedirect,
} from '../../core/backend/views.ts';
export type {
  AuthorizationStatus,
  ClientSessionStatus,
  Currency,
  EligibleSolution,
  IntegrationMode,
  MinorUnits,
  OpenEnum,
  OverviewStatus,
  PaymentLinkStatus,
} from '../../core/wire/payment.ts';

// Errors are data
export { PurseKitFailure, isPurseKitFailure } from '../../core/errors.ts';
export type { FieldErrors, PurseKitError, PurseKitErrorKind } from '../../core/errors.ts';
