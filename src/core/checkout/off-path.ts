// The checkout's effects off the main path, downloaded when a state first asks for one (effects.ts): Drop-in
// Checkout's session renewal, a submit from the merchant's own pay button, and cancel (abortSession).
import { createIdempotencyKey } from '../backend/idempotency.ts';
import type { MerchantBackend } from '../backend/backend.ts';
import type { MountedDropin } from '../dropin/types.ts';
import { isPurseKitFailure, PurseKitFailure, toKitError } from '../errors.ts';
import type { EffectContext } from '../runner.ts';
import type { CheckoutSessionRequest } from '../backend/views.ts';
import { dropinError, sessionTarget } from './session.ts';
import type { CheckoutEvent } from './types.ts';

type Context = EffectContext<CheckoutEvent>;

/** What a renewal reads of the checkout's config. */
interface RenewConfig {
  backend: MerchantBackend;
  request: CheckoutSessionRequest;
  allowedOrigins: readonly string[];
}

/** Drop-in Checkout's `hooks.onRefreshSession` (after `RENEWING`): a fresh session for the same order; a failure ends in `expired`. */
export async function renew({ backend, request, allowedOrigins }: RenewConfig, { send, signal }: Context): Promise<string> {
  try {
    const session = await backend.createSession(request, { signal, idempotencyKey: createIdempotencyKey() });
    const target = sessionTarget(session, allowedOrigins);
    if (signal.aborted) throw signal.reason;
    if (target.kind === 'hosted') throw new PurseKitFailure({ kind: 'config', message: 'The renewed session is not EMBEDDED.' });
    send({ type: 'RENEWED', session, target, now: Date.now() });
    // The order was paid meanwhile (another tab): the server answered its submitted session, the checkout closes, and
    // the drop-in gets no session to go on with.
    if (target.kind === 'closed') throw new PurseKitFailure({ kind: 'session_expired', message: 'The order was paid meanwhile: no new session.' });
    return target.widgetData;
  } catch (thrown) {
    send({ type: 'RENEW_FAILED' });
    throw thrown;
  }
}

/** Submits through the mounted drop-in; a rejection keeps the drop-in's code when it carries one. */
export async function submitPayment(mounted: MountedDropin | undefined, key: string, send: Context['send']): Promise<void> {
  try {
    await mounted?.submit();
    send({ type: 'SUBMIT_SETTLED', key });
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    // The rejection's shape is not documented: only a string code counts.
    const code = (thrown as { code?: unknown } | null)?.code;
    const error = isPurseKitFailure(thrown) ? thrown.error : dropinError(message, typeof code === 'string' ? code : undefined);
    send({ type: 'SUBMIT_FAILED', key, error });
  }
}

/** Aborts the session at Purse (ABORTED_BY_CUSTOMER), once per `key`; the answer says who aborted it. */
export async function abortSession(backend: MerchantBackend, id: string, key: string, { send, signal }: Context): Promise<void> {
  try {
    send({ type: 'CANCELLED', key, session: await backend.abortSession(id, { signal, idempotencyKey: key }) });
  } catch (thrown) {
    send({ type: 'CANCEL_FAILED', key, error: toKitError(thrown) });
  }
}
