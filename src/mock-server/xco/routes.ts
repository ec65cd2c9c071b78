// XCO API v1 routes (purse-docs/xco-api-v1-reference.txt): users/exists, create user with consent, passwordless
// start/verify, consents by challenge, get user by customer reference.
import type { XcoIdentifier, XcoUser } from '../../core/wire/xco.ts';
import type { CallContext, MockContext, MockModule, MockRoute } from '../shared/context.ts';
import { isRecord, json, noContent, problem, readJsonBody, readValidBody, tooManyRequests, validationProblem } from '../shared/http.ts';
import { createOtpStore, type VerifyResult } from './otp.ts';
import { createRateLimiter } from '../shared/rate-limit.ts';
import { MOCK_CREDENTIALS } from '../seed.ts';
import type { MockConsentRecord, MockUserRecord } from '../types.ts';
import { createUserStore, identifierKey } from './users.ts';
import { validateConsent, validateCreateUser, validateIdentifier, type IdentifierInput } from './validation.ts';

export interface XcoModule extends MockModule {
  currentCode(identifier: XcoIdentifier): string | undefined;
  users(): MockUserRecord[];
  consents(): MockConsentRecord[];
}

const MERCHANT = '/v1/merchants/:merchantId';

export function createXcoModule(context: MockContext): XcoModule {
  const { options } = context;
  const users = createUserStore();
  const otp = createOtpStore({
    now: context.now,
    ttlMs: options.otpTtlMs,
    resendThrottleMs: options.resendThrottleMs,
    maxAttempts: options.maxCodeAttempts,
    budget: options.verifyBudget,
  });
  const limiter = createRateLimiter(context.now, options.rateLimit.limit, options.rateLimit.windowMs);

  /** The mock knows one merchant; any other id is a configuration mistake of the caller. */
  const wrongMerchant = (call: CallContext) =>
    call.params.merchantId === MOCK_CREDENTIALS.merchantId
      ? undefined
      : problem({
          status: 403,
          title: 'Forbidden',
          detail: `Merchant ${call.params.merchantId} is not accessible with these credentials (the mock merchant is ${MOCK_CREDENTIALS.merchantId}).`,
          code: 'unknown_merchant',
          instance: call.url.pathname,
        });

  /** Counts the call against its caller_id (fallback: the client id); also notes caller_id in the request log. */
  function rateLimited(call: CallContext, callerId: unknown): Response | undefined {
    const caller = typeof callerId === 'string' && callerId !== '' ? callerId : undefined;
    if (caller && call.record) call.record.caller_id = caller;
    const verdict = limiter.take(caller ? `caller:${caller}` : `client:${call.clientId ?? ''}`);
    if (verdict.ok) return undefined;
    return tooManyRequests(call.url.pathname, 'rate_limited', 'Too many requests for this caller; retry later.', verdict.retryAfterMs);
  }

  const codeProblem = (instance: string, code: string, title: string, detail: string, extensions?: Record<string, unknown>) =>
    problem({
      status: 400,
      title,
      detail,
      code,
      instance,
      errors: [{ pointer: '/verification_code', detail }],
      ...(extensions ? { extensions } : {}),
    });

  /**
   * The common front of passwordless start and verify: merchant, JSON body, rate limit (counted even when the body is
   * not JSON), then the identifier (and the code for verify).
   */
  async function passwordlessInput(
    request: Request,
    call: CallContext,
    requireCode: boolean,
  ): Promise<({ ok: true; instance: string } & IdentifierInput) | { ok: false; response: Response }> {
    const instance = call.url.pathname;
    const refused = wrongMerchant(call);
    if (refused) return { ok: false, response: refused };
    const body = await readJsonBody(request, instance);
    const limited = rateLimited(call, body.ok && isRecord(body.value) ? body.value.caller_id : undefined);
    if (limited) return { ok: false, response: limited };
    if (!body.ok) return body;
    const parsed = validateIdentifier(body.value, { requireCode, refuseUnknown: true });
    if (!parsed.ok) return { ok: false, response: validationProblem(instance, parsed.issues) };
    return { ok: true, instance, ...parsed.value };
  }

  const routes: MockRoute[] = [
    {
      method: 'GET',
      path: '/v1/users/exists',
      handler(_request, call) {
        const input: Record<string, string> = {};
        for (const key of ['email', 'phone_number', 'caller_id']) {
          const value = call.url.searchParams.get(key);
          if (value !== null) input[key] = value;
        }
        const limited = rateLimited(call, input.caller_id);
        if (limited) return limited;
        const parsed = validateIdentifier(input, { requireCode: false, refuseUnknown: false });
        if (!parsed.ok) return validationProblem(call.url.pathname, parsed.issues);
        const entry = users.find(parsed.value.identifier);
        return json(200, { exists: entry !== undefined, token_count: users.tokenCount(parsed.value.identifier) });
      },
    },
    {
      method: 'POST',
      path: `${MERCHANT}/users/passwordless/start`,
      async handler(request, call) {
        const input = await passwordlessInput(request, call, false);
        if (!input.ok) return input.response;
        const { instance, identifier } = input;
        // Only existing accounts get a code; the caller learnt existence from users/exists anyway.
        if (!users.find(identifier)) {
          return problem({ status: 404, title: 'Not Found', detail: 'No XCO account has this identifier.', code: 'user_not_found', instance });
        }
        const sent = otp.start(identifierKey(identifier));
        if (!sent.ok && sent.locked) return budgetSpent(instance, sent.retryAfterMs);
        if (!sent.ok) {
          return tooManyRequests(instance, 'resend_throttled', 'A code was sent moments ago; wait before asking for another.', sent.retryAfterMs);
        }
        options.onOtp?.({ identifier: { ...identifier }, code: sent.code });
        return noContent();
      },
    },
    {
      method: 'POST',
      path: `${MERCHANT}/users/passwordless/verify`,
      async handler(request, call) {
        const input = await passwordlessInput(request, call, true);
        if (!input.ok) return input.response;
        const { instance, identifier, verificationCode = '' } = input;
        const entry = users.find(identifier);
        const result: VerifyResult = entry ? otp.verify(identifierKey(identifier), verificationCode) : { ok: false, reason: 'no_code' };
        if (result.ok && entry) return json(200, { consent_challenge_id: users.issueChallenge(entry), user: structuredClone(entry.user) });
        if (result.ok) throw new Error('unreachable: a code was verified for an unknown user');
        if (result.reason === 'budget_spent') return budgetSpent(instance, result.retryAfterMs);
        if (result.reason === 'invalid_code') {
          return codeProblem(instance, 'invalid_code', 'Invalid Verification Code', 'The verification code is wrong.', {
            attempts_left: result.attemptsLeft,
          });
        }
        const [code, title, detail] = CODE_REFUSALS[result.reason];
        return codeProblem(instance, code, title, detail);
      },
    },
    {
      method: 'POST',
      path: `${MERCHANT}/users`,
      async handler(request, call) {
        const instance = call.url.pathname;
        const refused = wrongMerchant(call);
        if (refused) return refused;
        const body = await readValidBody<{ customer_reference: string; user: XcoUser }>(request, instance, (value) =>
          validateCreateUser(value, context.now()),
        );
        if (!body.ok) return body.response;
        const { customer_reference, user } = body.value;
        const taken = users.conflict(user);
        if (taken) {
          const detail = `An XCO account already exists for this ${taken === 'email' ? 'email' : 'phone number'}.`;
          return problem({ status: 409, title: 'Conflict', detail, code: 'user_exists', instance, errors: [{ pointer: `/user/${taken}`, detail }] });
        }
        if (users.byReference(customer_reference)) return referenceTaken(instance);
        return json(201, { customer_reference, user: users.create(customer_reference, user) });
      },
    },
    {
      method: 'POST',
      path: `${MERCHANT}/users/:customerReference/consents`,
      async handler(request, call) {
        const instance = call.url.pathname;
        const refused = wrongMerchant(call);
        if (refused) return refused;
        const body = await readValidBody<{ consent_challenge_id: string }>(request, instance, validateConsent);
        if (!body.ok) return body.response;
        const id = body.value.consent_challenge_id;
        const challenge = users.challenge(id);
        if (!challenge) {
          const detail = 'Unknown consent challenge.';
          return problem({ status: 400, title: 'Validation Error', detail, code: 'unknown_consent_challenge', instance, errors: [{ pointer: '/consent_challenge_id', detail }] });
        }
        if (challenge.used) {
          return problem({ status: 409, title: 'Conflict', detail: 'This consent challenge was already used.', code: 'consent_challenge_used', instance });
        }
        const reference = call.params.customerReference ?? '';
        const holder = users.byReference(reference);
        if (holder && holder !== challenge.user) return referenceTaken(instance);
        users.redeem(id, reference);
        return noContent();
      },
    },
    {
      method: 'GET',
      path: `${MERCHANT}/users/:customerReference`,
      handler(_request, call) {
        const refused = wrongMerchant(call);
        if (refused) return refused;
        const entry = users.byReference(call.params.customerReference ?? '');
        if (!entry) {
          return problem({ status: 404, title: 'Not Found', detail: 'No XCO user is linked to this customer reference.', code: 'user_not_found', instance: call.url.pathname });
        }
        return json(200, structuredClone(entry.user));
      },
    },
  ];

  return {
    routes,
    currentCode: (identifier) => otp.current(identifierKey(identifier)),
    users: users.records,
    consents: users.consents,
    reset() {
      users.reset();
      otp.reset();
      limiter.reset();
    },
  };
}

/** Why a verify without a usable code failed: [code, title, detail]. No pending code reads as expired: ask again. */
const CODE_REFUSALS = {
  code_locked: ['code_locked', 'Verification Code Locked', 'Too many wrong codes: start passwordless authentication again for a new code.'],
  code_expired: ['code_expired', 'Verification Code Expired', 'The verification code has expired: start passwordless authentication again.'],
  no_code: ['code_expired', 'No Verification Code', 'No code is pending for this identifier (never sent, already used or replaced): start again.'],
} as const;

/** Too many wrong codes for this identifier across resends: locked until the oldest failure leaves the window. */
const budgetSpent = (instance: string, retryAfterMs: number) =>
  tooManyRequests(
    instance,
    'verification_locked',
    'Too many wrong codes for this email or phone number; verification is locked for a while.',
    retryAfterMs,
  );

const referenceTaken = (instance: string) =>
  problem({
    status: 409,
    title: 'Conflict',
    detail: 'This customer reference is already linked to another XCO account.',
    code: 'customer_reference_taken',
    instance,
  });
