// createMerchantHandler: the reference merchant backend, a web-standard (Request) => Promise<Response> that serves the
// HTTP contract of src/core/backend/routes.ts and calls Purse with the merchant's credentials.
import { IDEMPOTENCY_HEADER } from '../../core/backend/routes.ts';
import { checkoutContext, resolveRoute } from './routes.ts';
import { customerPurseContext } from './customer-purse-context.ts';
import type { HandlerLogger, MerchantHandlerOptions } from './options.ts';
import { problem, readJsonBody } from './http.ts';
import { isValidIdempotencyKey, withIdempotency, type LocalInflight } from './idempotency.ts';
import { createPurseClient, isPurseClient, type PurseClient } from '../purse/client.ts';
import { failureResponse } from './purse-problem.ts';
import type { RouteContext } from './route-types.ts';
import { createMemoryStore } from './store.ts';

export type MerchantHandler = (request: Request) => Promise<Response>;

const DEFAULT_MAX_BODY = 16 * 1024;
const TEN_MINUTES = 10 * 60_000;
const ONE_DAY = 24 * 60 * 60_000;

/** Default `callerId`: the first X-Forwarded-For entry, else X-Real-IP. Trust them only if your proxy sets them. */
export function defaultCallerId(request: Request): string | undefined {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip')?.trim() || undefined;
}

/** Caller ids are IPs or short opaque ids; a longer (spoofed) value is cut rather than sent whole to Purse. */
const MAX_CALLER_ID = 255;

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

const consoleLogger: HandlerLogger = {
  warn: (message, details) => console.warn(message, details ?? ''),
  error: (message, details) => console.error(message, details ?? ''),
};

export function createMerchantHandler(options: MerchantHandlerOptions): MerchantHandler {
  if (!options || typeof options.resolveCustomer !== 'function') {
    throw new Error(
      'createMerchantHandler needs resolveCustomer(request): return the signed-in customer reference from your own session, or null.',
    );
  }
  if (!options.purse) {
    throw new Error('createMerchantHandler needs { purse }: a PurseClient or its options (see purseConfigFromEnv).');
  }
  // A shared store also shares the OAuth2 token between instances, unless the merchant said `tokenStore: null`.
  const purse: PurseClient = isPurseClient(options.purse)
    ? options.purse
    : createPurseClient({ tokenStore: options.store, ...options.purse });
  const basePath = normaliseBasePath(options.basePath ?? '/api/purse');
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? Date.now;
  // By default challenges and idempotency records live in separate memory stores, so a flood of idempotency keys
  // cannot evict the consent challenges of real shoppers.
  const store = options.store ?? createMemoryStore({ now });
  const idempotencyStore = options.store ?? createMemoryStore({ now });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const callerIdOf = options.callerId ?? defaultCallerId;
  const challengeTtlMs = options.consentChallengeTtlMs ?? TEN_MINUTES;
  const idempotency = {
    store: idempotencyStore,
    ttlMs: options.idempotencyTtlMs ?? ONE_DAY,
    waitMs: options.idempotencyWaitMs ?? 30_000,
  };
  const inflight: LocalInflight = new Map();
  const checkout = checkoutContext(options, { purse, store, now, logger });
  const customerPurse = customerPurseContext(options);

  const notFound = (path: string) =>
    problem(404, { title: 'Not Found', detail: `No Purse route at ${path}.`, code: 'not_found' });

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const inside = !basePath || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const match = inside ? resolveRoute(url.pathname.slice(basePath.length).replace(/\/+$/, '')) : undefined;
    if (!match) return notFound(url.pathname);
    const { route, definition, id } = match;
    if (request.method !== definition.method) {
      return problem(
        405,
        { title: 'Method Not Allowed', detail: `${route} accepts ${definition.method} only.`, code: 'method_not_allowed' },
        { allow: definition.method },
      );
    }

    let customer: Promise<string | null> | undefined;
    const context: RouteContext = {
      request,
      url,
      purse,
      callerId: callerIdOf(request)?.slice(0, MAX_CALLER_ID) || undefined,
      customer: () => (customer ??= Promise.resolve(options.resolveCustomer(request)).then((c) => c || null)),
      body: {},
      id,
      store,
      now,
      challengeTtlMs,
      checkout,
      customerPurse,
      fail: (error, mapPointer) => failureResponse(error, { route, logger, mapPointer }),
    };
    if (definition.method === 'GET') return definition.run(context);

    const body = await readJsonBody(request, maxBodyBytes);
    if (!body.ok) return body.response;
    context.body = body.value as Record<string, unknown>;

    const key = request.headers.get(IDEMPOTENCY_HEADER);
    if (key === null) return definition.run(context);
    if (!isValidIdempotencyKey(key)) {
      return problem(400, {
        title: 'Invalid Idempotency-Key',
        detail: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).',
        code: 'invalid_idempotency_key',
      });
    }
    // Scoped to the route and the shopper, so one shopper's key can never replay another's answer.
    const scope = (await context.customer()) ?? `caller:${context.callerId ?? 'unknown'}`;
    const scopedKey = `purse-kit:idem:${route}:${scope.length}:${scope}:${key}`;
    return withIdempotency(idempotency, inflight, scopedKey, body.text, () => definition.run(context));
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      // Our own bugs, the merchant's resolveCustomer/callerId throwing, or the store failing.
      return failureResponse(error, { route: new URL(request.url).pathname, logger });
    }
  };
}
