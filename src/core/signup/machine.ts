// The XCO signup flow as a pure reducer. An event that makes no sense in the current state returns the SAME state
// object, so bindings can tell "ignored" from "moved" with `===` (and double submits are dropped here, not only in
// the view).
import type { PurseKitError } from '../errors.ts';
import { canRetry, errorCode } from '../recovery.ts';
import { isCompleteProfile, profileFor } from './profile.ts';
import type {
  CodeProblem,
  CodeSentState,
  FailedState,
  IdentifyState,
  KnownIdentifier,
  PendingState,
  RetryTarget,
  SignupEvent,
  SignupState,
} from './types.ts';
import type { XcoUser } from '../wire/xco.ts';

/** The first state: the identifier field, pre-filled with `input`. */
export function initialSignupState(input = ''): IdentifyState {
  return { status: 'identify', input };
}

/** True for states whose effect a binding must run (a request, or `onVerified`): the states with an intent key. */
export function isPending(state: SignupState): state is PendingState {
  return 'intentKey' in state || state.status === 'verified';
}

/** The intent key a pending state's request must carry (undefined for `verified`, which sends nothing). */
export function intentKeyOf(state: SignupState): string | undefined {
  return 'intentKey' in state ? state.intentKey : undefined;
}

/** What every state after the identifier step carries over, and nothing else. */
const known = ({ input, identifier }: KnownIdentifier): KnownIdentifier => ({ input, identifier });

/** Leaves out the optional fields that have no value: a state holds only what it knows. */
function only<T extends object>(state: T): T {
  for (const key in state) if (state[key] === undefined) delete state[key];
  return state;
}

/**
 * A profile the shopper gave (`typed`: what the form holds now, else what the state knows), to pre-fill the form
 * again for another identifier: without the old one. The states after the form's (the existing account's code
 * step, a failure) carry it as it was drafted, so that the shopper never types it twice (WCAG 3.3.7); it is never
 * sent anywhere, only shown again on the form for the shopper to confirm.
 */
function draftOf(state: SignupState, typed?: XcoUser): XcoUser | undefined {
  if (state.status !== 'profile' && state.status !== 'creating') return 'profile' in state ? state.profile : undefined;
  const { email, phone_number, ...rest } = typed ?? (state.status === 'profile' ? state.profile : state.user);
  const draft: XcoUser = state.identifier.email !== undefined ? { ...rest, ...(phone_number && { phone_number }) } : { ...rest, ...(email && { email }) };
  return Object.keys(draft).length > 0 ? draft : undefined;
}

/** States from which the shopper may go back to change the identifier. */
const editable = new Set<SignupState['status']>(['checking', 'profile', 'sending', 'code_sent', 'verifying', 'failed']);

/** Refusals of a consent that a new code fixes: the challenge is unknown, used, expired or was issued elsewhere. */
const STALE_CHALLENGE = new Set(['consent_challenge_unknown', 'consent_challenge_mismatch', 'consent_challenge_used', 'unknown_consent_challenge']);

/** The failure of `from`, offering a retry only where a retry can succeed (core/recovery.ts), or another way on. */
function fail(from: RetryTarget, error: PurseKitError, now: number): FailedState {
  // Kept even when there is no retry: the shopper may still try another identifier.
  const profile = draftOf(from);
  const base = only({ status: 'failed', ...known(from), error, profile } as const);
  const code = errorCode(error) ?? '';
  // Another request, not this one again: a fresh code (send it), whose verification brings a new consent challenge.
  const retry = only({ status: 'sending', ...known(from), intentKey: '', profile } as const);
  if (from.status === 'linking' && STALE_CHALLENGE.has(code)) return { ...base, recovery: 'new_code', retry };
  // The check said "new", but the account exists now (created meanwhile, elsewhere): link it rather than create it.
  if (from.status === 'creating' && code === 'user_exists') return { ...base, recovery: 'link_existing', retry };
  if (!canRetry(error)) return { ...base, recovery: 'none' };
  const failed: FailedState = { ...base, recovery: 'retry', retry: from };
  if (error.kind === 'rate_limited') failed.retryAt = now + error.retryAfterMs;
  return failed;
}

/** The code step; `problem` and `error` say what went wrong with the last code or resend. */
const codeStep = (
  from: KnownIdentifier & { profile?: XcoUser },
  resendAvailableAt: number,
  attemptsLeft?: number,
  codeProblem?: CodeProblem,
  error?: PurseKitError,
): CodeSentState => only({ status: 'code_sent', ...known(from), resendAvailableAt, attemptsLeft, codeProblem, error, profile: from.profile });

/** Routes the failure of the current pending state's request. */
function requestFailed(state: PendingState, error: PurseKitError, now: number): SignupState {
  const { kind } = error;
  const code = errorCode(error);
  // A wait the API asked for (rate limited), from now.
  const after = (at: number) => (kind === 'rate_limited' ? Math.max(at, now + error.retryAfterMs) : at);
  switch (state.status) {
    case 'checking':
      // The API refused the identifier itself: let the shopper correct it.
      if (kind === 'validation') return only({ status: 'identify', input: state.input, error, profile: state.profile });
      break;
    case 'creating': {
      // Not the shop account's email or phone, on the identifier the form shows read-only: back to the field that
      // can take another, with the profile kept.
      const identifierField = state.identifier.email !== undefined ? 'user.email' : 'user.phone_number';
      if (code === 'identity_mismatch' && kind === 'validation' && identifierField in error.fields) {
        return only({ status: 'identify', input: state.input, error, profile: draftOf(state) });
      }
      if (kind === 'validation' && code !== 'user_exists') return { status: 'profile', ...known(state), profile: state.user, error };
      break;
    }
    case 'sending': {
      const back = state.resendFrom;
      // A throttled resend: back to the code as it was (valid, or still dead), with the wait the API asked for. Too
      // many wrong codes (verification_locked) kill it.
      if (back && kind === 'rate_limited') {
        const problem = code === 'verification_locked' ? 'locked' : back.codeProblem;
        return codeStep(state, after(back.resendAvailableAt), back.attemptsLeft, problem, error);
      }
      // A first send refused because a code was sent moments ago (the page reloaded on the code step, another tab):
      // that code is valid, so the code step as after a send, a new code once the wait is over.
      if (!back && code === 'resend_throttled') return codeStep(state, after(now));
      if (!back && kind === 'validation') return only({ status: 'identify', input: state.input, error, profile: state.profile });
      break;
    }
    case 'verifying': {
      const wrong = kind === 'invalid_code' || kind === 'validation';
      const attemptsLeft = kind === 'invalid_code' ? (error.attemptsLeft ?? state.attemptsLeft) : state.attemptsLeft;
      // No attempt left means the code is locked: say so now rather than after one more refused try. Too many wrong
      // codes over resends (verification_locked) kill the code too, and a new one waits for the API's delay.
      const problem: CodeProblem | undefined = wrong
        ? attemptsLeft === 0
          ? 'locked'
          : 'invalid'
        : kind === 'code_expired'
          ? error.locked
            ? 'locked'
            : code === 'code_not_requested_here'
              ? 'unusable'
              : 'expired'
          : code === 'verification_locked' && kind === 'rate_limited'
            ? 'locked'
            : undefined;
      if (problem) return codeStep(state, after(state.resendAvailableAt), wrong ? attemptsLeft : undefined, problem, error);
    }
  }
  return fail(state, error, now);
}

/** The signup: events in, state out; the same state object when the event changes nothing. */
export function signupReducer(state: SignupState, event: SignupEvent): SignupState {
  // A result (success or failure) answers the current state's request only: a late answer to an abandoned request
  // (edited, retried, superseded) changes nothing.
  if (/SUCCEEDED|REQUEST_FAILED/.test(event.type) && (event as { intentKey?: string }).intentKey !== intentKeyOf(state)) return state;
  switch (event.type) {
    case 'IDENTIFIER_INVALID':
      if (state.status === 'identify') {
        return only({ status: 'identify', input: event.input, invalid: event.reason, phoneCountry: event.country, profile: state.profile });
      }
      break;

    case 'SUBMIT_IDENTIFIER':
      if (state.status === 'identify') return only({ status: 'checking', ...known(event), intentKey: event.intentKey, profile: state.profile });
      break;

    case 'CHECK_SUCCEEDED':
      if (state.status === 'checking') {
        const intentKey = event.nextIntentKey;
        if (event.exists) return only({ status: 'sending', ...known(state), intentKey, profile: state.profile });
        // The merchant's complete profile skips the form; what the shopper typed before pre-fills it, for them to confirm.
        const merchant = profileFor(state.identifier, event.defaultProfile);
        return isCompleteProfile(merchant)
          ? { status: 'creating', ...known(state), user: merchant, intentKey }
          : { status: 'profile', ...known(state), profile: profileFor(state.identifier, { ...event.defaultProfile, ...state.profile }) };
      }
      break;

    case 'SUBMIT_PROFILE':
      // The identifier the shopper was checked with is the one the account is created with.
      if (state.status === 'profile') {
        return { status: 'creating', ...known(state), user: profileFor(state.identifier, event.user), intentKey: event.intentKey };
      }
      break;

    case 'CREATE_SUCCEEDED':
      if (state.status === 'creating') return { status: 'done', outcome: 'created', ...known(state), user: event.user };
      break;

    case 'SEND_SUCCEEDED':
      if (state.status === 'sending') return codeStep(state, event.resendAvailableAt);
      break;

    case 'SUBMIT_CODE':
      // A code the API can no longer accept (expired, locked, not requested here) waits for a new one.
      if (state.status === 'code_sent' && (!state.codeProblem || state.codeProblem === 'invalid') && /^\d+$/.test(event.code)) {
        const { resendAvailableAt, attemptsLeft } = state;
        return only({ status: 'verifying', ...known(state), resendAvailableAt, attemptsLeft, code: event.code, intentKey: event.intentKey, profile: state.profile });
      }
      break;

    case 'RESEND':
      if (state.status === 'code_sent' && event.now >= state.resendAvailableAt) {
        const { resendAvailableAt, attemptsLeft } = state;
        const codeProblem = state.codeProblem === 'invalid' ? undefined : state.codeProblem;
        const resendFrom = only({ resendAvailableAt, attemptsLeft, codeProblem });
        return only({ status: 'sending', ...known(state), intentKey: event.intentKey, resendFrom, profile: state.profile });
      }
      break;

    case 'VERIFY_SUCCEEDED':
      if (state.status === 'verifying') {
        return { status: 'verified', ...known(state), user: event.user, consentChallengeId: event.consentChallengeId };
      }
      break;

    case 'LINK':
      if (state.status === 'verified') return { ...state, status: 'linking', intentKey: event.intentKey };
      break;

    case 'VERIFIED_HOOK_FAILED':
      if (state.status === 'verified') return fail(state, event.error, event.now);
      break;

    case 'LINK_SUCCEEDED':
      if (state.status === 'linking') return { status: 'done', outcome: 'linked', ...known(state), user: state.user };
      break;

    case 'REQUEST_FAILED':
      if (isPending(state) && state.status !== 'verified') return requestFailed(state, event.error, event.now);
      break;

    case 'EDIT_IDENTIFIER':
      if (editable.has(state.status)) return only({ status: 'identify', input: state.input, profile: draftOf(state, event.profile) });
      break;

    case 'RETRY':
      if (state.status === 'failed' && state.retry && event.now >= (state.retryAt ?? 0)) {
        const target = state.retry;
        // The same step is the same intent: its key again, so what the failed attempt may have done at Purse (no
        // answer, or a 5xx after acting) is replayed or reconciled by the handler, not done twice. A new key only for
        // another request (a new code, linking instead) or a key the handler saw with another body.
        const sameIntent = state.recovery === 'retry' && errorCode(state.error) !== 'idempotency_key_reused';
        return target.status === 'verified' || sameIntent ? target : { ...target, intentKey: event.intentKey };
      }
  }
  return state;
}
