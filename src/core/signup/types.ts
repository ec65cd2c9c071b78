// States and events of the XCO signup flow. The reducer is pure: states that need a request ("pending" states) say
// so by their `status`, and the binding (the React hook) runs that request and reports back with an event.
import type { CountryCode } from 'libphonenumber-js';
import type { PurseKitError } from '../errors.ts';
import type { XcoIdentifier, XcoUser } from '../wire/xco.ts';

/**
 * Why the identifier field was refused before any request (`unavailable`: the phone parser failed to load;
 * `characters`: control, direction-override or zero-width characters; `not_mobile`: a phone number that cannot
 * receive the code by text message, such as a landline).
 */
export type IdentifierInvalidReason = 'empty' | 'email' | 'phone' | 'not_mobile' | 'unknown' | 'unavailable' | 'characters';

/**
 * What went wrong with the last code, shown on the code field. `expired`, `locked` and `unusable` (not requested by
 * this shopper here, or replaced since) need a new code.
 */
export type CodeProblem = 'invalid' | 'expired' | 'locked' | 'unusable';

/** What every state after the identifier step knows. */
export interface KnownIdentifier {
  /** The identifier text as the shopper typed it; kept so that "edit" gives it back. */
  input: string;
  /** The identifier as parsed (email, or phone in E.164). */
  identifier: XcoIdentifier;
}

/** When the code step may offer a new code, and how many wrong codes remain. */
export interface CodeTimer {
  /** Epoch ms from which a new code may be requested. */
  resendAvailableAt: number;
  /** Wrong codes still accepted, when the API said. */
  attemptsLeft?: number;
}

/** The code step a resend leaves: its timer, and why its code can no longer be used (if so). */
export interface ResendFrom extends CodeTimer {
  /** The code was expired, locked or not usable here: a throttled resend leaves it so. */
  codeProblem?: Exclude<CodeProblem, 'invalid'>;
}

/** The shopper types an email or a phone number. */
export interface IdentifyState {
  /** Render from it. */
  status: 'identify';
  /** What the field holds. */
  input: string;
  /** Refused locally (format), before any request. */
  invalid?: IdentifierInvalidReason;
  /** With `invalid: 'not_mobile'`: the country the number was read as (the shopper may have meant another one). */
  phoneCountry?: CountryCode;
  /** Refused by the API (validation), or not the shop account's email or phone (`identity_mismatch`). */
  error?: PurseKitError;
  /** What the shopper gave the profile step before coming back (without the old identifier): pre-fills it again. */
  profile?: XcoUser;
}

/** Pending: does an XCO account exist for the identifier? */
export interface CheckingState extends KnownIdentifier {
  /** Render from it. */
  status: 'checking';
  /** Idempotency key of this state's request; its answer carries it back. */
  intentKey: string;
  /** See `IdentifyState.profile`. */
  profile?: XcoUser;
}

/** New shopper: completes the profile that the account is created with. */
export interface ProfileState extends KnownIdentifier {
  /** Render from it. */
  status: 'profile';
  /** Pre-fill: the merchant's profile (if any), the identifier, then what the shopper submitted last. */
  profile: XcoUser;
  /** The last create attempt was refused; `validation.fields` names the fields ("user.first_name"). */
  error?: PurseKitError;
}

/** Pending: creating the XCO user and its consent. */
export interface CreatingState extends KnownIdentifier {
  /** Render from it. */
  status: 'creating';
  /** The profile the account is created with. */
  user: XcoUser;
  /** Idempotency key of this state's request; its answer carries it back. */
  intentKey: string;
}

/** Pending: sending a one-time code (first code, or a resend from the code step). */
export interface SendingState extends KnownIdentifier {
  /** Render from it. */
  status: 'sending';
  /** Idempotency key of this state's request; its answer carries it back. */
  intentKey: string;
  /** Set for a resend: the code step to go back to if the resend is throttled. */
  resendFrom?: ResendFrom;
  /** See `IdentifyState.profile`: kept until the code is verified, for another identifier. */
  profile?: XcoUser;
}

/** Existing shopper: a code was sent; the shopper types it. */
export interface CodeSentState extends KnownIdentifier, CodeTimer {
  /** Render from it. */
  status: 'code_sent';
  /** Problem with the last code; `expired` and `locked` refuse new submissions until a resend. */
  codeProblem?: CodeProblem;
  /** The error behind `codeProblem`, or a throttled resend (`rate_limited`). */
  error?: PurseKitError;
  /** See `SendingState.profile`. */
  profile?: XcoUser;
}

/** Pending: checking the code. */
export interface VerifyingState extends KnownIdentifier, CodeTimer {
  /** Render from it. */
  status: 'verifying';
  /** The code being checked. */
  code: string;
  /** Idempotency key of this state's request; its answer carries it back. */
  intentKey: string;
  /** See `SendingState.profile`. */
  profile?: XcoUser;
}

/** Pending (merchant side): the code was right; `onVerified` runs before the consent is sent. */
export interface VerifiedState extends KnownIdentifier {
  /** Render from it. */
  status: 'verified';
  /** The verified XCO user. */
  user: XcoUser;
  /** Accepted once by the consent. */
  consentChallengeId: string;
}

/** Pending: linking the XCO account to the merchant's customer (consent). */
export interface LinkingState extends KnownIdentifier {
  /** Render from it. */
  status: 'linking';
  /** The verified XCO user. */
  user: XcoUser;
  /** Sent with the consent. */
  consentChallengeId: string;
  /** Idempotency key of this state's request; its answer carries it back. */
  intentKey: string;
}

/** A new XCO account was created, or an existing one linked to the merchant's customer. */
export type SignupOutcome = 'created' | 'linked';

/** The account was created or linked. */
export interface DoneState extends KnownIdentifier {
  /** Render from it. */
  status: 'done';
  /** Created or linked. */
  outcome: SignupOutcome;
  /** The XCO user. */
  user: XcoUser;
}

/** The pending states a failure can be retried from. */
export type RetryTarget = CheckingState | CreatingState | SendingState | VerifyingState | VerifiedState | LinkingState;

/**
 * What a failed step offers the shopper:
 * - `retry`: the same step again can succeed (no answer, a failing server, after a rate limit's wait);
 * - `new_code`: the verification can no longer be used (challenge expired, used or not issued here): send a new code;
 * - `link_existing`: the account turned out to exist (created meanwhile): link it with a one-time code instead;
 * - `none`: trying again cannot help (the shop's setup, a customer already linked to another account): the message
 *   says what to do instead.
 */
export type SignupRecovery = 'retry' | 'new_code' | 'link_existing' | 'none';

/** A step failed: the shopper retries it, follows the way on that `recovery` names, or leaves by editing. */
export interface FailedState extends KnownIdentifier {
  /** Render from it. */
  status: 'failed';
  /** What went wrong, as data. */
  error: PurseKitError;
  /** What the shopper can do about it. */
  recovery: SignupRecovery;
  /** The state RETRY goes to; absent when `recovery` is `none` (RETRY is then ignored). */
  retry?: RetryTarget;
  /** Epoch ms before which RETRY is ignored (rate limited). */
  retryAt?: number;
  /** See `IdentifyState.profile`: what the failed step knew of it (also when there is no retry). */
  profile?: XcoUser;
}

/** Every state of the signup flow; `status` tells which. */
export type SignupState =
  | IdentifyState
  | CheckingState
  | ProfileState
  | CreatingState
  | SendingState
  | CodeSentState
  | VerifyingState
  | VerifiedState
  | LinkingState
  | DoneState
  | FailedState;

/** The names of the signup states. */
export type SignupStatus = SignupState['status'];

/** States whose effect the binding runs: a request, or `onVerified` for `verified`. */
export type PendingState = RetryTarget;

/**
 * Events. `intentKey` identifies one intent of the shopper; it is the idempotency key of that intent's request, and
 * results carry it back so that a late answer to an abandoned request is ignored. `now` is epoch ms (the reducer
 * reads no clock).
 */
export type SignupEvent =
  /** `country`: with `not_mobile`, the country the number was read as. */
  | { type: 'IDENTIFIER_INVALID'; input: string; reason: IdentifierInvalidReason; country?: CountryCode }
  | { type: 'SUBMIT_IDENTIFIER'; input: string; identifier: XcoIdentifier; intentKey: string }
  | {
      type: 'CHECK_SUCCEEDED';
      intentKey: string;
      exists: boolean;
      /** The merchant's profile; when complete (see `isCompleteProfile`) the profile step is skipped. */
      defaultProfile?: XcoUser;
      /** Intent key of the request that follows (create or send). */
      nextIntentKey: string;
      now: number;
    }
  | { type: 'SUBMIT_PROFILE'; user: XcoUser; intentKey: string }
  | { type: 'CREATE_SUCCEEDED'; intentKey: string; user: XcoUser }
  | { type: 'SEND_SUCCEEDED'; intentKey: string; resendAvailableAt: number }
  | { type: 'SUBMIT_CODE'; code: string; intentKey: string }
  | { type: 'RESEND'; intentKey: string; now: number }
  | { type: 'VERIFY_SUCCEEDED'; intentKey: string; user: XcoUser; consentChallengeId: string }
  /** `onVerified` finished: send the consent. */
  | { type: 'LINK'; intentKey: string }
  /** `onVerified` threw or rejected. */
  | { type: 'VERIFIED_HOOK_FAILED'; error: PurseKitError; now: number }
  | { type: 'LINK_SUCCEEDED'; intentKey: string }
  /** The request of the current pending state failed. */
  | { type: 'REQUEST_FAILED'; intentKey: string; error: PurseKitError; now: number }
  /** `profile`: what the profile form holds, to pre-fill it again for the next identifier. */
  | { type: 'EDIT_IDENTIFIER'; profile?: XcoUser }
  /**
   * `intentKey` is used only for another request (a new code, linking instead) or after `idempotency_key_reused`; the
   * same step again keeps its own key, so an attempt Purse may have acted on (no answer, 5xx) is not done twice.
   */
  | { type: 'RETRY'; intentKey: string; now: number };

/** The names of the signup events. */
export type SignupEventType = SignupEvent['type'];
