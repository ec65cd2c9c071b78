// The handler's route table (XCO, checkout, payment status) and its checkout setup.
import { INTEGRATION_MODES, type IntegrationMode } from '../../core/wire/payment.ts';
import { routes } from '../../core/backend/routes.ts';
import { absoluteHttpUrl, checkoutRoutes, REDIRECT_URL_HINT } from './checkout-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import type { HandlerLogger, MerchantHandlerOptions } from './options.ts';
import { createOwnership } from './ownership.ts';
import type { PurseClient } from '../purse/client.ts';
import { createRedirectVerifier } from '../purse/redirect-token.ts';
import type { CheckoutContext, RouteDefinition } from './route-types.ts';
import { statusIdRoutes, statusRoutes } from './status-routes.ts';
import type { HandlerStore } from './store.ts';
import { xcoRoutes } from './xco-routes.ts';
import { customerPurseRoutes } from './customer-purse-routes.ts';

const exact: Record<string, RouteDefinition> = { ...xcoRoutes, ...checkoutRoutes, ...statusRoutes, ...customerPurseRoutes };

/** Purse ids are UUIDs; anything outside this never reaches Purse. */
const ID = /^[A-Za-z0-9_-]{1,128}$/;
const trim = (prefix: string) => prefix.replace(/\/+$/, '');
const withId: { pattern: RegExp; definition: RouteDefinition }[] = [
  { pattern: new RegExp(`^${trim(routes.session)}/([^/]+)$`), definition: sessionRoutes.get },
  { pattern: new RegExp(`^${trim(routes.session)}/([^/]+)/abort$`), definition: sessionRoutes.abort },
  { pattern: new RegExp(`^${trim(routes.payment)}/([^/]+)$`), definition: statusIdRoutes.payment },
  { pattern: new RegExp(`^${trim(routes.paymentLink)}/([^/]+)$`), definition: statusIdRoutes.paymentLink },
];

/** `route` is the path below the base path, without a trailing slash. Exact routes win over routes with an id. */
export function resolveRoute(route: string): { route: string; definition: RouteDefinition; id: string } | undefined {
  if (Object.hasOwn(exact, route)) return { route, definition: exact[route]!, id: '' };
  for (const { pattern, definition } of withId) {
    const raw = pattern.exec(route)?.[1];
    if (raw === undefined) continue;
    let id: string;
    try {
      id = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    return ID.test(id) ? { route, definition, id } : undefined;
  }
  return undefined;
}

/**
 * The checkout options that need no Purse client, checked where the handler is created: with a lazy `purse` option the
 * client (and `checkoutContext`) comes only with the first request, too late to report a mistake of the merchant's code.
 */
export function checkCheckoutOptions(options: MerchantHandlerOptions): IntegrationMode[] {
  const { resolveOrder, checkout } = options;
  if (resolveOrder !== undefined && typeof resolveOrder !== 'function') {
    throw new Error('createMerchantHandler: resolveOrder must be a function (request, { order_reference, customer }) => order.');
  }
  if (resolveOrder && !checkout?.shopperRedirectionUrl) {
    throw new Error(
      'createMerchantHandler: resolveOrder needs checkout.shopperRedirectionUrl, the absolute URL of your return page ' +
        '(Purse sends the shopper there with purse-redirection-data).',
    );
  }
  const redirect = checkout?.shopperRedirectionUrl;
  if ((typeof redirect === 'string' || (redirect as unknown) instanceof URL) && !absoluteHttpUrl(redirect)) {
    throw new Error(`createMerchantHandler: ${REDIRECT_URL_HINT}; got ${JSON.stringify(String(redirect))}.`);
  }
  const modes: IntegrationMode[] = checkout?.allowedIntegrationModes ?? ['EMBEDDED'];
  if (modes.length === 0 || modes.some((m) => !INTEGRATION_MODES.includes(m))) {
    throw new Error(`createMerchantHandler: checkout.allowedIntegrationModes must list some of ${INTEGRATION_MODES.join(', ')}.`);
  }
  return [...modes];
}

export function checkoutContext(
  options: MerchantHandlerOptions,
  deps: {
    purse: PurseClient;
    store: HandlerStore;
    now: () => number;
    logger: HandlerLogger;
    recordTtlMs: number;
    /** What checkCheckoutOptions gave when the handler was created. */
    allowedIntegrationModes: IntegrationMode[];
  },
): CheckoutContext {
  const { resolveOrder, checkout } = options;
  const { allowedIntegrationModes } = deps;
  const entityId = checkout?.entityId ?? deps.purse.entityId;
  if (resolveOrder && !entityId) {
    throw new Error('createMerchantHandler: checkout needs an entity id: set checkout.entityId or the Purse client entityId (PURSE_ENTITY_ID).');
  }
  return {
    resolveOrder,
    shopperRedirectionUrl: checkout?.shopperRedirectionUrl,
    entityId,
    allowedIntegrationModes,
    verifier: createRedirectVerifier({ ...options.redirectVerifier, client: deps.purse, now: deps.now }),
    ownership: createOwnership(deps.store, deps.recordTtlMs),
    logger: deps.logger,
  };
}
