// purse-react-kit: what a merchant's page uses. The provider, the three components with their hooks and default views,
// the HTTP backend adapter, the error type, and the types their props and results need. Everything else (machines,
// loader, helpers, Purse's wire types) is in purse-react-kit/core. Never imports server/ or mock-server/.

// Provider
export { PurseProvider, usePurse } from './provider/index.ts';
export type { PurseProviderProps, PurseContextValue, PurseTheme } from './provider/index.ts';
export type { MessageKey, MessageParams, Messages, PluralKey, PurseLocale, Translator } from './i18n/index.ts';

// XcoSignup
export { XcoSignup, XcoSignupView, useXcoSignup } from './xco-signup/index.ts';
export { IdentifierStep, ProfileStep, CodeStep, LinkingStep, DoneStep, FailedStep } from './xco-signup/index.ts';
export type {
  XcoSignupProps,
  XcoSignupViewProps,
  UseXcoSignupOptions,
  XcoSignupApi,
  XcoSignupCompleteDetails,
  XcoSignupVerifiedDetails,
  IdentifierStepProps,
  ProfileStepProps,
  CodeStepProps,
  CodeStepState,
  DoneStepProps,
  FailedStepProps,
} from './xco-signup/index.ts';
export type {
  SignupState,
  SignupStatus,
  SignupOutcome,
  KnownIdentifier,
  IdentifyState,
  CheckingState,
  ProfileState,
  CreatingState,
  SendingState,
  CodeSentState,
  VerifyingState,
  VerifiedState,
  LinkingState,
  DoneState,
  FailedState,
  RetryTarget,
  CodeTimer,
  CodeProblem,
  IdentifierInvalidReason,
} from '../core/signup/types.ts';
export type { CountryCode } from '../core/identifier.ts';
export type { XcoAddress, XcoExistsResponse, XcoGender, XcoIdentifier, XcoUser, XcoVerifyResponse } from '../core/wire/xco.ts';

// PurseCheckout
export { PurseCheckout, PurseCheckoutView, usePurseCheckout } from './purse-checkout/index.ts';
export type { PurseCheckoutProps, PurseCheckoutViewProps, PurseCheckoutApi, UsePurseCheckoutOptions } from './purse-checkout/index.ts';
export type { CheckoutStatus, CheckoutStep } from '../core/checkout/types.ts';
export { PURSE_CHECKOUT_ORIGINS } from '../core/checkout/session.ts';
export type { DropinGeneration, DropinTheme } from '../core/dropin/types.ts';

// PaymentStatus
export { PaymentStatus, PaymentStatusView, PaymentDetails, PaymentTimeline, usePaymentStatus } from './payment-status/index.ts';
export type {
  PaymentStatusProps,
  PaymentStatusViewProps,
  PaymentDetailsProps,
  PaymentTimelineProps,
  PaymentStatusState,
  UsePaymentStatusOptions,
} from './payment-status/index.ts';
export type { PaymentStatusDetails } from '../core/status/effects.ts';
export type { PaymentTimelineEvent, PaymentTimelineKind } from '../core/backend/views.ts';
export type { PaymentStatusPhase } from '../core/status/types.ts';
export type { FailureReason, StatusReason, SuccessReason, WaitingReason } from '../core/status/classify.ts';
export type { PollSchedule } from '../core/status/schedule.ts';
export type { StatusSourceProps } from '../core/status/source.ts';

// The merchant backend adapter
export { createHttpBackend } from '../core/backend/http-backend.ts';
export type { HttpBackendOptions } from '../core/backend/http-backend.ts';
export type { CallOptions, ConsentInput, CreateUserInput, MerchantBackend, VerifyInput } from '../core/backend/backend.ts';
export type { FetchLike } from '../core/backend/request.ts';
export type { RetryOptions } from '../core/backend/retry.ts';
export type {
  CheckoutSession,
  CheckoutSessionRequest,
  ShopperPayment,
  ShopperPaymentLink,
  VerifiedRedirect,
} from '../core/backend/views.ts';
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
} from '../core/wire/payment.ts';

// Errors are data
export { PurseKitFailure, isPurseKitFailure } from '../core/errors.ts';
export type { FieldErrors, PurseKitError, PurseKitErrorKind } from '../core/errors.ts';
