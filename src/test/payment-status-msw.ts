// Test support: MSW handlers that answer the payment-status routes of routes.ts as createMerchantHandler documents
// them, with scripted answers per token/id, and a log of every request. The browser side is the real
// createHttpBackend over fetch. Used until the real in-process stack serves these routes.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from '../core/backend/views.ts';
import { createHttpBackend } from '../core/backend/http-backend.ts';
import { routes } from '../core/backend/routes.ts';
import { setRedirectUrl } from './render-payment-status.tsx';

const PROBLEM = Symbol('problem');

export interface ScriptedProblem {
  [PROBLEM]: true;
  status: number;
  body: Record<string, unknown>;
}

/** An application/problem+json answer. */
export const problem = (status: number, title: string, extra: Record<string, unknown> = {}): ScriptedProblem => ({
  [PROBLEM]: true,
  status,
  body: { type: 'about:blank', title, status, ...extra },
});

type Answer<T> = T | ScriptedProblem;

/** Each request takes the next answer; the last one repeats. */
class Script<T> {
  #answers = new Map<string, Answer<T>[]>();
  /** What the next requests for `key` get; calling it again replaces them (e.g. the payment settles). */
  set(key: string, ...answers: Answer<T>[]) {
    this.#answers.set(key, answers);
  }
  take(key: string): Answer<T> | undefined {
    const queue = this.#answers.get(key);
    if (!queue || queue.length === 0) return undefined;
    return queue.length > 1 ? queue.shift() : queue[0];
  }
}

function reply<T>(answer: Answer<T> | undefined) {
  if (answer === undefined) return reply(problem(404, 'Not Found', { detail: 'No such resource.' }));
  if (typeof answer === 'object' && answer !== null && PROBLEM in answer) {
    return HttpResponse.json(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/problem+json' } });
  }
  return HttpResponse.json(answer as object);
}

export function createMswMerchant(baseUrl = 'http://merchant.test/api/purse') {
  const tokens = new Script<VerifiedRedirect>();
  const payments = new Script<ShopperPayment>();
  const sessions = new Script<CheckoutSession>();
  const links = new Script<ShopperPaymentLink>();
  /** "POST /payments/verify-redirect", "GET /payments/pay_1"… in arrival order. */
  const requests: string[] = [];
  const log = (request: Request) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.slice(new URL(baseUrl).pathname.length)}`);
  };

  const handlers = [
    http.post(`${baseUrl}${routes.verifyRedirect}`, async ({ request }) => {
      log(request);
      const body = (await request.json()) as { token?: unknown };
      if (typeof body.token !== 'string') return reply(problem(400, 'Bad Request', { detail: 'token is required' }));
      return reply(tokens.take(body.token) ?? problem(400, 'Invalid redirect token', { error: 'invalid_token' }));
    }),
    http.get(`${baseUrl}${routes.payment}:id`, ({ request, params }) => {
      log(request);
      return reply(payments.take(String(params.id)));
    }),
    http.get(`${baseUrl}${routes.paymentLink}:id`, ({ request, params }) => {
      log(request);
      return reply(links.take(String(params.id)));
    }),
    http.get(`${baseUrl}${routes.session}:id`, ({ request, params }) => {
      log(request);
      return reply(sessions.take(String(params.id)));
    }),
  ];

  return {
    handlers,
    requests,
    tokens,
    payments,
    sessions,
    links,
    /** How many requests matched `pattern` ("GET /payments/pay_1", or a RegExp). */
    count: (pattern: string | RegExp) =>
      requests.filter((r) => (typeof pattern === 'string' ? r === pattern : pattern.test(r))).length,
    /** The real browser adapter, one attempt per call so counts are exact. */
    backend: createHttpBackend({ baseUrl, retry: false }),
  };
}

export type MswMerchant = ReturnType<typeof createMswMerchant>;

/**
 * For a test file: an MSW server answering as the merchant, a fresh merchant (and no token in the URL) per test.
 * Returns the current test's merchant.
 */
export function mswMerchantPerTest(): () => MswMerchant {
  const server = setupServer();
  let merchant: MswMerchant | undefined;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    merchant = createMswMerchant();
    server.use(...merchant.handlers);
    setRedirectUrl(null);
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return () => merchant!;
}
