// Where the checkout's sessions come from: the session the merchant passed (first intent only), else
// backend.createSession with one idempotency key per intent, the script connection warmed up before the first create;
// and the fresh sessions with which Drop-in Checkout renews an expired one in place.
import type { CheckoutSession } from '../../core/backend/views.ts';
import { PurseKitFailure } from '../../core/errors.ts';
import { createIdempotencyKey } from '../../core/backend/idempotency.ts';
import type { CheckoutBindings } from './options.ts';
import { classifySession } from './state.ts';
import { warmUp } from './warm-up.ts';

export class SessionSource {
  /** The session passed in, used by the first intent only. */
  preset: CheckoutSession | undefined;
  /** One idempotency key per intent: a retried create replays the same session; a restart is a new intent. */
  private intentKey = '';
  private hinted = false;

  /** `bindings` reads the latest props. */
  constructor(private readonly bindings: () => CheckoutBindings) {
    this.preset = bindings().session;
  }

  /** A new intent (start over): this preset session or none, and a new idempotency key for the next create. */
  startOver(preset: CheckoutSession | undefined): void {
    this.preset = preset;
    this.intentKey = '';
  }

  /** Creates the intent's session (a retry replays the same one). */
  create(signal: AbortSignal): Promise<CheckoutSession> {
    const { backend, request } = this.bindings();
    if (!this.hinted) warmUp(this.bindings());
    this.hinted = true;
    if (!this.intentKey) this.intentKey = createIdempotencyKey();
    return backend.createSession(request, { signal, idempotencyKey: this.intentKey });
  }

  /** A new session for the same order, to renew an expired one in place (Drop-in Checkout). */
  async renew(signal: AbortSignal): Promise<{ session: CheckoutSession; widgetData: string }> {
    const { backend, request } = this.bindings();
    const session = await backend.createSession(request, { signal, idempotencyKey: createIdempotencyKey() });
    const target = classifySession(session, this.bindings().allowedOrigins);
    if (target.kind === 'invalid') throw new PurseKitFailure(target.error);
    if (target.kind !== 'embedded') throw new PurseKitFailure({ kind: 'config', message: 'The renewed session is not EMBEDDED.' });
    return { session, widgetData: target.widgetData };
  }
}
