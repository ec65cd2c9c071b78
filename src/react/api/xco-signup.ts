// The XcoSignup part of the public API: purse-react-kit/signup (with common.ts) and the root entry.

// XcoSignup (its default view's steps, which it loads with import(), are purse-react-kit/signup/steps: src/signup/steps.ts)
export { XcoSignup, XcoSignupView, useXcoSignup } from '../xco-signup/index.ts';
export type {
  XcoSignupProps,
  XcoSignupViewProps,
  UseXcoSignupOptions,
  XcoSignupApi,
  XcoSignupCompleteDetails,
  XcoSignupVerifiedDetails,
} from '../xco-signup/index.ts';
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
} from '../../core/signup/types.ts';
export type { CountryCode } from '../../core/identifier.ts';
export type { XcoAddress, XcoExistsResponse, XcoGender, XcoIdentifier, XcoUser, XcoVerifyResponse } from '../../core/wire/xco.ts';
