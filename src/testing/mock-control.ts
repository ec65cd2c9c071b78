// A merchant's E2E tests drive the Purse mock (`purse-mock-server --test-mode`) over its public HTTP control routes
// (/__mock/*): one-time codes, faults, latency, drop-in generation, state and reset. Plain fetch, so it works from
// Playwright tests, global setup files or any Node script.
import type { DropinGeneration } from '../core/dropin/types.ts';
import type { FaultRule, MockConsentRecord, MockRequestRecord, MockUserRecord } from '../mock-server/types.ts';
import type { ClientSession, Payment } from '../core/wire/payment.ts';

/** Who a one-time code was sent to: an email, a phone number (E.164; spaces, dots and dashes are removed), or either as text. */
export type CodeRecipient = string | { email: string } | { phone_number: string };

/** Options of `connectPurseMock`. */
export interface PurseMockClientOptions {
  /** The mock's origin, as `purse-mock-server` prints it, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /**
   * How requests are sent.
   * @defaultValue the global `fetch`
   */
  fetch?: typeof fetch;
}

/** Options of `latestCode`. */
export interface LatestCodeOptions {
  /**
   * How long to wait for a code to be sent (the page may still be sending it).
   * @defaultValue 5000
   */
  timeoutMs?: number;
}

/** Options of `latency`. */
export interface LatencyOptions {
  /**
   * Only requests of this method.
   * @defaultValue every method
   */
  method?: string;
  /**
   * Delay only the next N matching requests.
   * @defaultValue every matching request until `clearFaults()` or `reset()`
   */
  times?: number;
}

/** What `state()` returns: the mock's records as `GET /__mock/state` gives them. */
export interface PurseMockState {
  /** Every XCO account, seeded ones first. */
  users: MockUserRecord[];
  /** Every account–customer link. */
  consents: MockConsentRecord[];
  /** Every API call the mock received, oldest first. */
  requests: MockRequestRecord[];
  /** Client sessions, oldest first. */
  sessions: ClientSession[];
  /** Payments, oldest first. */
  payments: Payment[];
}

/** Steers a running `purse-mock-server` over its public HTTP control endpoints (`/__mock/*`). */
export interface PurseMockClient {
  /** The mock's origin. */
  readonly url: string;
  /**
   * The code last sent to an email or phone and not used yet. Waits for it up to `timeoutMs`, then throws.
   * @example `await mock.latestCode('ada@example.com')`, `await mock.latestCode('+33 6 12 34 56 78')`
   */
  latestCode(to: CodeRecipient, options?: LatestCodeOptions): Promise<string>;
  /**
   * Makes matching requests fail (or be slow, or malformed, or dropped) until cleared or `times` runs out.
   * @example `await mock.fault({ path: '/dropin-checkout/stable/purse.js', status: 404, times: 1 })`
   */
  fault(rule: FaultRule): Promise<void>;
  /** Delays the requests of a path (exact, or a prefix ending in `*`) by `ms` before the mock answers them. */
  latency(path: string, ms: number, options?: LatencyOptions): Promise<void>;
  /** Removes every fault and latency rule. */
  clearFaults(): Promise<void>;
  /** Which drop-in script generation the sessions created from now on name: `window.Purse` or `window.UpStreamPay`. */
  setDropinGeneration(generation: DropinGeneration): Promise<void>;
  /** Users, consents, received requests, sessions and payments, to assert what happened at Purse. */
  state(): Promise<PurseMockState>;
  /** Back to the seeded state (users, codes, rate limits, faults, sessions, payments, drop-in generation). */
  reset(): Promise<void>;
}

const recipientQuery = (to: CodeRecipient): Record<string, string> => {
  if (typeof to !== 'string') return 'email' in to ? { email: to.email } : { phone_number: to.phone_number.replace(/[\s.()-]/g, '') };
  return to.includes('@') ? { email: to } : { phone_number: to.replace(/[\s.()-]/g, '') };
};

const problemCode = async (response: Response): Promise<unknown> =>
  ((await response.clone().json().catch(() => undefined)) as { code?: unknown } | undefined)?.code;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client for the control routes of a Purse mock started in test mode (`npx purse-mock-server --test-mode`, or
 * `startMockPurseServer({ testMode: true })`).
 */
export function connectPurseMock(options: PurseMockClientOptions | string): PurseMockClient {
  const { url, fetch: fetchImpl = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init) } =
    typeof options === 'string' ? { url: options } : options;
  const origin = url.replace(/\/+$/, '');

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(`${origin}/__mock${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(`The Purse mock at ${origin} did not answer ${method} /__mock${path}: is it running?`, { cause: error });
    }
    if (response.status === 404 && (await problemCode(response)) === 'not_found') {
      throw new Error(`The Purse mock at ${origin} has no /__mock${path}: start it in test mode (purse-mock-server --test-mode).`);
    }
    return response;
  }
  async function expectOk(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await call(method, path, body);
    if (!response.ok) throw new Error(`The Purse mock refused ${method} /__mock${path}: ${response.status} ${await response.text()}`);
    return response;
  }

  return {
    url: origin,
    async latestCode(to, { timeoutMs = 5000 } = {}) {
      const query = new URLSearchParams(recipientQuery(to));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const response = await call('GET', `/otp?${query}`);
        if (response.ok) return ((await response.json()) as { code: string }).code;
        const text = await response.text();
        if (response.status !== 404) throw new Error(`The Purse mock refused the code query for ${query}: ${response.status} ${text}`);
        if (Date.now() >= deadline) throw new Error(`No one-time code was sent to ${query.values().next().value} within ${timeoutMs} ms.`);
        await sleep(100);
      }
    },
    async fault(rule) {
      await expectOk('POST', '/faults', rule);
    },
    async latency(path, ms, { method, times } = {}) {
      await expectOk('POST', '/faults', { path, latencyMs: ms, ...(method && { method }), ...(times && { times }) });
    },
    async clearFaults() {
      await expectOk('DELETE', '/faults');
    },
    async setDropinGeneration(generation) {
      await expectOk('POST', '/config', { dropinGeneration: generation });
    },
    async state() {
      return (await (await expectOk('GET', '/state')).json()) as PurseMockState;
    },
    async reset() {
      await expectOk('POST', '/reset');
    },
  };
}
