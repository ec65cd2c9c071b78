import { describe, expect, it } from 'vitest';
import { readProblem, setupMock } from '../test-support.ts';

describe('rate limit per caller_id over exists, passwordless start and verify', () => {
  it('answers 429 rate_limited with Retry-After beyond the limit, per caller, until the window slides', async () => {
    const { api, clock } = setupMock({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const caller = '198.51.100.1';
    expect((await api.exists({ email: 'existing@example.com', caller_id: caller })).status).toBe(200);
    clock.advance(15_000);
    expect((await api.start({ email: 'existing@example.com', caller_id: caller })).status).toBe(204);
    expect((await api.verify({ email: 'existing@example.com', verification_code: '000000', caller_id: caller })).status).toBe(400);
    clock.advance(5_000);
    const limited = await api.exists({ email: 'existing@example.com', caller_id: caller });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect(await readProblem(limited)).toMatchObject({ status: 429, code: 'rate_limited', instance: '/v1/users/exists' });
    // Another shopper is not affected.
    expect((await api.exists({ email: 'existing@example.com', caller_id: '198.51.100.2' })).status).toBe(200);
    // Refused calls do not extend the ban: once the first call leaves the window, one more is allowed.
    clock.advance(40_000);
    expect((await api.exists({ email: 'existing@example.com', caller_id: caller })).status).toBe(200);
    expect((await api.exists({ email: 'existing@example.com', caller_id: caller })).status).toBe(429);
  });

  it('falls back to one bucket per client id when no caller_id is sent', async () => {
    const { api } = setupMock({ rateLimit: { limit: 2, windowMs: 1_000 } });
    await api.exists({ email: 'a@example.com' });
    await api.exists({ phone_number: '+33612345678' });
    const limited = await api.start({ email: 'existing@example.com' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await api.exists({ email: 'a@example.com', caller_id: 'someone' })).status).toBe(200);
  });

  it('leaves user creation and consents out of the limit', async () => {
    const { api } = setupMock({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await api.exists({ email: 'a@example.com' });
    expect((await api.createUser({ customer_reference: 'c', user: { email: 'a@example.com' } })).status).toBe(201);
  });
});
