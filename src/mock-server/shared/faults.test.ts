import { afterEach, describe, expect, it, vi } from 'vitest';
import { isConnectionDropped } from './faults.ts';
import { merchantPath, readProblem, setupMock } from '../test-support.ts';

const EXISTS = '/v1/users/exists';
const query = `${EXISTS}?email=existing@example.com`;

afterEach(() => {
  vi.useRealTimers();
});

describe('fault injection', () => {
  it('answers with the rule status, headers and body instead of handling the request', async () => {
    const { call, purse } = setupMock();
    purse.control.setFault({ path: EXISTS, status: 503, headers: { 'x-fault': 'yes' }, body: { message: 'down' } });
    const response = await call('GET', query);
    expect(response.status).toBe(503);
    expect(response.headers.get('x-fault')).toBe('yes');
    expect(await response.json()).toEqual({ message: 'down' });
  });

  it('defaults to a problem+json body and adds Retry-After to an injected 429', async () => {
    const { call, purse } = setupMock();
    purse.control.setFault({ path: EXISTS, status: 429 });
    const response = await call('GET', query);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await readProblem(response)).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it('`after`: the route acts first, then its answer is cut, unreadable or replaced', async () => {
    const { api, purse } = setupMock();
    const path = merchantPath('/users');
    const create = (email: string) => api.createUser({ customer_reference: `c-${email}`, user: { email } });
    purse.control.setFault({ method: 'POST', path, drop: true, after: true, times: 1 });
    await expect(create('dropped@example.com')).rejects.toSatisfy(isConnectionDropped);
    purse.control.setFault({ method: 'POST', path, malformed: true, after: true, times: 1 });
    expect(await (await create('malformed@example.com')).text()).toBe('{"unterminated": ');
    purse.control.setFault({ method: 'POST', path, status: 503, after: true, times: 1 });
    expect((await create('unavailable@example.com')).status).toBe(503);
    // Each of them was created all the same: the answer was lost, not the action.
    const emails = purse.control.users().filter((u) => u.created_by === 'api').map((u) => u.user.email);
    expect(emails).toEqual(['dropped@example.com', 'malformed@example.com', 'unavailable@example.com']);
  });

  it('applies a rule `times` times, then handles requests normally again', async () => {
    const { call, purse } = setupMock();
    purse.control.setFault({ path: EXISTS, status: 500, times: 2 });
    expect((await call('GET', query)).status).toBe(500);
    expect((await call('GET', query)).status).toBe(500);
    expect((await call('GET', query)).status).toBe(200);
  });

  it('matches on method and on a path prefix ending in *', async () => {
    const { call, api, purse } = setupMock();
    purse.control.setFault({ method: 'post', path: '/v1/merchants/*', status: 502 });
    expect((await api.start({ email: 'existing@example.com' })).status).toBe(502);
    expect((await api.getUser('nobody')).status).toBe(404);
    expect((await call('GET', query)).status).toBe(200);
  });

  it('can fail the token endpoint', async () => {
    const { tokenResponse, purse } = setupMock();
    purse.control.setFault({ path: '/oauth2/token', status: 500, times: 1 });
    expect((await tokenResponse({ grant_type: 'client_credentials' })).status).toBe(500);
  });

  it('returns 200 with a body that is not JSON for `malformed`', async () => {
    const { call, purse } = setupMock();
    purse.control.setFault({ path: EXISTS, malformed: true });
    const response = await call('GET', query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow();
  });

  it('rejects fetch() with a TypeError for `drop`', async () => {
    const { call, purse } = setupMock();
    purse.control.setFault({ path: merchantPath('/users/passwordless/start'), drop: true, times: 1 });
    const error = await call('POST', merchantPath('/users/passwordless/start'), { body: { email: 'existing@example.com' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(isConnectionDropped(error)).toBe(true);
    expect(purse.control.currentCode({ email: 'existing@example.com' })).toBeUndefined();
  });

  it('delays by latencyMs, then handles the request (or answers the fault)', async () => {
    const { call, purse } = setupMock();
    // Fetch (and cache) the token before the clock is faked.
    expect((await call('GET', query)).status).toBe(200);
    vi.useFakeTimers();
    purse.control.setFault({ path: EXISTS, latencyMs: 500, times: 1 });
    let settled: Response | undefined;
    const pending = call('GET', query).then((response) => (settled = response));
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled?.status).toBe(200);
    expect(await settled?.json()).toEqual({ exists: true, token_count: 2 });

    purse.control.setFault({ path: EXISTS, latencyMs: 200, status: 504, times: 1 });
    const slowFault = call('GET', query);
    await vi.advanceTimersByTimeAsync(200);
    expect((await slowFault).status).toBe(504);
  });

  it('logs faulted calls as received, and clearFaults removes every rule', async () => {
    const { call, purse } = setupMock();
    purse.control.setFault({ path: EXISTS, status: 500 });
    await call('GET', `${query}&caller_id=abc`);
    // Logged as received; caller_id stays unknown because the handler never read the request.
    expect(purse.control.requests().at(-1)).toEqual({ method: 'GET', path: EXISTS });
    purse.control.clearFaults();
    expect((await call('GET', query)).status).toBe(200);
  });
});
