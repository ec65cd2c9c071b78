// Shared by this folder's tests: a mock on a fake clock, a token, and terse API calls. Not part of the public API.
import { createMockPurse } from './create.ts';
import { MOCK_CREDENTIALS } from './seed.ts';
import type { MockPurseOptions } from './types.ts';

export const ORIGIN = 'http://purse.test';
export const merchantPath = (suffix = '') => `/v1/merchants/${MOCK_CREDENTIALS.merchantId}${suffix}`;

export const basicAuth = (id: string, secret: string) => `Basic ${btoa(`${id}:${secret}`)}`;

export function setupMock(options: MockPurseOptions = {}) {
  let time = Date.UTC(2026, 0, 15, 10, 0, 0);
  const clock = {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
  const purse = createMockPurse({ now: clock.now, ...options });

  const tokenResponse = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    purse.fetch(
      new Request(`${ORIGIN}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
      }),
    );

  async function token(): Promise<string> {
    const response = await tokenResponse(
      { grant_type: 'client_credentials' },
      { authorization: basicAuth(MOCK_CREDENTIALS.clientId, MOCK_CREDENTIALS.clientSecret) },
    );
    if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  let cached: string | undefined;
  /** An API call with a valid token unless `token` is given (null: no Authorization header). */
  async function call(method: string, path: string, init: { body?: unknown; token?: string | null; rawBody?: string } = {}) {
    const bearer = init.token === undefined ? (cached ??= await token()) : init.token;
    const headers: Record<string, string> = {};
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    return purse.fetch(new Request(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }));
  }

  const api = {
    exists: (query: Record<string, string>) => call('GET', `/v1/users/exists?${new URLSearchParams(query)}`),
    createUser: (body: unknown) => call('POST', merchantPath('/users'), { body }),
    start: (body: unknown) => call('POST', merchantPath('/users/passwordless/start'), { body }),
    verify: (body: unknown) => call('POST', merchantPath('/users/passwordless/verify'), { body }),
    consent: (reference: string, body: unknown) =>
      call('POST', merchantPath(`/users/${encodeURIComponent(reference)}/consents`), { body }),
    getUser: (reference: string) => call('GET', merchantPath(`/users/${encodeURIComponent(reference)}`)),
  };

  return { purse, clock, token, tokenResponse, call, api };
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  error: string;
  code: string;
  errors?: { detail: string; pointer: string }[];
  [extension: string]: unknown;
};

export const readProblem = async (response: Response) => {
  if (!response.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers.get('content-type')} (${response.status})`);
  }
  return (await response.json()) as ProblemBody;
};

export const pointers = (problem: ProblemBody) => (problem.errors ?? []).map((e) => e.pointer);
