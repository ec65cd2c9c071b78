// One state of each status, and one event of each type, for the reducer's tests.
import type { PurseKitError } from '../core/errors.ts';
import type { XcoUser } from '../core/wire/xco.ts';
import type { SignupEvent, SignupEventType, SignupState, SignupStatus } from '../core/signup/types.ts';

export const email = { email: 'ada@example.com' };
export const user: XcoUser = { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' };
export const completeProfile: XcoUser = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'merchant-copy@example.com',
  addresses: [
    {
      address_type: 'billing',
      street_address: '1 rue de la Paix',
      locality: 'Paris',
      postal_code: '75002',
      country: 'FRANCE',
    },
  ],
};

const known = { input: ' ada@example.com ', identifier: email };

export const states = {
  identify: { status: 'identify', input: 'ada@example.com' },
  checking: { status: 'checking', ...known, intentKey: 'k-check' },
  profile: { status: 'profile', ...known, profile: { email: 'ada@example.com' } },
  creating: { status: 'creating', ...known, user, intentKey: 'k-create' },
  sending: { status: 'sending', ...known, intentKey: 'k-send' },
  code_sent: { status: 'code_sent', ...known, resendAvailableAt: 30_000 },
  verifying: { status: 'verifying', ...known, resendAvailableAt: 30_000, code: '123456', intentKey: 'k-verify' },
  verified: { status: 'verified', ...known, user, consentChallengeId: 'cc-1' },
  linking: { status: 'linking', ...known, user, consentChallengeId: 'cc-1', intentKey: 'k-link' },
  done: { status: 'done', ...known, outcome: 'linked', user },
  failed: {
    status: 'failed',
    ...known,
    error: { kind: 'server', status: 502, message: 'bad gateway' },
    recovery: 'retry',
    retry: { status: 'checking', ...known, intentKey: 'k-check' },
  },
} satisfies { [S in SignupStatus]: Extract<SignupState, { status: S }> };

export const errors = {
  validation: { kind: 'validation', message: 'bad', fields: { 'user.first_name': 'required' }, status: 400 },
  invalid_code: { kind: 'invalid_code', message: 'wrong', attemptsLeft: 3 },
  code_expired: { kind: 'code_expired', message: 'expired', locked: false },
  code_locked: { kind: 'code_expired', message: 'locked', locked: true },
  rate_limited: { kind: 'rate_limited', message: 'slow down', retryAfterMs: 10_000 },
  unauthorized: { kind: 'unauthorized', message: 'check your credentials', status: 401 },
  network: { kind: 'network', message: 'offline', timeout: false },
  server: { kind: 'server', message: 'boom', status: 500 },
  script_load: { kind: 'script_load', message: 'no script', url: 'https://cdn.example/x.js' },
  session_expired: { kind: 'session_expired', message: 'expired' },
  config: { kind: 'config', message: 'misconfigured' },
  request: { kind: 'request', message: 'not found', status: 404 },
  customer_reference_taken: { kind: 'request', message: 'taken', status: 409, code: 'customer_reference_taken' },
  consent_challenge_unknown: {
    kind: 'validation',
    message: 'unknown challenge',
    fields: { consent_challenge_id: 'Verify a new code' },
    status: 400,
    code: 'consent_challenge_unknown',
  },
  user_exists: { kind: 'validation', message: 'exists', fields: { 'user.email': 'exists' }, status: 409, code: 'user_exists' },
  not_configured: { kind: 'server', message: 'no PURSE_* variables', status: 500, code: 'purse_not_configured' },
  store_full: { kind: 'server', message: 'store full', status: 503, code: 'store_full' },
  verification_locked: { kind: 'rate_limited', message: 'locked', retryAfterMs: 600_000, code: 'verification_locked' },
  code_not_requested_here: { kind: 'code_expired', message: 'elsewhere', locked: false, code: 'code_not_requested_here' },
} satisfies Record<string, PurseKitError>;

/** One event of each type, with the intent keys of `states` so that results match. */
export const events = {
  IDENTIFIER_INVALID: { type: 'IDENTIFIER_INVALID', input: 'nope', reason: 'unknown' },
  SUBMIT_IDENTIFIER: { type: 'SUBMIT_IDENTIFIER', input: ' ada@example.com ', identifier: email, intentKey: 'k-check' },
  CHECK_SUCCEEDED: { type: 'CHECK_SUCCEEDED', intentKey: 'k-check', exists: true, nextIntentKey: 'k-send', now: 0 },
  SUBMIT_PROFILE: { type: 'SUBMIT_PROFILE', user, intentKey: 'k-create' },
  CREATE_SUCCEEDED: { type: 'CREATE_SUCCEEDED', intentKey: 'k-create', user },
  SEND_SUCCEEDED: { type: 'SEND_SUCCEEDED', intentKey: 'k-send', resendAvailableAt: 30_000 },
  SUBMIT_CODE: { type: 'SUBMIT_CODE', code: '123456', intentKey: 'k-verify' },
  RESEND: { type: 'RESEND', intentKey: 'k-resend', now: 30_000 },
  VERIFY_SUCCEEDED: { type: 'VERIFY_SUCCEEDED', intentKey: 'k-verify', user, consentChallengeId: 'cc-1' },
  LINK: { type: 'LINK', intentKey: 'k-link' },
  VERIFIED_HOOK_FAILED: { type: 'VERIFIED_HOOK_FAILED', error: errors.server, now: 0 },
  LINK_SUCCEEDED: { type: 'LINK_SUCCEEDED', intentKey: 'k-link' },
  REQUEST_FAILED: { type: 'REQUEST_FAILED', intentKey: 'k-check', error: errors.server, now: 0 },
  EDIT_IDENTIFIER: { type: 'EDIT_IDENTIFIER' },
  RETRY: { type: 'RETRY', intentKey: 'k-retry', now: 0 },
} satisfies { [T in SignupEventType]: Extract<SignupEvent, { type: T }> };
