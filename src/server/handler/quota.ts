// Fixed-window counters in the handler's store (so they hold across instances): per shopper, and per caller IP for a
// guest. Writes, payment lookups and account lookups each have their own.
import { problem } from './http.ts';
import type { Quota, RouteContext } from './route-types.ts';

/** What is counted: writes (POSTs), payment ids looked up at Purse, accounts looked up at Purse (users/exists). */
export type QuotaKind = 'quota' | 'lookup' | 'exists';

/** The window `now` falls in, and the whole seconds until it ends (a `Retry-After`, at least 1). */
export function fixedWindow(now: number, windowMs: number): { window: number; retryAfter: number } {
  const window = Math.floor(now / windowMs);
  return { window, retryAfter: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
}

const REFUSALS: Record<QuotaKind, { code: string; what: string }> = {
  quota: { code: 'quota_exceeded', what: 'requests' },
  lookup: { code: 'quota_exceeded', what: 'requests' },
  exists: { code: 'too_many_lookups', what: 'account lookups' },
};

/**
 * The fixed-window counters of a shopper (and of the caller IP for a guest), and the 429 that refuses once one is over.
 * `kind` keeps apart what is counted.
 */
export function quotaCounters(ctx: RouteContext, scope: string, guest: boolean, quota: Quota, kind: QuotaKind) {
  const { window, retryAfter } = fixedWindow(ctx.now(), quota.windowMs);
  // A guest's IP first: a guest who drops cookies has a new scope (a new counter record) per request, so counting the
  // scope first would let one IP over its quota keep writing records until the store is full.
  const keys = [`purse-kit:${kind}:${scope}:${window}`];
  if (guest && ctx.callerId) keys.unshift(`purse-kit:${kind}:ip${ctx.callerId.length}:${ctx.callerId}:${window}`);
  const { code, what } = REFUSALS[kind];
  const refusal = () =>
    problem(
      429,
      { title: 'Too many requests', detail: `This shopper made too many ${what}; try again in ${retryAfter} s.`, code },
      { 'retry-after': String(retryAfter) },
    );
  return { keys, refusal };
}

/** Counts one; the 429 once the shopper (or a guest's IP) is over the quota, else `undefined`. */
export async function overQuota(ctx: RouteContext, scope: string, guest: boolean, quota: Quota, kind: QuotaKind): Promise<Response | undefined> {
  const { keys, refusal } = quotaCounters(ctx, scope, guest, quota, kind);
  for (const key of keys) {
    if ((await ctx.store.increment(key, quota.windowMs)) > quota.limit) return refusal();
  }
  return undefined;
}
