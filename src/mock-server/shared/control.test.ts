import { describe, expect, it } from 'vitest';
import { SEEDED_USERS } from '../seed.ts';
import { merchantPath, ORIGIN, readProblem, setupMock } from '../test-support.ts';

const control = (purse: { fetch(r: Request): Promise<Response> }, method: string, path: string, body?: unknown) =>
  purse.fetch(
    new Request(`${ORIGIN}/__mock${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    }),
  );

describe('control endpoints (/__mock/*)', () => {
  it('answer 404 unless testMode is on', async () => {
    const { purse } = setupMock();
    for (const [method, path] of [['GET', '/state'], ['GET', '/otp?email=existing@example.com'], ['POST', '/reset'], ['POST', '/faults']]) {
      const response = await control(purse, method!, path!, method === 'POST' ? { path: '/x' } : undefined);
      expect(response.status).toBe(404);
    }
  });

  it('GET /__mock/otp returns the pending code, 404 when there is none, 400 for a bad identifier', async () => {
    const { purse, api } = setupMock({ testMode: true });
    expect((await control(purse, 'GET', '/otp?phone_number=%2B33612345678')).status).toBe(404);
    await api.start({ phone_number: '+33612345678' });
    const response = await control(purse, 'GET', '/otp?phone_number=%2B33612345678');
    expect(response.status).toBe(200);
    const { code } = (await response.json()) as { code: string };
    expect(code).toBe(purse.control.currentCode({ phone_number: '+33612345678' }));
    expect((await api.verify({ phone_number: '+33612345678', verification_code: code })).status).toBe(200);
    expect((await control(purse, 'GET', '/otp')).status).toBe(400);
  });

  it('GET /__mock/state reports users, consents, token grants and API requests (not control calls)', async () => {
    const { purse, api } = setupMock({ testMode: true });
    await api.exists({ email: 'existing@example.com', caller_id: '192.0.2.9' });
    await api.createUser({ customer_reference: 'c9', user: { email: 'nine@example.com' } });
    await control(purse, 'GET', '/otp?email=existing@example.com');
    const state = (await (await control(purse, 'GET', '/state')).json()) as Record<string, unknown>;
    expect(state.users).toHaveLength(SEEDED_USERS.length + 1);
    expect(state.consents).toEqual([{ customer_reference: 'c9', user_email: 'nine@example.com', via: 'create_user' }]);
    expect(state.tokenRequests).toBe(1);
    expect(state.requests).toEqual([
      { method: 'POST', path: '/oauth2/token' },
      { method: 'GET', path: '/v1/users/exists', caller_id: '192.0.2.9' },
      { method: 'POST', path: merchantPath('/users') },
    ]);
  });

  it('POST and DELETE /__mock/faults set and clear rules; control calls are never faulted', async () => {
    const { purse, api } = setupMock({ testMode: true });
    expect((await control(purse, 'POST', '/faults', { path: '/v1/users/exists', status: 418, times: 1 })).status).toBe(204);
    expect((await control(purse, 'POST', '/faults', { path: '/__mock/*', status: 500 })).status).toBe(204);
    expect((await control(purse, 'GET', '/state')).status).toBe(200);
    expect((await api.exists({ email: 'a@example.com' })).status).toBe(418);
    expect((await control(purse, 'POST', '/faults', { path: '/v1/users/exists', status: 500 })).status).toBe(204);
    expect((await control(purse, 'DELETE', '/faults')).status).toBe(204);
    expect((await api.exists({ email: 'a@example.com' })).status).toBe(200);
  });

  it('refuses malformed fault rules with 400', async () => {
    const { purse } = setupMock({ testMode: true });
    for (const rule of [{ status: 500 }, { path: 'no-slash' }, { path: '/x', status: 99 }, { path: '/x', drop: 'yes' }, { path: '/x', times: 0 }, { path: '/x', color: 'red' }]) {
      const response = await control(purse, 'POST', '/faults', rule);
      expect(response.status).toBe(400);
      expect(await readProblem(response)).toMatchObject({ title: 'Validation Error' });
    }
  });

  it('POST /__mock/reset restores the seeded state and clears faults and counters; tokens stay valid', async () => {
    const { purse, api } = setupMock({ testMode: true, rateLimit: { limit: 3, windowMs: 60_000 } });
    await api.createUser({ customer_reference: 'c1', user: { email: 'one@example.com' } });
    await api.start({ email: 'existing@example.com' });
    await api.exists({ email: 'a@example.com' });
    await api.exists({ email: 'a@example.com' });
    purse.control.setFault({ path: '/v1/users/exists', status: 500 });
    expect((await control(purse, 'POST', '/reset')).status).toBe(204);

    expect(purse.control.users().map((u) => u.user.email)).toEqual(SEEDED_USERS.map((u) => u.email));
    expect(purse.control.consents()).toEqual([]);
    expect(purse.control.currentCode({ email: 'existing@example.com' })).toBeUndefined();
    expect(purse.control.tokenRequests()).toBe(0);
    expect(purse.control.requests()).toEqual([]);
    // Same token as before the reset; no fault, no rate-limit history (3 more calls pass), no resend throttle.
    expect((await api.exists({ email: 'one@example.com' })).status).toBe(200);
    expect(await (await api.exists({ email: 'one@example.com' })).json()).toEqual({ exists: false, token_count: 0 });
    expect((await api.start({ email: 'existing@example.com' })).status).toBe(204);
  });
});
