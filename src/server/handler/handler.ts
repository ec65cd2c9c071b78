// createMerchantHandler: the reference merchant backend, a web-standard (Request) => Promise<Response> that serves the
// HTTP contract of src/core/backend/routes.ts and calls Purse with the merchant's credentials.
import { checkCheckoutOptions, checkoutContext, resolveRoute } from './routes.ts';
import { customerPurseContext } from './customer-purse-context.ts';
import type { HandlerLogger, MerchantHandlerOptions } from './options.ts';
import { problem, readJsonBody } from './http.ts';
import type { LocalInflight } from './idempotency.ts';
import { runMutation } from './mutation.ts';
import type { PurseClient } from '../purse/client.ts';
import { lazyPurse, PurseNotConfiguredError } from './purse-config.ts';
import { failureResponse } from './purse-problem.ts';
import type { CheckoutContext, RouteContext } from './route-types.ts';
import { createMemoryStore } from './store.ts';
import { callerIdOf, createGuestCookie, scopeOf, type Shopper } from './shopper.ts';
import { basePathHint, onceLogger } from './wiring-hints.ts';

/** A web-standard handler: mount it in any framework that speaks `Request` / `Response` (or adapt Node's). */
export type MerchantHandler = (request: Request) => Promise<Response>;

const DEFAULT_MAX_BODY = 16 * 1024;
const TEN_MINUTES = 10 * 60_000;
const ONE_HOUR = 60 * 60_000;
const ONE_DAY = 24 * ONE_HOUR;

/**
 * A numeric option, checked at once: a NaN (an unset environment variable through Number()), 0, a negative or an
 * infinite value would switch a protection off (a body limit, a quota) or make every store write fail.
 */
function positive(name: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`createMerchantHandler: ${name} must be a finite number above 0${integer ? ' (a whole number)' : ''}; got ${String(value)}.`);
  }
  return value;
}

/** A `{ limit, windowMs }` option: a whole `limit` and a `windowMs` above 0, both required when the option is given. */
function perWindow(name: string, value: { limit: number; windowMs: number } | undefined, limit: number, windowMs: number) {
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    throw new Error(`createMerchantHandler: ${name} must be { limit, windowMs }.`);
  }
  return {
    limit: positive(`${name}.limit`, value ? (value.limit ?? Number.NaN) : undefined, limit, true),
    windowMs: positive(`${name}.windowMs`, value ? (value.windowMs ?? Number.NaN) : undefined, windowMs),
  };
}

/**
 * What resolveCustomer / resolveGuest returned: a reference, or none (null, undefined, '', false). Anything else is the
 * merchant's bug, said plainly: a database id as a number would reach Purse as one, and 0 would read as "signed out".
 */
function referenceFrom(name: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '' || value === false) return null;
  if (typeof value === 'string') return value;
  const type = typeof value;
  const shown = type === 'object' ? `an object` : `${String(value)} (a ${type})`;
  throw new TypeError(`createMerchantHandler: ${name} returned ${shown}; return the reference as a string (e.g. String(user.id)), or null.`);
}

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

const consoleLogger: HandlerLogger = {
  warn: (message, details) => console.warn(message, details ?? ''),
  error: (message, details) => console.error(message, details ?? ''),
};

/**
 * The reference merchant backend: serves the routes the components call (`createHttpBackend`) for the signed-in
 * customer (`resolveCustomer`), and calls Purse with the merchant's credentials. Throws at once on a wrong option.
 */
export function createMerchantHandler(options: MerchantHandlerOptions): MerchantHandler {
  if (!options || typeof options.resolveCustomer !== 'function') {
    throw new Error(
      'createMerchantHandler needs resolveCustomer(request): return the signed-in customer reference from your own session, or null.',
    );
  }
  const basePath = normaliseBasePath(options.basePath ?? '/api/purse');
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? Date.now;
  // By default challenges and idempotency records live in separate memory stores, so a flood of idempotency keys
  // cannot evict the consent challenges of real shoppers.
  const store = options.store ?? createMemoryStore({ now });
  const idempotencyStore = options.store ?? createMemoryStore({ now });
  const maxBodyBytes = positive('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY, true);
  const { trustProxy } = options;
  if (trustProxy !== undefined && trustProxy !== 0 && !(Number.isInteger(trustProxy) && trustProxy > 0)) {
    // Else no caller IP at all, silently: Purse rate-limits the shop as a whole, guests are counted per cookie only.
    throw new Error(
      `createMerchantHandler: trustProxy is the number of your proxies in front of the handler (a whole number: 1 for one nginx); got ${typeof trustProxy === 'string' ? `"${trustProxy}"` : String(trustProxy)}.`,
    );
  }
  const guestCookie = createGuestCookie(options.guestCookie ?? {}, basePath);
  if (options.store && !options.guestCookie?.secret && !options.resolveGuest) {
    // A shared store means several instances: a per-process secret would make each refuse the others' guests.
    logger.warn('purse-react-kit: set guestCookie.secret (the same on every instance) when the handler has a shared store');
  }
  const quota = perWindow('quota', options.quota, 300, ONE_HOUR);
  // 5 codes per 15 minutes to one email or phone: an honest shopper needs one, and a resend or two when one is slow to
  // come (the component's resend delay is 30 s: 5 codes take 2 minutes at least); 15 minutes is a wait they can live
  // with, or they use another identifier. An attacker gets a victim 20 codes an hour at most, not whatever Purse's own
  // resend throttle allows (Purse publishes none; the mock's, one per 30 s, is 120 an hour).
  const codeLimit = perWindow('codeLimit', options.codeLimit, 5, 15 * 60_000);
  // 30 lookups an hour: an honest signup checks one identifier, a few with typos; listing accounts gets 30 an hour.
  const lookupQuota = perWindow('lookupQuota', options.lookupQuota, 30, ONE_HOUR);
  const challengeTtlMs = positive('consentChallengeTtlMs', options.consentChallengeTtlMs, TEN_MINUTES);
  const recordTtlMs = positive('checkoutRecordTtlMs', options.checkoutRecordTtlMs, ONE_DAY);
  const idempotency = {
    store: idempotencyStore,
    ttlMs: positive('idempotencyTtlMs', options.idempotencyTtlMs, ONE_DAY),
    waitMs: positive('idempotencyWaitMs', options.idempotencyWaitMs, 30_000),
  };
  const inflight: LocalInflight = new Map();
  const allowedIntegrationModes = checkCheckoutOptions(options);
  const configured = lazyPurse(
    options.purse,
    (purse): { purse: PurseClient; checkout: CheckoutContext } => ({
      purse,
      checkout: checkoutContext(options, { purse, store, now, logger, recordTtlMs, allowedIntegrationModes }),
    }),
    logger,
    options.store,
  );
  const warnOnce = onceLogger((message) => logger.warn(`purse-react-kit: ${message}`));
  const customerPurse = customerPurseContext(options);

  const notFound = (path: string) => {
    const hint = basePathHint(path, basePath);
    if (hint) warnOnce(hint);
    return problem(404, { title: 'Not Found', detail: hint ?? `No Purse route at ${path}.`, code: 'not_found' });
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // Doubled slashes (a proxy's rewrite adds them) name the same route, as a trailing slash does.
    const pathname = url.pathname.replace(/\/{2,}/g, '/');
    const inside = !basePath || pathname === basePath || pathname.startsWith(`${basePath}/`);
    const match = inside ? resolveRoute(pathname.slice(basePath.length).replace(/\/+$/, '')) : undefined;
    if (!match) return notFound(pathname);
    const { route, definition, id } = match;
    if (request.method !== definition.method) {
      return problem(
        405,
        { title: 'Method Not Allowed', detail: `${route} accepts ${definition.method} only.`, code: 'method_not_allowed' },
        { allow: definition.method },
      );
    }

    if (!options.allowCrossSite && request.headers.get('sec-fetch-site') === 'cross-site') {
      // Another site's page (an <img>, a form): it would spend the visitor's quotas and ask Purse in their name. Or the
      // shop's own pages, on another site than the handler: they need the option, which the merchant learns here.
      warnOnce(
        "403 cross_site_request: your own pages on another site than the handler (CORS in front) need allowCrossSite: true; else another site's page sent it (nothing to do).",
      );
      return problem(403, {
        title: 'Cross-site request',
        detail:
          "The Purse routes answer the shop's own pages only (same site); this request came from another site (the shop's own pages there: allowCrossSite: true).",
        code: 'cross_site_request',
      });
    }

    let setup: Awaited<ReturnType<typeof configured.get>>;
    try {
      setup = await configured.get();
    } catch (error) {
      const detail = error instanceof PurseNotConfiguredError ? error.message : 'The Purse configuration failed.';
      return problem(500, { title: 'Purse is not configured', detail, code: 'purse_not_configured' });
    }
    const { purse, checkout } = setup;
    let customer: Promise<string | null> | undefined;
    let shopper: Promise<Shopper> | undefined;
    /** The cookie of a guest id minted for this request: it goes out with the answer. Signed beside the route's work. */
    let mintedCookie: Promise<string> | undefined;
    const idempotencyKey = definition.method === 'POST' ? request.headers.get('idempotency-key') : null;
    const resolveShopper = async (): Promise<Shopper> => {
      const c = await context.customer();
      // The guest id is read for customers too: a flow started as a guest stays theirs after they sign in.
      let guest = options.resolveGuest
        ? referenceFrom('resolveGuest', await options.resolveGuest(request))
        : ((await guestCookie.read(request)) ?? null);
      if (c === null && guest === null && !options.resolveGuest) {
        guest = await guestCookie.mint(idempotencyKey);
        mintedCookie = guestCookie.header(guest, request);
        mintedCookie.catch(() => {}); // awaited (and rethrown) once the answer is ready
      }
      return { customer: c, guest, scope: scopeOf(c, guest), minted: mintedCookie !== undefined };
    };
    const context: RouteContext = {
      request,
      url,
      purse,
      callerId: callerIdOf(request, options),
      customer: () => (customer ??= Promise.resolve(options.resolveCustomer(request)).then((c) => referenceFrom('resolveCustomer', c))),
      shopper: () => (shopper ??= resolveShopper()),
      identity: options.resolveIdentity && (async () => (await options.resolveIdentity!(request)) || null),
      intent: undefined,
      body: {},
      id,
      store,
      now,
      challengeTtlMs,
      quota,
      codeLimit,
      lookupQuota,
      checkout,
      customerPurse,
      fail: (error, mapPointer) => failureResponse(error, { route, logger, mapPointer }),
    };
    const answer = async (): Promise<Response> => {
      if (definition.method === 'GET') return definition.run(context);
      const body = await readJsonBody(request, maxBodyBytes);
      if (!body.ok) {
        if (body.hint) warnOnce(body.hint);
        return body.response;
      }
      context.body = body.value as Record<string, unknown>;
      return runMutation(context, { route, key: idempotencyKey, bodyText: body.text, idempotency, inflight, quota }, () => definition.run(context));
    };
    let response = await answer();
    if (definition.replayed && response.headers.has('idempotent-replayed')) response = await definition.replayed(response, context);
    if (mintedCookie && !definition.keepsNothing) response.headers.append('set-cookie', await mintedCookie);
    return response;
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
