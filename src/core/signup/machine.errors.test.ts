import { describe, expect, it } from 'vitest';
import { completeProfile, email, errors, events, states, user } from '../../test/signup-fixtures.ts';
import type { PurseKitError } from '../errors.ts';
import { intentKeyOf, signupReducer } from './machine.ts';
import type { SignupState } from './types.ts';

// How each failure is routed: back to the step the shopper can fix, or to `failed` with a retry.
const failWith = (state: SignupState, error: PurseKitError, now = 1_000) =>
  signupReducer(state, { type: 'REQUEST_FAILED', intentKey: intentKeyOf(state) ?? '', error, now });

describe('signupReducer: error routing', () => {
  const generic = [errors.unauthorized, errors.network, errors.server, errors.request, errors.config] as const;
  /** Errors a second try can fix: no answer, a failing or busy server. */
  const retryable = [errors.network, errors.server, errors.store_full] as const;
  /** Errors the same request meets again: the merchant's setup, or a refusal of what was asked. */
  const final = [errors.unauthorized, errors.request, errors.config, errors.not_configured] as const;

  it('checking: validation back to identify with the error; a retry only where one can succeed', () => {
    expect(failWith(states.checking, errors.validation)).toEqual({
      status: 'identify',
      input: states.checking.input,
      error: errors.validation,
    });
    for (const error of retryable) {
      expect(failWith(states.checking, error)).toEqual({
        status: 'failed',
        input: states.checking.input,
        identifier: email,
        error,
        recovery: 'retry',
        retry: states.checking,
      });
    }
    for (const error of final) {
      const failed = failWith(states.checking, error);
      expect(failed).toEqual({ status: 'failed', input: states.checking.input, identifier: email, error, recovery: 'none' });
      // Nothing to retry into: RETRY changes nothing.
      expect(signupReducer(failed, events.RETRY)).toBe(failed);
    }
  });

  it('linking: a stale consent challenge offers a new code (a new verification), never the used challenge again', () => {
    for (const error of [errors.consent_challenge_unknown, { ...errors.request, status: 403, code: 'consent_challenge_mismatch' }]) {
      const failed = failWith(states.linking, error);
      expect(failed).toMatchObject({ status: 'failed', recovery: 'new_code', error });
      expect(signupReducer(failed, events.RETRY)).toEqual({
        status: 'sending',
        input: states.linking.input,
        identifier: email,
        intentKey: 'k-retry',
      });
    }
  });

  it('linking: a customer already linked to another account is final (no loop back into the consent)', () => {
    const failed = failWith(states.linking, errors.customer_reference_taken);
    expect(failed).toEqual({
      status: 'failed',
      input: states.linking.input,
      identifier: email,
      error: errors.customer_reference_taken,
      recovery: 'none',
    });
    expect(signupReducer(failed, events.RETRY)).toBe(failed);
  });

  it('creating: an account that exists after all is linked with a code rather than created', () => {
    const failed = failWith(states.creating, errors.user_exists);
    expect(failed).toMatchObject({ status: 'failed', recovery: 'link_existing' });
    expect(signupReducer(failed, events.RETRY)).toMatchObject({ status: 'sending', intentKey: 'k-retry', identifier: email });
  });

  it('verifying: a code not requested here asks for a new one; verification locked waits for the lock', () => {
    expect(failWith(states.verifying, errors.code_not_requested_here)).toMatchObject({ status: 'code_sent', codeProblem: 'unusable' });
    expect(failWith(states.verifying, errors.verification_locked, 5_000)).toMatchObject({
      status: 'code_sent',
      codeProblem: 'locked',
      resendAvailableAt: 605_000,
      error: errors.verification_locked,
    });
  });

  it('rate limited anywhere pending: failed with retryAt = now + retryAfterMs', () => {
    for (const state of [states.checking, states.creating, states.sending, states.verifying, states.linking]) {
      expect(failWith(state, errors.rate_limited, 5_000)).toMatchObject({
        status: 'failed',
        recovery: 'retry',
        retry: state,
        retryAt: 15_000,
        error: errors.rate_limited,
      });
    }
  });

  it('creating: validation back to the profile with field errors and the submitted values', () => {
    expect(failWith(states.creating, errors.validation)).toEqual({
      status: 'profile',
      input: states.creating.input,
      identifier: email,
      profile: user,
      error: errors.validation,
    });
    for (const error of generic) expect(failWith(states.creating, error)).toMatchObject({ status: 'failed', error });
  });

  it('creating: not the shop account’s email or phone (identity_mismatch) on the identifier → identify, the profile kept without it', () => {
    const mismatch = { kind: 'validation', status: 403, code: 'identity_mismatch', fields: { 'user.email': 'not yours' }, message: 'm' } as const;
    const creating = { ...states.creating, user: { ...user, phone_number: '+33611223344' } };
    expect(failWith(creating, mismatch)).toEqual({
      status: 'identify',
      input: states.creating.input,
      error: mismatch,
      profile: { first_name: 'Ada', last_name: 'Lovelace', phone_number: '+33611223344' },
    });
    // On another field (the phone typed on the form): the form, where it can be changed.
    const onPhone = { ...mismatch, fields: { 'user.phone_number': 'not yours' } };
    expect(failWith(creating, onPhone)).toMatchObject({ status: 'profile', error: onPhone });
  });

  it('a profile brought back to the identifier pre-fills the form of the next new identifier, but never skips it', () => {
    const { email: _merchantEmail, ...draft } = completeProfile;
    const checking = signupReducer({ status: 'identify', input: '', profile: draft }, events.SUBMIT_IDENTIFIER);
    expect(checking).toMatchObject({ status: 'checking', profile: draft });
    const next = signupReducer(checking, { ...events.CHECK_SUCCEEDED, exists: false });
    expect(next).toEqual({ status: 'profile', input: events.SUBMIT_IDENTIFIER.input, identifier: email, profile: { ...draft, email: email.email } });
    // From the profile step, going back keeps it too.
    const back = signupReducer(next, events.EDIT_IDENTIFIER);
    expect(back).toEqual({ status: 'identify', input: events.SUBMIT_IDENTIFIER.input, profile: draft });
    // So does going back after a create that failed (no answer), and from the check.
    expect(signupReducer(failWith(states.creating, errors.network), events.EDIT_IDENTIFIER)).toMatchObject({ profile: { first_name: 'Ada' } });
    expect(signupReducer(checking, events.EDIT_IDENTIFIER)).toMatchObject({ status: 'identify', profile: draft });
    // An invalid identifier typed meanwhile keeps it.
    expect(signupReducer(back, events.IDENTIFIER_INVALID)).toMatchObject({ invalid: 'unknown', profile: draft });
  });

  it('sending: validation on the first code → identify; on a resend → failed', () => {
    expect(failWith(states.sending, errors.validation)).toMatchObject({ status: 'identify', error: errors.validation });
    const resend = { ...states.sending, resendFrom: { resendAvailableAt: 30_000 } };
    expect(failWith(resend, errors.validation)).toMatchObject({ status: 'failed', recovery: 'none' });
    for (const error of generic) expect(failWith(states.sending, error)).toMatchObject({ status: 'failed', error });
  });

  it('sending: a throttled resend goes back to the code with the wait the API asked for', () => {
    const resend = { ...states.sending, resendFrom: { resendAvailableAt: 30_000, attemptsLeft: 4 } };
    expect(failWith(resend, errors.rate_limited, 35_000)).toEqual({
      status: 'code_sent',
      input: states.sending.input,
      identifier: email,
      resendAvailableAt: 45_000,
      attemptsLeft: 4,
      error: errors.rate_limited,
    });
  });

  it('sending: a throttled resend of a dead code (expired, locked, not usable here) keeps it dead: no code typed into it', () => {
    for (const codeProblem of ['expired', 'locked', 'unusable'] as const) {
      const dead = { ...states.code_sent, codeProblem, error: errors.code_expired };
      const resend = signupReducer(dead, { ...events.RESEND, now: 30_000 });
      const back = failWith(resend, errors.rate_limited, 35_000);
      expect(back).toMatchObject({ status: 'code_sent', codeProblem, resendAvailableAt: 45_000, error: errors.rate_limited });
      expect(signupReducer(back, events.SUBMIT_CODE)).toBe(back);
    }
    // A wrong code is not a dead one: the code still works, the old message is not repeated.
    const wrong = { ...states.code_sent, codeProblem: 'invalid' as const, attemptsLeft: 2, error: errors.invalid_code };
    expect(failWith(signupReducer(wrong, { ...events.RESEND, now: 30_000 }), errors.rate_limited, 35_000)).toEqual(
      expect.not.objectContaining({ codeProblem: expect.anything() }),
    );
  });

  it('sending: a resend refused because verification is locked (too many wrong codes) says the code is locked', () => {
    const resend = signupReducer(states.code_sent, { ...events.RESEND, now: 30_000 });
    expect(failWith(resend, errors.verification_locked, 35_000)).toMatchObject({
      status: 'code_sent',
      codeProblem: 'locked',
      resendAvailableAt: 35_000 + errors.verification_locked.retryAfterMs,
    });
  });

  it('sending: a first send throttled (a code was sent moments ago, before a reload) goes to the code step, a new code after the wait', () => {
    const throttled = { ...errors.rate_limited, code: 'resend_throttled' };
    expect(failWith(states.sending, throttled, 35_000)).toEqual({
      status: 'code_sent',
      input: states.sending.input,
      identifier: email,
      resendAvailableAt: 45_000,
    });
  });

  it('verifying: wrong code stays in code entry with attempts left', () => {
    expect(failWith(states.verifying, errors.invalid_code)).toEqual({
      status: 'code_sent',
      input: states.verifying.input,
      identifier: email,
      resendAvailableAt: 30_000,
      attemptsLeft: 3,
      codeProblem: 'invalid',
      error: errors.invalid_code,
    });
  });

  it('verifying: wrong code without a count keeps the previous count; zero left means locked', () => {
    const noCount = { kind: 'invalid_code', message: 'wrong' } as const;
    expect(failWith({ ...states.verifying, attemptsLeft: 2 }, noCount)).toMatchObject({
      codeProblem: 'invalid',
      attemptsLeft: 2,
    });
    expect(failWith(states.verifying, noCount)).not.toHaveProperty('attemptsLeft');
    expect(failWith(states.verifying, { ...errors.invalid_code, attemptsLeft: 0 })).toMatchObject({
      status: 'code_sent',
      codeProblem: 'locked',
      attemptsLeft: 0,
    });
  });

  it('verifying: validation (malformed code) is a wrong code', () => {
    expect(failWith(states.verifying, errors.validation)).toMatchObject({ status: 'code_sent', codeProblem: 'invalid' });
  });

  it('verifying: expired and locked codes need a resend', () => {
    expect(failWith({ ...states.verifying, attemptsLeft: 1 }, errors.code_expired)).toEqual({
      status: 'code_sent',
      input: states.verifying.input,
      identifier: email,
      resendAvailableAt: 30_000,
      codeProblem: 'expired',
      error: errors.code_expired,
    });
    expect(failWith(states.verifying, errors.code_locked)).toMatchObject({ status: 'code_sent', codeProblem: 'locked' });
    for (const error of retryable) {
      expect(failWith(states.verifying, error)).toMatchObject({ status: 'failed', error, retry: states.verifying });
    }
  });

  it('verifying: a refused code keeps the resend time it had; only a rate limit moves it later', () => {
    const later = 10 * 60_000; // long after resendAvailableAt (30 000)
    for (const error of [errors.invalid_code, errors.validation, errors.code_expired, errors.code_not_requested_here]) {
      expect(failWith(states.verifying, error, later)).toMatchObject({ status: 'code_sent', resendAvailableAt: 30_000 });
    }
    expect(failWith(states.verifying, errors.verification_locked, later)).toMatchObject({
      status: 'code_sent',
      codeProblem: 'locked',
      resendAvailableAt: later + errors.verification_locked.retryAfterMs,
    });
  });

  it('linking: a retryable error retries the consent; other refusals end without a retry', () => {
    for (const error of retryable) {
      expect(failWith(states.linking, error)).toMatchObject({ status: 'failed', error, recovery: 'retry', retry: states.linking });
    }
    for (const error of [...final, errors.validation, errors.session_expired]) {
      expect(failWith(states.linking, error)).toEqual(expect.not.objectContaining({ retry: expect.anything() }));
    }
  });

  it('verified: onVerified failing fails with retry to verified', () => {
    expect(signupReducer(states.verified, { type: 'VERIFIED_HOOK_FAILED', error: errors.server, now: 0 })).toEqual({
      status: 'failed',
      input: states.verified.input,
      identifier: email,
      error: errors.server,
      recovery: 'retry',
      retry: states.verified,
    });
  });
});

describe('signupReducer: retry', () => {
  it('re-enters the failed step with a new intent key when the old one is spent on another body', () => {
    const reused = { kind: 'request', status: 409, code: 'idempotency_key_reused', message: 'reused' } as const;
    expect(signupReducer(failWith(states.creating, reused), events.RETRY)).toEqual({ ...states.creating, intentKey: 'k-retry' });
  });

  it('after a network failure reuses the old key (the first request may have landed)', () => {
    const failed = failWith(states.creating, errors.network);
    expect(signupReducer(failed, events.RETRY)).toBe(states.creating);
  });

  it('waits for the rate limit', () => {
    const failed = failWith(states.sending, errors.rate_limited, 5_000);
    expect(signupReducer(failed, { ...events.RETRY, now: 14_999 })).toBe(failed);
    expect(signupReducer(failed, { ...events.RETRY, now: 15_000 })).toEqual(states.sending);
  });

  it('retrying onVerified re-enters verified', () => {
    const failed = signupReducer(states.verified, events.VERIFIED_HOOK_FAILED);
    expect(signupReducer(failed, events.RETRY)).toBe(states.verified);
  });

  it('every pending state can be retried into, with the key of its intent: a 5xx may come after Purse acted', () => {
    // The handler stores no 5xx, 429 or "in progress" answer and keeps what the attempt sent Purse, so the same key makes
    // it replay or reconcile (read back the account, the code sent, the consent) instead of asking Purse a second time.
    const inProgress = { kind: 'request', status: 409, code: 'idempotency_in_progress', message: 'busy' } as const;
    for (const state of [states.checking, states.creating, states.sending, states.verifying, states.linking]) {
      for (const error of [errors.server, errors.store_full, errors.rate_limited, inProgress]) {
        expect(signupReducer(failWith(state, error, -20_000), events.RETRY)).toEqual(state);
      }
    }
  });

  it('a new code, or linking the account found meanwhile, is another request: a new key', () => {
    const stale = failWith(states.linking, errors.consent_challenge_unknown);
    expect(signupReducer(stale, events.RETRY)).toEqual({ ...states.sending, intentKey: 'k-retry' });
    const exists = failWith(states.creating, errors.user_exists);
    // The profile the create was sent with goes along (without the email), in case the shopper then uses another one.
    const draft = { first_name: 'Ada', last_name: 'Lovelace' };
    expect(signupReducer(exists, events.RETRY)).toEqual({ ...states.sending, intentKey: 'k-retry', profile: draft });
  });
});

