import { describe, expect, it } from 'vitest';
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import { SEEDED_USERS } from '../seed.ts';
import { pointers, readProblem, setupMock } from '../test-support.ts';

const jean: XcoIdentifier = { email: 'existing@example.com' };

function setupWithInbox(options: Parameters<typeof setupMock>[0] = {}) {
  const inbox: { identifier: XcoIdentifier; code: string }[] = [];
  const mock = setupMock({ onOtp: (delivery) => inbox.push(delivery), ...options });
  const lastCode = () => inbox.at(-1)!.code;
  return { ...mock, inbox, lastCode };
}

/** A code that differs from `code` in every position. */
const wrong = (code: string) => [...code].map((d) => String((Number(d) + 1) % 10)).join('');

describe('passwordless start', () => {
  it('sends 6 random digits to an existing user (204) and exposes them to the control API', async () => {
    const { api, inbox, purse } = setupWithInbox();
    const response = await api.start({ ...jean, caller_id: '203.0.113.7' });
    expect(response.status).toBe(204);
    expect(inbox).toEqual([{ identifier: jean, code: expect.stringMatching(/^\d{6}$/) }]);
    expect(purse.control.currentCode(jean)).toBe(inbox[0]!.code);
    expect(purse.control.currentCode({ email: 'EXISTING@example.com' })).toBe(inbox[0]!.code);
  });

  it('answers 404 for an identifier without an XCO account and sends nothing', async () => {
    const { api, inbox } = setupWithInbox();
    const response = await api.start({ phone_number: '+33700000000' });
    expect(response.status).toBe(404);
    expect(await readProblem(response)).toMatchObject({ code: 'user_not_found' });
    expect(inbox).toEqual([]);
  });

  it('throttles a resend within 30 s with 429, Retry-After and resend_throttled; a later resend replaces the code', async () => {
    const { api, clock, inbox, lastCode } = setupWithInbox();
    await api.start(jean);
    const first = lastCode();
    clock.advance(10_000);
    const throttled = await api.start(jean);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('20');
    expect(await readProblem(throttled)).toMatchObject({ code: 'resend_throttled', status: 429 });
    expect(inbox).toHaveLength(1);
    clock.advance(20_000);
    expect((await api.start(jean)).status).toBe(204);
    expect(inbox).toHaveLength(2);
    if (lastCode() !== first) {
      const old = await api.verify({ ...jean, verification_code: first });
      expect(await readProblem(old)).toMatchObject({ code: 'invalid_code' });
    }
    expect((await api.verify({ ...jean, verification_code: lastCode() })).status).toBe(200);
  });

  it('validates the body: exactly one identifier, formats, unknown fields', async () => {
    const { api } = setupWithInbox();
    expect(pointers(await readProblem(await api.start({})))).toEqual(['']);
    expect(pointers(await readProblem(await api.start({ email: 'x@y.z', phone_number: '+33612345678' })))).toEqual(['']);
    expect(pointers(await readProblem(await api.start({ phone_number: '+0612' })))).toEqual(['/phone_number']);
    expect(pointers(await readProblem(await api.start({ ...jean, otp_channel: 'sms' })))).toEqual(['/otp_channel']);
  });
});

describe('passwordless verify', () => {
  it('returns a consent challenge and the user for the right code, then refuses to reuse the code', async () => {
    const { api, lastCode, purse } = setupWithInbox();
    await api.start({ phone_number: '+33698765432' });
    const response = await api.verify({ phone_number: '+33698765432', verification_code: lastCode() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { consent_challenge_id: string; user: unknown };
    expect(body.consent_challenge_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.user).toEqual(SEEDED_USERS[1]);
    expect(purse.control.currentCode({ phone_number: '+33698765432' })).toBeUndefined();
    const again = await api.verify({ phone_number: '+33698765432', verification_code: lastCode() });
    expect(again.status).toBe(400);
    expect(await readProblem(again)).toMatchObject({ code: 'code_expired' });
  });

  it('counts wrong codes down with attempts_left and locks the code after the 5th', async () => {
    const { api, lastCode } = setupWithInbox();
    await api.start(jean);
    const code = lastCode();
    for (const left of [4, 3, 2, 1, 0]) {
      const response = await api.verify({ ...jean, verification_code: wrong(code) });
      expect(response.status).toBe(400);
      const problem = await readProblem(response);
      expect(problem).toMatchObject({ code: 'invalid_code', attempts_left: left });
      expect(pointers(problem)).toEqual(['/verification_code']);
    }
    const locked = await api.verify({ ...jean, verification_code: code });
    expect(locked.status).toBe(400);
    expect(await readProblem(locked)).toMatchObject({ code: 'code_locked' });
  });

  it('unlocks with a new start (after the throttle) and honours maxCodeAttempts', async () => {
    const { api, lastCode, clock } = setupWithInbox({ maxCodeAttempts: 2 });
    await api.start(jean);
    await api.verify({ ...jean, verification_code: wrong(lastCode()) });
    await api.verify({ ...jean, verification_code: wrong(lastCode()) });
    expect(await readProblem(await api.verify({ ...jean, verification_code: lastCode() }))).toMatchObject({ code: 'code_locked' });
    clock.advance(30_000);
    await api.start(jean);
    expect((await api.verify({ ...jean, verification_code: lastCode() })).status).toBe(200);
  });

  it('expires the code after 10 minutes on the injected clock', async () => {
    const { api, lastCode, clock } = setupWithInbox();
    await api.start(jean);
    clock.advance(10 * 60_000 - 1);
    const code = lastCode();
    const early = await api.verify({ ...jean, verification_code: wrong(code) });
    expect(await readProblem(early)).toMatchObject({ code: 'invalid_code' });
    clock.advance(1);
    const late = await api.verify({ ...jean, verification_code: code });
    expect(late.status).toBe(400);
    expect(await readProblem(late)).toMatchObject({ code: 'code_expired' });
  });

  it('requires verification_code and reports missing pending codes as expired', async () => {
    const { api } = setupWithInbox();
    expect(pointers(await readProblem(await api.verify(jean)))).toEqual(['/verification_code']);
    const never = await api.verify({ email: 'camille.martin@example.fr', verification_code: '123456' });
    expect(await readProblem(never)).toMatchObject({ status: 400, code: 'code_expired' });
  });
});

describe('consents by challenge', () => {
  async function verified() {
    const mock = setupWithInbox();
    await mock.api.start(jean);
    const response = await mock.api.verify({ ...jean, verification_code: mock.lastCode() });
    const { consent_challenge_id } = (await response.json()) as { consent_challenge_id: string };
    return { ...mock, challenge: consent_challenge_id };
  }

  it('links the verified user to the customer reference (204), once', async () => {
    const { api, purse, challenge } = await verified();
    const response = await api.consent('cust-77', { consent_challenge_id: challenge });
    expect(response.status).toBe(204);
    expect(purse.control.consents()).toEqual([
      { customer_reference: 'cust-77', user_email: 'existing@example.com', user_phone_number: '+33612345678', via: 'consent_challenge' },
    ]);
    expect(await (await api.getUser('cust-77')).json()).toEqual(SEEDED_USERS[0]);
    expect(purse.control.users()[0]).toMatchObject({ created_by: 'seed', customer_references: ['cust-77'] });
    const reuse = await api.consent('cust-77', { consent_challenge_id: challenge });
    expect(reuse.status).toBe(409);
    expect(await readProblem(reuse)).toMatchObject({ code: 'consent_challenge_used' });
  });

  it('refuses an unknown challenge, a non-uuid and a missing one with pointer /consent_challenge_id', async () => {
    const { api, purse } = await verified();
    const unknown = await api.consent('cust-1', { consent_challenge_id: '11111111-1111-4111-8111-111111111111' });
    expect(unknown.status).toBe(400);
    expect(await readProblem(unknown)).toMatchObject({ code: 'unknown_consent_challenge', errors: [{ pointer: '/consent_challenge_id' }] });
    expect(pointers(await readProblem(await api.consent('cust-1', { consent_challenge_id: 'abc' })))).toEqual(['/consent_challenge_id']);
    expect(pointers(await readProblem(await api.consent('cust-1', {})))).toEqual(['/consent_challenge_id']);
    expect(purse.control.consents()).toEqual([]);
  });

  it('refuses to link a reference already held by another XCO user (409) and keeps the challenge usable', async () => {
    const { api, challenge } = await verified();
    await api.createUser({ customer_reference: 'taken', user: { email: 'other@example.com' } });
    const response = await api.consent('taken', { consent_challenge_id: challenge });
    expect(await readProblem(response)).toMatchObject({ status: 409, code: 'customer_reference_taken' });
    expect((await api.consent('free', { consent_challenge_id: challenge })).status).toBe(204);
  });
});
