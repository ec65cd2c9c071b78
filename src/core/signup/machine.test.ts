import { describe, expect, it } from 'vitest';
import type { PurseKitError } from '../errors.ts';
import { completeProfile, email, errors, events, states, user } from '../../test/signup-fixtures.ts';
import { initialSignupState, intentKeyOf, isPending, signupReducer } from './machine.ts';
import type { SignupEvent, SignupEventType, SignupState, SignupStatus } from './types.ts';

const reduce = (state: SignupState, ...list: SignupEvent[]) => list.reduce(signupReducer, state);

/** Events each status accepts (with the fixtures' matching intent keys); everything else must be ignored. */
const accepted: Record<SignupStatus, SignupEventType[]> = {
  identify: ['IDENTIFIER_INVALID', 'SUBMIT_IDENTIFIER'],
  checking: ['CHECK_SUCCEEDED', 'REQUEST_FAILED', 'EDIT_IDENTIFIER'],
  profile: ['SUBMIT_PROFILE', 'EDIT_IDENTIFIER'],
  creating: ['CREATE_SUCCEEDED', 'REQUEST_FAILED'],
  sending: ['SEND_SUCCEEDED', 'REQUEST_FAILED', 'EDIT_IDENTIFIER'],
  code_sent: ['SUBMIT_CODE', 'RESEND', 'EDIT_IDENTIFIER'],
  verifying: ['VERIFY_SUCCEEDED', 'REQUEST_FAILED', 'EDIT_IDENTIFIER'],
  verified: ['LINK', 'VERIFIED_HOOK_FAILED'],
  linking: ['LINK_SUCCEEDED', 'REQUEST_FAILED'],
  done: [],
  failed: ['RETRY', 'EDIT_IDENTIFIER'],
};

/** The fixture event, with REQUEST_FAILED aimed at the state's own request. */
function eventFor(state: SignupState, type: SignupEventType): SignupEvent {
  const event = events[type];
  if (event.type === 'REQUEST_FAILED') return { ...event, intentKey: intentKeyOf(state) ?? 'none' };
  return event;
}

describe('signupReducer: the transition table', () => {
  for (const [status, state] of Object.entries(states) as [SignupStatus, SignupState][]) {
    for (const type of Object.keys(events) as SignupEventType[]) {
      const moves = accepted[status].includes(type);
      it(`${status} ${moves ? 'accepts' : 'ignores'} ${type}`, () => {
        const next = signupReducer(state, eventFor(state, type));
        if (moves) expect(next).not.toBe(state);
        else expect(next).toBe(state);
      });
    }
  }
});

describe('signupReducer: identify and check', () => {
  it('starts in identify with the pre-filled value', () => {
    expect(initialSignupState()).toEqual({ status: 'identify', input: '' });
    expect(initialSignupState('+33612345678')).toEqual({ status: 'identify', input: '+33612345678' });
  });

  it('records a locally refused identifier, and clears it on the next refusal or submit', () => {
    const refused = signupReducer(states.identify, events.IDENTIFIER_INVALID);
    expect(refused).toEqual({ status: 'identify', input: 'nope', invalid: 'unknown' });
    const checking = signupReducer(refused, events.SUBMIT_IDENTIFIER);
    expect(checking).toEqual({ status: 'checking', input: ' ada@example.com ', identifier: email, intentKey: 'k-check' });
  });

  it('a phone that cannot receive a text: remembers the country it was read as, for the message; the next refusal forgets it', () => {
    const refused = signupReducer(states.identify, { type: 'IDENTIFIER_INVALID', input: '0470 12 34 56', reason: 'not_mobile', country: 'FR' });
    expect(refused).toEqual({ status: 'identify', input: '0470 12 34 56', invalid: 'not_mobile', phoneCountry: 'FR' });
    expect(signupReducer(refused, events.IDENTIFIER_INVALID)).toEqual({ status: 'identify', input: 'nope', invalid: 'unknown' });
  });

  it('existing shopper: check → sending with the next intent key', () => {
    expect(signupReducer(states.checking, events.CHECK_SUCCEEDED)).toEqual({
      status: 'sending',
      input: states.checking.input,
      identifier: email,
      intentKey: 'k-send',
    });
  });

  it('new shopper: check → profile pre-filled with the merchant profile and the identifier', () => {
    const next = signupReducer(states.checking, {
      ...events.CHECK_SUCCEEDED,
      exists: false,
      defaultProfile: { first_name: 'Ada', email: 'other@example.com' },
    });
    expect(next).toEqual({
      status: 'profile',
      input: states.checking.input,
      identifier: email,
      profile: { first_name: 'Ada', email: 'ada@example.com' },
    });
  });

  it('new shopper with a complete merchant profile skips the profile step', () => {
    const next = signupReducer(states.checking, {
      ...events.CHECK_SUCCEEDED,
      exists: false,
      defaultProfile: completeProfile,
    });
    expect(next).toEqual({
      status: 'creating',
      input: states.checking.input,
      identifier: email,
      user: { ...completeProfile, email: 'ada@example.com' },
      intentKey: 'k-send',
    });
  });

  it('a phone identifier with a profile lacking an email still asks for the profile', () => {
    const phone = { phone_number: '+33612345678' };
    const checking: SignupState = { ...states.checking, identifier: phone };
    const { email: _drop, ...noEmail } = completeProfile;
    const next = signupReducer(checking, { ...events.CHECK_SUCCEEDED, exists: false, defaultProfile: noEmail });
    expect(next).toMatchObject({ status: 'profile', profile: { ...noEmail, phone_number: '+33612345678' } });
  });

  it('ignores the result of another intent (a late answer)', () => {
    expect(signupReducer(states.checking, { ...events.CHECK_SUCCEEDED, intentKey: 'old' })).toBe(states.checking);
    expect(signupReducer(states.creating, { ...events.CREATE_SUCCEEDED, intentKey: 'old' })).toBe(states.creating);
    expect(signupReducer(states.sending, { ...events.SEND_SUCCEEDED, intentKey: 'old' })).toBe(states.sending);
    expect(signupReducer(states.verifying, { ...events.VERIFY_SUCCEEDED, intentKey: 'old' })).toBe(states.verifying);
    expect(signupReducer(states.linking, { ...events.LINK_SUCCEEDED, intentKey: 'old' })).toBe(states.linking);
    for (const state of [states.checking, states.creating, states.sending, states.verifying, states.linking]) {
      expect(signupReducer(state, { ...events.REQUEST_FAILED, intentKey: 'old' })).toBe(state);
    }
  });
});

describe('signupReducer: new shopper', () => {
  it('profile → creating (identifier enforced) → done(created)', () => {
    const creating = signupReducer(states.profile, {
      ...events.SUBMIT_PROFILE,
      user: { ...user, email: 'typed-over@example.com' },
    });
    expect(creating).toEqual({
      status: 'creating',
      input: states.profile.input,
      identifier: email,
      user: { ...user, email: 'ada@example.com' },
      intentKey: 'k-create',
    });
    const created = { ...user, phone_number: '+33600000000' };
    expect(signupReducer(creating, { ...events.CREATE_SUCCEEDED, user: created })).toEqual({
      status: 'done',
      outcome: 'created',
      input: states.profile.input,
      identifier: email,
      user: created,
    });
  });
});

describe('signupReducer: existing shopper', () => {
  it('sending → code_sent → verifying → verified → linking → done(linked)', () => {
    const done = reduce(
      states.sending,
      events.SEND_SUCCEEDED,
      events.SUBMIT_CODE,
      events.VERIFY_SUCCEEDED,
      events.LINK,
      events.LINK_SUCCEEDED,
    );
    expect(done).toEqual({ status: 'done', outcome: 'linked', input: states.sending.input, identifier: email, user });
  });

  it('code_sent carries resendAvailableAt; verifying keeps it and the attempts left', () => {
    const sent = signupReducer(states.sending, events.SEND_SUCCEEDED);
    expect(sent).toEqual({ status: 'code_sent', input: states.sending.input, identifier: email, resendAvailableAt: 30_000 });
    const verifying = signupReducer({ ...states.code_sent, attemptsLeft: 2 }, events.SUBMIT_CODE);
    expect(verifying).toEqual({ ...states.verifying, attemptsLeft: 2 });
  });

  it('verified user and consent challenge are kept for linking', () => {
    expect(signupReducer(states.verifying, events.VERIFY_SUCCEEDED)).toEqual(states.verified);
    expect(signupReducer(states.verified, events.LINK)).toEqual(states.linking);
  });

  it('refuses a code that is not digits', () => {
    expect(signupReducer(states.code_sent, { ...events.SUBMIT_CODE, code: '12a456' })).toBe(states.code_sent);
    expect(signupReducer(states.code_sent, { ...events.SUBMIT_CODE, code: '' })).toBe(states.code_sent);
  });

  it('resend only once available; keeps the code step to come back to', () => {
    expect(signupReducer(states.code_sent, { ...events.RESEND, now: 29_999 })).toBe(states.code_sent);
    const withAttempts = { ...states.code_sent, attemptsLeft: 3 };
    expect(signupReducer(withAttempts, events.RESEND)).toEqual({
      status: 'sending',
      input: states.code_sent.input,
      identifier: email,
      intentKey: 'k-resend',
      resendFrom: { resendAvailableAt: 30_000, attemptsLeft: 3 },
    });
  });

  it('a new code clears the problem and the attempts count', () => {
    const locked = { ...states.code_sent, codeProblem: 'locked' as const, error: errors.code_locked, attemptsLeft: 0 };
    const sent = reduce(locked, events.RESEND, { ...events.SEND_SUCCEEDED, intentKey: 'k-resend', resendAvailableAt: 90_000 });
    expect(sent).toEqual({ status: 'code_sent', input: states.code_sent.input, identifier: email, resendAvailableAt: 90_000 });
  });

  it('expired and locked codes refuse new submissions until a resend', () => {
    for (const codeProblem of ['expired', 'locked'] as const) {
      const state = { ...states.code_sent, codeProblem };
      expect(signupReducer(state, events.SUBMIT_CODE)).toBe(state);
    }
    const wrong = { ...states.code_sent, codeProblem: 'invalid' as const };
    expect(signupReducer(wrong, events.SUBMIT_CODE)).toMatchObject({ status: 'verifying' });
  });
});

describe('signupReducer: edit identifier', () => {
  for (const status of ['checking', 'profile', 'sending', 'code_sent', 'verifying', 'failed'] as const) {
    it(`${status} → identify, keeping the value`, () => {
      expect(signupReducer(states[status], events.EDIT_IDENTIFIER)).toEqual({
        status: 'identify',
        input: ' ada@example.com ',
      });
    });
  }
});

describe('signupReducer: a profile the shopper typed survives the existing-account branch (WCAG 3.3.7)', () => {
  /** What the shopper typed on the profile form, brought back to the identifier field (no email: draftOf strips it). */
  const draft = { first_name: 'Ada', last_name: 'Lovelace', phone_number: '+33611223344' };
  const failWith = (state: SignupState, error: PurseKitError, now = 1_000) =>
    signupReducer(state, { type: 'REQUEST_FAILED', intentKey: intentKeyOf(state) ?? '', error, now });
  /** Back to the field, then a third, new email: the profile form must be pre-filled with the draft again. */
  const formAfterEditing = (state: SignupState) => {
    const back = signupReducer(state, events.EDIT_IDENTIFIER);
    expect(back).toEqual({ status: 'identify', input: states.checking.input, profile: draft });
    return reduce(back, events.SUBMIT_IDENTIFIER, { ...events.CHECK_SUCCEEDED, exists: false });
  };
  const withDraft = <S extends SignupState>(state: S) => ({ ...state, profile: draft });

  it('an email with an account (check → code step), then "Use another email or phone" and a new email: the form is pre-filled again', () => {
    const code = reduce({ status: 'identify', input: '', profile: draft }, events.SUBMIT_IDENTIFIER, events.CHECK_SUCCEEDED, events.SEND_SUCCEEDED);
    expect(code).toMatchObject({ status: 'code_sent', profile: draft });
    expect(formAfterEditing(code)).toEqual({ status: 'profile', input: events.SUBMIT_IDENTIFIER.input, identifier: email, profile: { ...draft, ...email } });
  });

  it('from the send (pending), the check of the code, a wrong code and a resend', () => {
    formAfterEditing(withDraft(states.sending));
    const verifying = signupReducer(withDraft(states.code_sent), events.SUBMIT_CODE);
    formAfterEditing(verifying);
    formAfterEditing(failWith(verifying, errors.invalid_code));
    formAfterEditing(signupReducer(withDraft(states.code_sent), events.RESEND));
  });

  it('a send refused (validation) or rate limited (a code sent moments ago, a throttled resend)', () => {
    expect(failWith(withDraft(states.sending), errors.validation)).toEqual({ status: 'identify', input: states.sending.input, error: errors.validation, profile: draft });
    formAfterEditing(failWith(withDraft(states.sending), { ...errors.rate_limited, code: 'resend_throttled' }));
    const resend = signupReducer(withDraft(states.code_sent), events.RESEND);
    formAfterEditing(failWith(resend, errors.rate_limited));
  });

  it('a failed step, retried or not, and one that offers no retry', () => {
    for (const from of [withDraft(states.checking), withDraft(states.sending), withDraft(states.verifying)]) {
      const failed = failWith(from, errors.server);
      formAfterEditing(failed);
      formAfterEditing(signupReducer(failed, events.RETRY));
      formAfterEditing(failWith(from, errors.unauthorized));
    }
    // A create the shop cannot make (no retry): the profile it was sent with, without the identifier.
    expect(signupReducer(failWith(states.creating, errors.unauthorized), events.EDIT_IDENTIFIER)).toEqual({
      status: 'identify',
      input: states.creating.input,
      profile: { first_name: 'Ada', last_name: 'Lovelace' },
    });
  });

  it('a create that finds the account made meanwhile (link it with a code instead), then another email', () => {
    const creating = { ...states.creating, user: { ...user, phone_number: '+33611223344' } };
    const failed = failWith(creating, errors.user_exists);
    expect(failed).toMatchObject({ recovery: 'link_existing', retry: { status: 'sending', profile: draft } });
    formAfterEditing(failed);
    formAfterEditing(reduce(failed, events.RETRY, { ...events.SEND_SUCCEEDED, intentKey: 'k-retry' }));
  });

  it('is not kept once the code is verified: the account exists, no form to pre-fill', () => {
    const verified = reduce(withDraft(states.code_sent), events.SUBMIT_CODE, events.VERIFY_SUCCEEDED);
    expect(verified).toEqual(states.verified);
  });
});

describe('isPending', () => {
  it('is true exactly for the states with an effect', () => {
    const pending = (Object.values(states) as SignupState[]).filter(isPending).map((state) => state.status);
    expect(pending).toEqual(['checking', 'creating', 'sending', 'verifying', 'verified', 'linking']);
  });
});
