// What every POST goes through before its route runs: an Idempotency-Key is required, the shopper must be known (a
// customer or a guest), their quota must allow one more write, and the answer is replayed for a repeat of the intent.
import { problem } from './http.ts';
import { isValidIdempotencyKey, sha256, withIdempotency, type IdempotencyOptions, type LocalInflight } from './idempotency.ts';
import { forgetAttempt } from './intent.ts';
import type { RouteContext } from './route-types.ts';

export interface MutationSetup {
  route: string;
  key: string | null;
  bodyText: string;
  idempotency: IdempotencyOptions;
  inflight: LocalInflight;
  quota: { limit: number; windowMs: number };
}

/**
 * The fixed-window counters of a shopper (and of the caller IP for a guest), and the 429 that refuses once one is over.
 * `kind` keeps apart what is counted: writes, and lookups that ask Purse about an id the shopper was never shown.
 */
export function quotaCounters(ctx: RouteContext, scope: string, guest: boolean, quota: MutationSetup['quota'], kind: 'quota' | 'lookup') {
  const now = ctx.now();
  const window = Math.floor(now / quota.windowMs);
  // A guest's IP first: a guest who drops cookies has a new scope (a new counter record) per request, so counting the
  // scope first would let one IP over its quota keep writing records until the store is full.
  const keys = [`purse-kit:${kind}:${scope}:${window}`];
  if (guest && ctx.callerId) keys.unshift(`purse-kit:${kind}:ip${ctx.callerId.length}:${ctx.callerId}:${window}`);
  const seconds = Math.max(1, Math.ceil(((window + 1) * quota.windowMs - now) / 1000));
  const refusal = () =>
    problem(
      429,
      { title: 'Too many requests', detail: `This shopper made too many requests; try again in ${seconds} s.`, code: 'quota_exceeded' },
      { 'retry-after': String(seconds) },
    );
  return { keys, refusal };
}

/** Counts one write; the 429 once the shopper (or a guest's IP) is over the quota, else `undefined`. */
async function overQuota(ctx: RouteContext, scope: string, guest: boolean, quota: MutationSetup['quota']): Promise<Response | undefined> {
  const { keys, refusal } = quotaCounters(ctx, scope, guest, quota, 'quota');
  for (const key of keys) {
    if ((await ctx.store.increment(key, quota.windowMs)) > quota.limit) return refusal();
  }
  return undefined;
}

export async function runMutation(ctx: RouteContext, setup: MutationSetup, run: () => Promise<Response>): Promise<Response> {
  const { key } = setup;
  if (key === null) {
    return problem(400, {
      title: 'Idempotency-Key required',
      detail:
        'Send an Idempotency-Key header (a new UUID per shopper action, the same one on every retry of it) so the ' +
        'action happens once. createHttpBackend always does.',
      code: 'idempotency_key_required',
    });
  }
  if (!isValidIdempotencyKey(key)) {
    return problem(400, {
      title: 'Invalid Idempotency-Key',
      detail: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).',
      code: 'invalid_idempotency_key',
    });
  }
  const shopper = await ctx.shopper();
  if (shopper.scope === null) {
    return problem(401, {
      title: 'No shopper session',
      detail: 'Neither resolveCustomer nor resolveGuest named the shopper making this request.',
      code: 'no_shopper_session',
    });
  }
  // Scoped to the route and the shopper, so one shopper's key can never replay another's answer.
  const scoped = `purse-kit:idem:${setup.route}:${shopper.scope}:${key}`;
  const [limited, hash, fingerprint] = await Promise.all([
    overQuota(ctx, shopper.scope, shopper.customer === null, setup.quota),
    sha256(scoped),
    sha256(setup.bodyText),
  ]);
  if (limited) return limited;
  ctx.intent = { key: scoped, purseKey: `purse-kit-${hash}`, fingerprint };
  // Once the answer is stored, the attempt record goes: it would only hold store room for a day.
  return withIdempotency(setup.idempotency, setup.inflight, scoped, fingerprint, run, () => forgetAttempt(ctx));
}
