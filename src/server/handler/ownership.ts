// Who may see which checkout session and payment: the handler remembers the customer it created each session for, and
// each payment a customer was shown (by a verified redirect, or as the payment of their own session).
import type { HandlerStore } from './store.ts';

export interface Ownership {
  rememberSession(sessionId: string, customer: string | null): Promise<void>;
  /** The customer the session was created for; `undefined` when this handler did not create it (or forgot it). */
  sessionOwner(sessionId: string): Promise<{ customer: string | null } | undefined>;
  allowPayment(paymentId: string, customer: string | null): Promise<void>;
  canViewPayment(paymentId: string, customer: string | null): Promise<boolean>;
}

/** Length-prefixed so that no customer reference can collide with another, nor with the guest scope. */
const scope = (customer: string | null) => (customer === null ? 'guest' : `c${customer.length}:${customer}`);
const sessionKey = (id: string) => `purse-kit:checkout:session:${id}`;
const paymentKey = (id: string, customer: string | null) => `purse-kit:checkout:payment:${id}:${scope(customer)}`;

export function createOwnership(store: HandlerStore, ttlMs: number): Ownership {
  return {
    async rememberSession(sessionId, customer) {
      await store.set(sessionKey(sessionId), JSON.stringify({ customer }), ttlMs);
    },
    async sessionOwner(sessionId) {
      const raw = await store.get(sessionKey(sessionId));
      if (raw === undefined) return undefined;
      try {
        const value = JSON.parse(raw) as { customer?: unknown };
        return { customer: typeof value.customer === 'string' ? value.customer : null };
      } catch {
        return undefined;
      }
    },
    async allowPayment(paymentId, customer) {
      await store.set(paymentKey(paymentId, customer), '1', ttlMs);
    },
    async canViewPayment(paymentId, customer) {
      return (await store.get(paymentKey(paymentId, customer))) !== undefined;
    },
  };
}
