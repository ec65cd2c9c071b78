// What every POST goes through before its route runs: an Idempotency-Key is required, the shopper must be known (a
// customer or a guest), their quota must allow one more write, and the answer is replayed for a repeat of the intent.
import { problem } from './http.ts';
import { isValidIdempotencyKey, sha256, withIdempotency, type IdempotencyOptions, type LocalInflight } from './idempotency.ts';
import { forgetAttempt } from './intent.ts';
import { overQuota } from './quota.ts';
import type { Quota, RouteContext } from './route-types.ts';

export interface MutationSetup {
  route: string;
  key: string | null;
  bodyText: string;
  idempotency: IdempotencyOptions;
  inflight: LocalInflight;
  quota: Quota;
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
    overQuota(ctx, shopper.scope, shopper.customer === null, setup.quota, 'quota'),
    sha256(scoped),
    sha256(setup.bodyText),
  ]);
  if (limited) return limited;
  ctx.intent = { key: scoped, purseKey: `purse-kit-${hash}`, fingerprint };
  // Once the answer is stored, the attempt record goes: it would only hold store room for a day.
  return withIdempotency(setup.idempotency, setup.inflight, scoped, fingerprint, run, () => forgetAttempt(ctx));
}
