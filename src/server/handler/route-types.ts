// What every route of the merchant handler receives (XCO, checkout and payment-status routes).
import type { CustomerPurseContext } from './customer-purse-context.ts';
import type { CheckoutOptions, HandlerLogger, MerchantHandlerOptions, VouchedIdentity } from './options.ts';
import type { Ownership } from './ownership.ts';
import type { PurseClient } from '../purse/client.ts';
import type { RedirectVerifier } from '../purse/redirect-token.ts';
import type { Shopper } from './shopper.ts';
import type { HandlerStore } from './store.ts';

/** The handler's checkout setup, resolved once. */
export interface CheckoutContext {
  resolveOrder: MerchantHandlerOptions['resolveOrder'];
  shopperRedirectionUrl: CheckoutOptions['shopperRedirectionUrl'] | undefined;
  entityId: string | undefined;
  allowedIntegrationModes: NonNullable<CheckoutOptions['allowedIntegrationModes']>;
  verifier: RedirectVerifier;
  ownership: Ownership;
  logger: HandlerLogger;
}

/** A bound per fixed window: at most `limit` in each `windowMs` (see quota.ts). */
export interface Quota {
  limit: number;
  windowMs: number;
}

export interface RouteContext {
  request: Request;
  url: URL;
  purse: PurseClient;
  callerId: string | undefined;
  /** The merchant's customer reference (resolveCustomer), resolved once per request. */
  customer(): Promise<string | null>;
  /** The customer, else the guest (signed cookie or resolveGuest), resolved once per request. */
  shopper(): Promise<Shopper>;
  /** `resolveIdentity(request)`; `undefined` when the merchant gave no such callback. */
  identity: (() => Promise<VouchedIdentity | null>) | undefined;
  /**
   * Set for a POST: `key` names this shopper's intent on this route (the scoped Idempotency-Key), `purseKey` is the
   * Idempotency-Key sent to Purse for it, the same on every retry of the intent, and `fingerprint` the body's SHA-256.
   */
  intent: { key: string; purseKey: string; fingerprint: string } | undefined;
  /** The parsed JSON object of a POST; `{}` for a GET. */
  body: Record<string, unknown>;
  /** The decoded id of a route with one (`/checkout/sessions/{id}`, `/payments/{id}`…). */
  id: string;
  store: HandlerStore;
  now: () => number;
  challengeTtlMs: number;
  /** Writes per shopper per window (`quota`); lookups that ask Purse about an id the shopper was never shown have the same bound. */
  quota: Quota;
  /** One-time codes sent to one email or phone per window, whoever asks (`codeLimit`). */
  codeLimit: Quota;
  /** Account lookups (users/exists) per shopper, and per guest IP, per window (`lookupQuota`). */
  lookupQuota: Quota;
  checkout: CheckoutContext;
  /** The Customer Purse client and settings; undefined when the merchant did not configure it. */
  customerPurse: CustomerPurseContext | undefined;
  /** The answer for a failed Purse call; `mapPointer` rewrites Purse's pointers into this request's shape. */
  fail(error: unknown, mapPointer?: (pointer: string) => string): Response;
}

export interface RouteDefinition {
  method: 'GET' | 'POST';
  run(context: RouteContext): Promise<Response>;
  /**
   * Keeps nothing for the shopper: a guest minted for it gets no cookie. It runs beside a request that does keep
   * something (the checkout's methods beside its session), and its cookie, coming last, would replace that one's.
   */
  keepsNothing?: true;
  /**
   * A stored answer replayed for a repeat of its intent (idempotency.ts) goes through here: what depends on when it is
   * given is brought up to date (it may have been stored minutes ago).
   */
  replayed?(answer: Response, context: RouteContext): Promise<Response>;
}
