// The in-memory state of the Payment API v2 half of the mock, shared by its route files.
import type { DropinGeneration } from '../../core/dropin/types.ts';
import type {
  CaptureMode,
  ClientSessionStatus,
  ClientSessionWidget,
  Currency,
  EligibleSolution,
  IntegrationMode,
  Payment,
  PaymentCustomer,
  PaymentOrder,
  ThreeDsAuthenticationOptions,
  Webhook,
} from '../../core/wire/payment.ts';
import type { MockContext } from '../shared/context.ts';
import type { Allocation } from './bookkeeping.ts';
import { createIdempotencyStore, type IdempotencyStore } from './idempotency.ts';
import { createSigningKeys, type SigningKeys } from './signing.ts';
import { createWebhookLog, type WebhookLog } from './webhooks.ts';

/** The Payment API base path on the mock's origin (Purse's is https://api.purse-{env}.com/payment). */
export const API = '/payment/v2';

/** What a client session, a payment and a payment link have in common at creation. */
export interface Purchase {
  entityId: string;
  amount: number;
  currency: Currency;
  captureMode: CaptureMode;
  allowFutureUsage: boolean;
  shopperRedirectionUrl?: string;
  order: PaymentOrder;
  customer?: PaymentCustomer;
  threeDs?: ThreeDsAuthenticationOptions;
  webhook?: Webhook;
}

export interface SessionRecord extends Purchase {
  id: string;
  status: ClientSessionStatus;
  integrationMode: IntegrationMode;
  createdAt: number;
  expiresAt: number;
  /** EMBEDDED sessions. `data` is also the bearer credential of the drop-in API. */
  widget?: ClientSessionWidget;
  eligible: EligibleSolution[];
  paymentId?: string;
  paymentLinkId?: string;
}

export interface PaymentRecord {
  /** The wire object; amounts and overview are kept current by bookkeeping.refreshTotals. */
  payment: Payment;
  allocations: Allocation[];
  /** PENDING authorizations: when they become AUTHORIZED by themselves (clock ms). */
  settleAt?: number;
}

export type StoredLinkStatus = 'CREATED' | 'OPENED' | 'PAID' | 'CANCELLED';

export interface LinkRecord extends Purchase {
  id: string;
  version: number;
  status: StoredLinkStatus;
  shopperRedirectionUrl: string;
  expiresAt: number;
  sessionIds: string[];
  paymentIds: string[];
}

export interface World {
  readonly context: MockContext;
  readonly sessions: Map<string, SessionRecord>;
  /** widget.data → session id */
  readonly widgetTokens: Map<string, string>;
  readonly payments: Map<string, PaymentRecord>;
  readonly links: Map<string, LinkRecord>;
  generation: DropinGeneration;
  readonly signing: SigningKeys;
  readonly webhooks: WebhookLog;
  readonly idempotency: IdempotencyStore;
  /** ISO 8601 of the clock's now (or of `ms`). */
  iso(ms?: number): string;
}

export function createWorld(context: MockContext): World {
  return {
    context,
    sessions: new Map(),
    widgetTokens: new Map(),
    payments: new Map(),
    links: new Map(),
    generation: context.options.dropinGeneration,
    signing: createSigningKeys(context.now),
    webhooks: createWebhookLog(() => context.options.webhookFetch),
    idempotency: createIdempotencyStore(),
    iso: (ms) => new Date(ms ?? context.now()).toISOString(),
  };
}

/** Forgets every session, payment, link, webhook record and idempotency key; keeps the signing keys. */
export function resetWorld(world: World): void {
  world.sessions.clear();
  world.widgetTokens.clear();
  world.payments.clear();
  world.links.clear();
  world.generation = world.context.options.dropinGeneration;
  world.webhooks.reset();
  world.idempotency.reset();
}

/** Script URLs per generation, on the mock's origin (paths as on Purse's CDN). */
export const SCRIPT_PATHS: Record<DropinGeneration, string[]> = {
  'dropin-checkout': ['/dropin-checkout/stable/purse.js', '/dropin-checkout/latest/purse.js'],
  'widget-v3': ['/dropin/v3-stable/purse.js', '/dropin/latest/purse.js'],
};

export const scriptUrl = (world: World, generation: DropinGeneration) => `${world.context.baseUrl}${SCRIPT_PATHS[generation][0]}`;

/** The Purchase fields of a session or link record (e.g. to open a session for a payment link). */
export function purchaseOf(record: Purchase): Purchase {
  const { entityId, amount, currency, captureMode, allowFutureUsage, shopperRedirectionUrl, order, customer, threeDs, webhook } = record;
  return structuredClone({
    entityId, amount, currency, captureMode, allowFutureUsage, order,
    ...(shopperRedirectionUrl !== undefined && { shopperRedirectionUrl }),
    ...(customer && { customer }),
    ...(threeDs && { threeDs }),
    ...(webhook && { webhook }),
  });
}

/** Picks the Purchase fields of a validated create request. */
export function purchaseFrom(body: Record<string, unknown>): Purchase {
  return {
    entityId: body.entity_id as string,
    amount: body.amount as number,
    currency: body.currency as Currency,
    captureMode: (body.capture_mode as CaptureMode | undefined) ?? 'MANUAL',
    allowFutureUsage: body.allow_future_usage === true,
    ...(body.shopper_redirection_url !== undefined && { shopperRedirectionUrl: body.shopper_redirection_url as string }),
    order: structuredClone(body.order as PaymentOrder),
    ...(body.customer !== undefined && { customer: structuredClone(body.customer as PaymentCustomer) }),
    ...(body.three_ds_authentication_options !== undefined && {
      threeDs: structuredClone(body.three_ds_authentication_options as ThreeDsAuthenticationOptions),
    }),
    ...(body.webhook !== undefined && { webhook: structuredClone(body.webhook as Webhook) }),
  };
}
