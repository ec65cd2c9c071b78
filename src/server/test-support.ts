// Test wiring only (imported by *.test.ts): the real Purse mock in process behind a real PurseClient.
import { createMockPurse, MOCK_CREDENTIALS } from '../mock-server/index.ts';
import { createMerchantHandler } from './handler.ts';
import type { HandlerLogger, MerchantHandlerOptions } from './handler-types.ts';
import { createPurseClient, type PurseClientOptions } from './purse-client.ts';
import type { FetchLike } from './transport-util.ts';

export const PURSE_ORIGIN = 'http://purse.test';

export function purseWorld(overrides: Partial<PurseClientOptions> = {}, mockOptions: Parameters<typeof createMockPurse>[0] = {}) {
  let clock = Date.parse('2025-03-01T10:00:00Z');
  const now = () => clock;
  const purse = createMockPurse({ testMode: true, now, ...mockOptions });
  const fetch: FetchLike = (input, init) => purse.fetch(new Request(input, init));
  const options: PurseClientOptions = {
    ...MOCK_CREDENTIALS,
    tokenUrl: `${PURSE_ORIGIN}/oauth2/token`,
    xcoApiUrl: PURSE_ORIGIN,
    paymentApiUrl: `${PURSE_ORIGIN}/payment`,
    fetch,
    now,
    ...overrides,
  };
  return {
    purse,
    options,
    client: createPurseClient(options),
    now,
    advance(ms: number) {
      clock += ms;
    },
    /** API calls Purse received on a path (token requests excluded unless asked for). */
    calls(path: string) {
      return purse.control.requests().filter((r) => r.path === path);
    },
  };
}

/**
 * A merchant shop: the session travels in an `x-session` header (a cookie in real life, but `Cookie` is a forbidden
 * header in browser-like environments), the shopper's IP set by the server adapter, a logger that keeps lines.
 */
export function shop(options: Partial<MerchantHandlerOptions> = {}, world = purseWorld()) {
  const logs: { level: string; message: string; details?: Record<string, unknown> }[] = [];
  const logger: HandlerLogger = {
    warn: (message, details) => logs.push({ level: 'warn', message, details }),
    error: (message, details) => logs.push({ level: 'error', message, details }),
  };
  const handler = createMerchantHandler({
    purse: world.client,
    resolveCustomer: (request) => request.headers.get('x-session'),
    logger,
    now: world.now,
    ...options,
  });
  const send = (method: string, path: string, init: { body?: unknown; customer?: string; key?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { 'x-forwarded-for': '198.51.100.4, 10.0.0.1', ...init.headers };
    if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (init.customer) headers['x-session'] = init.customer;
    if (init.key) headers['idempotency-key'] = init.key;
    return handler(
      new Request(`https://shop.test/api/purse${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }),
    );
  };
  const post = (path: string, body: unknown, init: { customer?: string; key?: string; headers?: Record<string, string> } = {}) =>
    send('POST', path, { ...init, body });
  return { ...world, handler, send, post, logs };
}

