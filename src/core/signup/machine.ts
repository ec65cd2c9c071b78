// The XCO signup flow as a pure reducer. An event that makes no sense in the current state returns the SAME state
// object, so bindings can tell "ignored" from "moved" with `===` (and double submits are dropped here, not only in
// the view).
import type { PurseKitError } from '../errors.ts';
import { canRetry, errorCode } from '../recovery.ts';
import { isCompleteProfile, profileFor } from './profile.ts';
import type { XcoIdentifier } from '../wire/xco.ts';
import type {
  CodeSentState,
  CodeTimer,
  FailedState,
  IdentifyState,
  PendingState,
  RetryTarget,
  SendingState,
  SignupEvent,
  SignupState,
} from './types.ts';

/** The first state: the identifier field, pre-filled with `input`. */
export function initialSignupState(input = ''): IdentifyState {
  return { status: 'identify', input };
}

/** True for states whose effect a binding must run (a request, or `onVerified`). */
export function isPending(state: SignupState): state is PendingState {
  switch (state.status) {
    case 'checking':
    case 'creating':
    case 'sending':
    case 'verifying':
    case 'verified':
    case 'linking':
      return true;
    default:
      return false;
  }
}

/** The intent key a pending state's request must carry (undefined for `verified`, which sends nothing). */
export function intentKeyOf(state: SignupState): string | undefined {
  return 'intentKey' in state ? state.intentKey : undefined;
}

/** States from which the shopper may go back to change the identifier. */
const editable = new Set<SignupState['status']>(['checking', 'profile', 'sending', 'code_sent', 'verifying', 'failed']);

/** Refusals of a consent that a new code fixes: the challenge is unknown, used, expired or was issued elsewhere. */
const STALE_CHALLENGE = new Set(['consent_challenge_unknown', 'consent_challenge_mismatch', 'consent_challenge_used', 'unknown_consent_challenge']);

/** The failure of `from`, offering a retry only where a retry can succeed (core/recovery.ts), or another way on. */
function fail(from: RetryTarget, error: PurseKitError, now: number): FailedState {
  const base = { status: 'failed', input: from.input, identifier: from.identifier, error } as const;
  const code = errorCode(error);
  // Another request, not this one again: a fresh code (send it), whose verification brings a new consent challenge.
  const sendCode: SendingState = { status: 'sending', input: from.input, identifier: from.identifier, intentKey: '' };
  if (from.status === 'linking' && code !== undefined && STALE_CHALLENGE.has(code)) {
    return { ...base, recovery: 'new_code', retry: sendCode };
  }
  // The check said "new", but the account exists now (created meanwhile, elsewhere): link it rather than create it.
  if (from.status === 'creating' && code === 'user_exists') return { ...base, recovery: 'link_existing', retry: sendCode };
  if (!canRetry(error)) return { ...base, recovery: 'none' };
  const failed: FailedState = { ...base, recovery: 'retry', retry: from };
  if (error.kind === 'rate_limited') failed.retryAt = now + error.retryAfterMs;
  return failed;
}

function codeStep(from: { input: string; identifier: XcoIdentifier }, timer: CodeTimer): CodeSentState {
  const next: CodeSentState = {
    status: 'code_sent',
    input: from.input,
    identifier: from.identifier,
    resendAvailableAt: timer.resendAvailableAt,
  };
  if (timer.attemptsLeft !== undefined) next.attemptsLeft = timer.attemptsLeft;
  return next;
}

/** Routes the failure of the current pending state's request. */
function requestFailed(state: PendingState, error: PurseKitError, now: number): SignupState {
  switch (state.status) {
    case 'checking':
      // The API refused the identifier itself: let the shopper correct it.
      if (error.kind === 'validation') return { status: 'identify', input: state.input, error };
      return fail(state, error, now);
    case 'creating':
      if (error.kind === 'validation' && error.code !== 'user_exists') {
        return { status: 'profile', input: state.input, identifier: state.identifier, profile: state.user, error };
      }
      return fail(state, error, now);
    case 'sending':
      if (state.resendFrom && error.kind === 'rate_limited') {
        // A throttled resend: back to the code (still valid), with the wait the API asked for.
        const back = codeStep(state, {
          ...state.resendFrom,
          resendAvailableAt: Math.max(state.resendFrom.resendAvailableAt, now + error.retryAfterMs),
        });
        back.error = error;
        return back;
      }
      if (!state.resendFrom && error.kind === 'validation') {
        return { status: 'identify', input: state.input, error };
      }
      return fail(state, error, now);
    case 'verifying': {
      if (error.kind === 'invalid_code' || error.kind === 'validation') {
        const attemptsLeft = error.kind === 'invalid_code' ? (error.attemptsLeft ?? state.attemptsLeft) : state.attemptsLeft;
        const back = codeStep(state, { resendAvailableAt: state.resendAvailableAt, attemptsLeft });
        // No attempt left means the code is locked: say so now rather than after one more refused try.
        back.codeProblem = attemptsLeft === 0 ? 'locked' : 'invalid';
        back.error = error;
        return back;
      }
      if (error.kind === 'code_expired') {
        const back = codeStep(state, { resendAvailableAt: state.resendAvailableAt });
        back.codeProblem = error.locked ? 'locked' : error.code === 'code_not_requested_here' ? 'unusable' : 'expired';
        back.error = error;
        return back;
      }
      if (error.kind === 'rate_limited' && error.code === 'verification_locked') {
        // Too many wrong codes over resends: this code is dead, and a new one can be asked for only after the wait.
        const back = codeStep(state, { resendAvailableAt: Math.max(state.resendAvailableAt, now + error.retryAfterMs) });
        back.codeProblem = 'locked';
        back.error = error;
        return back;
      }
      return fail(state, error, now);
    }
    case 'verified':
    case 'linking':
      return fail(state, error, now);
  }
}

function retry(state: FailedState, intentKey: string, now: number): SignupState {
  const target = state.retry;
  if (!target || (state.retryAt !== undefined && now < state.retryAt)) return state;
  if (target.status === 'verified') return target;
  // After a network failure the first request may have reached the server: reuse its key so it is not done twice.
  return state.error.kind === 'network' ? target : { ...target, intentKey };
}

/** The signup: events in, state out; the same state object when the event changes nothing. */
export function signupReducer(state: SignupState, event: SignupEvent): SignupState {
  switch (event.type) {
    case 'IDENTIFIER_INVALID':
      if (state.status !== 'identify') return state;
      return { status: 'identify', input: event.input, invalid: event.reason };

    case 'SUBMIT_IDENTIFIER':
      if (state.status !== 'identify') return state;
      return { status: 'checking', input: event.input, identifier: event.identifier, intentKey: event.intentKey };

    case 'CHECK_SUCCEEDED': {
      if (state.status !== 'checking' || state.intentKey !== event.intentKey) return state;
      const { input, identifier } = state;
      if (event.exists) return { status: 'sending', input, identifier, intentKey: event.nextIntentKey };
      const profile = profileFor(identifier, event.defaultProfile);
      if (isCompleteProfile(profile)) {
        return { status: 'creating', input, identifier, user: profile, intentKey: event.nextIntentKey };
      }
      return { status: 'profile', input, identifier, profile };
    }

    case 'SUBMIT_PROFILE':
      if (state.status !== 'profile') return state;
      return {
        status: 'creating',
        input: state.input,
        // The identifier the shopper was checked with is the one the account is created with.
        identifier: state.identifier,
        user: profileFor(state.identifier, event.user),
        intentKey: event.intentKey,
      };

    case 'CREATE_SUCCEEDED':
      if (state.status !== 'creating' || state.intentKey !== event.intentKey) return state;
      return { status: 'done', outcome: 'created', input: state.input, identifier: state.identifier, user: event.user };

    case 'SEND_SUCCEEDED':
      if (state.status !== 'sending' || state.intentKey !== event.intentKey) return state;
      return codeStep(state, { resendAvailableAt: event.resendAvailableAt });

    case 'SUBMIT_CODE': {
      if (state.status !== 'code_sent') return state;
      if (state.codeProblem === 'expired' || state.codeProblem === 'locked' || state.codeProblem === 'unusable') return state;
      if (!/^\d+$/.test(event.code)) return state;
      const next: SignupState = {
        status: 'verifying',
        input: state.input,
        identifier: state.identifier,
        resendAvailableAt: state.resendAvailableAt,
        code: event.code,
        intentKey: event.intentKey,
      };
      if (state.attemptsLeft !== undefined) next.attemptsLeft = state.attemptsLeft;
      return next;
    }

    case 'RESEND': {
      if (state.status !== 'code_sent' || event.now < state.resendAvailableAt) return state;
      const resendFrom: CodeTimer = { resendAvailableAt: state.resendAvailableAt };
      if (state.attemptsLeft !== undefined) resendFrom.attemptsLeft = state.attemptsLeft;
      return { status: 'sending', input: state.input, identifier: state.identifier, intentKey: event.intentKey, resendFrom };
    }

    case 'VERIFY_SUCCEEDED':
      if (state.status !== 'verifying' || state.intentKey !== event.intentKey) return state;
      return {
        status: 'verified',
        input: state.input,
        identifier: state.identifier,
        user: event.user,
        consentChallengeId: event.consentChallengeId,
      };

    case 'LINK':
      if (state.status !== 'verified') return state;
      return { ...state, status: 'linking', intentKey: event.intentKey };

    case 'VERIFIED_HOOK_FAILED':
      if (state.status !== 'verified') return state;
      return fail(state, event.error, event.now);

    case 'LINK_SUCCEEDED':
      if (state.status !== 'linking' || state.intentKey !== event.intentKey) return state;
      return { status: 'done', outcome: 'linked', input: state.input, identifier: state.identifier, user: state.user };

    case 'REQUEST_FAILED':
      if (!isPending(state) || state.status === 'verified' || state.intentKey !== event.intentKey) return state;
      return requestFailed(state, event.error, event.now);

    case 'EDIT_IDENTIFIER':
      if (!editable.has(state.status)) return state;
      return { status: 'identify', input: state.input };

    case 'RETRY':
      if (state.status !== 'failed') return state;
      return retry(state, event.intentKey, event.now);
  }
}
