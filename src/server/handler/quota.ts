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

/**
 * The network a guest's caller IP is counted by: an IPv6 address by its /64 (a subscriber's network, whose addresses
 * its owner picks at will: one count per address would be no count), an IPv4 address written as IPv6 (`::ffff:a.b.c.d`,
 * as a dual-stack server writes it) by that IPv4 address; anything else (IPv4, your own `callerId`) as it is.
 */
function callerNetwork(callerId: string): string {
  if (!callerId.includes(':')) return callerId;
  let host: string;
  try {
    host = new URL(`http://[${callerId}]`).hostname.slice(1, -1); // canonical: lower case, no leading zeros, "::"
  } catch {
    return callerId;
  }
  const [head = '', tail] = host.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.slice(0, 5).every((group) => group === '0') && groups[5] === 'ffff') {
    const [high, low] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

const REFUSALS: Record<QuotaKind, { code: string; what: string }> = {
  quota: { code: 'quota_exceeded', what: 'requests' },
  lookup: { code: 'quota_exceeded', what: 'requests' },
  exists: { code: 'too_many_lookups', what: 'account lookups' },
};

/**
 * The fixed-window counters of a shopper (and of the caller IP for a guest), and the 429 that refuses once one is over.
 * `kind` keeps apart what is counted. A `null` scope is counted by the caller's IP alone: a guest minted for this very
 * request (its own count would always be 1, and a client dropping its cookies would leave one record per request), or a
 * caller your resolveGuest named nobody.
 */
export function quotaCounters(ctx: RouteContext, scope: string | null, guest: boolean, quota: Quota, kind: QuotaKind) {
  const { window, retryAfter } = fixedWindow(ctx.now(), quota.windowMs);
  // A guest's IP first: a guest who drops cookies has a new scope (a new counter record) per request, so counting the
  // scope first would let one IP over its quota keep writing records until the store is full.
  const keys = scope === null ? [] : [`purse-kit:${kind}:${scope}:${window}`];
  if (guest && ctx.callerId) {
    const network = callerNetwork(ctx.callerId);
    keys.unshift(`purse-kit:${kind}:ip${network.length}:${network}:${window}`);
  }
  const { code, what } = REFUSALS[kind];
  const refusal = () =>
    problem(
      429,
      { title: 'Too many requests', detail: `This shopper made too many ${what}; try again in ${retryAfter} s.`, code },
      { 'retry-after': String(retryAfter) },
    );
  return { keys, refusal };
}

/** Counts one; the 429 once the shopper (or a guest's IP) is over the quota, else `undefined` (scope: quotaCounters). */
export async function overQuota(ctx: RouteContext, scope: string | null, guest: boolean, quota: Quota, kind: QuotaKind): Promise<Response | undefined> {
  const { keys, refusal } = quotaCounters(ctx, scope, guest, quota, kind);
  for (const key of keys) {
    if ((await ctx.store.increment(key, quota.windowMs)) > quota.limit) return refusal();
  }
  return undefined;
}
