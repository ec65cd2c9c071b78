// Who may see which checkout session and payment: the handler remembers the shopper (customer, or guest browser) it
// created each session for, and each payment a shopper was shown (by a verified redirect, or as the payment of their
// own session). A missing or unreadable record refuses: it never lets anyone through. It also remembers each shopper's
// order's last session, so an order already paid there is not offered a second session, and the payment links Purse
// answered for (their status pages are never held back by the lookup quota).
import type { HandlerStore } from './store.ts';

export interface Ownership {
  rememberSession(sessionId: string, scope: string): Promise<void>;
  /** The shopper scope the session was created for; `undefined` when this handler did not create it (or forgot it). */
  sessionOwner(sessionId: string): Promise<string | undefined>;
  /** The last session created for this shopper's order under `name` (order-guard's names); `undefined` when none is known. */
  orderSession(scope: string, name: string): Promise<string | undefined>;
  rememberOrderSession(scope: string, name: string, sessionId: string): Promise<void>;
  allowPayment(paymentId: string, scope: string): Promise<void>;
  canViewPayment(paymentId: string, scope: string | null): Promise<boolean>;
  /**
   * A payment link Purse answered for: a status page polls it whatever the lookup quota. Not per shopper: its id is
   * the shopper's credential, and a caller dropping its cookie would leave one record per request.
   */
  rememberLink(linkId: string): Promise<void>;
  isKnownLink(linkId: string): Promise<boolean>;
}

const sessionKey = (id: string) => `purse-kit:checkout:session:${id}`;
const paymentKey = (id: string, scope: string) => `purse-kit:checkout:payment:${id}:${scope}`;
const linkKey = (id: string) => `purse-kit:checkout:link:${id}`;
const orderKey = (scope: string, name: string) => `purse-kit:checkout:order:${scope}:${name}`;

export function createOwnership(store: HandlerStore, ttlMs: number): Ownership {
  return {
    async rememberSession(sessionId, scope) {
      await store.set(sessionKey(sessionId), JSON.stringify({ scope }), ttlMs);
    },
    async sessionOwner(sessionId) {
      const raw = await store.get(sessionKey(sessionId));
      if (raw === undefined) return undefined;
      try {
        const value = JSON.parse(raw) as { scope?: unknown };
        return typeof value.scope === 'string' ? value.scope : undefined;
      } catch {
        return undefined;
      }
    },
    async orderSession(scope, name) {
      return store.get(orderKey(scope, name));
    },
    async rememberOrderSession(scope, name, sessionId) {
      await store.set(orderKey(scope, name), sessionId, ttlMs);
    },
    async allowPayment(paymentId, scope) {
      await store.set(paymentKey(paymentId, scope), '1', ttlMs);
    },
    async canViewPayment(paymentId, scope) {
      return scope !== null && (await store.get(paymentKey(paymentId, scope))) !== undefined;
    },
    async rememberLink(linkId) {
      await store.set(linkKey(linkId), '1', ttlMs);
    },
    async isKnownLink(linkId) {
      return (await store.get(linkKey(linkId))) !== undefined;
    },
  };
}
