// What a checkout state asks for, done: create (or take) the session, load the script, mount the drop-in and relay its
// events, submit, abort the session, the expiry timers, the hosted-page redirect. Each effect reports with events; the
// runner stops the ones the next state no longer asks for (their late results are dropped).
import type { MerchantBackend } from '../backend/backend.ts';
import { createIdempotencyKey } from '../backend/idempotency.ts';
import type { CheckoutSession, CheckoutSessionRequest } from '../backend/views.ts';
import { loadDropin } from '../dropin/load.ts';
import type { DropinDriver, DropinTheme, MountedDropin } from '../dropin/types.ts';
import { isPurseKitFailure, PurseKitFailure, toKitError, type PurseKitError } from '../errors.ts';
import { MachineRunner, timer, type Effect, type EffectContext } from '../runner.ts';
import { checkoutReducer, hasDropin, initialCheckoutState, REFRESH_GRACE_MS } from './machine.ts';
import { dropinError, dropinEvent, expiryDelay, sessionTarget } from './session.ts';
import type { CheckoutEvent, CheckoutState } from './types.ts';
import { warmUp, type WarmUpOptions } from './warm-up.ts';

/** What the checkout reads when work or a callback runs (the latest props, defaults applied). */
export interface CheckoutConfig extends WarmUpOptions {
  /** The provider's adapter. */
  backend: MerchantBackend;
  /** What creates fresh sessions (first one, renewal, restart). */
  request: CheckoutSessionRequest;
  /** A ready session, taken by the first intent (and by a new `sourceKey`). */
  session?: CheckoutSession;
  /** Changes when the merchant passes another session or order: the checkout starts over. */
  sourceKey: string;
  /** The drop-in's language. */
  locale?: string;
  /** Drop-in Checkout's theme. */
  theme?: DropinTheme;
  /** No drop-in pay button: `submit()` from the merchant's own. */
  hidePayButton?: boolean;
  /** HOSTED_PAGE sessions: navigate there at once, or only render a link. */
  hostedPage: 'redirect' | 'link';
  /** Goes to the hosted page (`window.location.assign` in the hook). */
  navigate(url: string): void;
  /** See `UsePurseCheckoutOptions`. */
  onReady?: () => void;
  /** See `UsePurseCheckoutOptions`. */
  onFulfilledChange?: (details: { isFulfilled: boolean }) => void;
  /** See `UsePurseCheckoutOptions`. */
  onError?: (error: PurseKitError) => void;
  /** See `UsePurseCheckoutOptions`. */
  onSessionExpired?: () => void;
  /** See `UsePurseCheckoutOptions`. */
  onCancel?: () => void;
}

type Context = EffectContext<CheckoutEvent>;

const mountOptionsKey = (c: CheckoutConfig) => JSON.stringify([c.locale, c.hidePayButton, c.theme ?? null]);

/** Runs one checkout: its machine, and the effects its states ask for. The hook creates one per component. */
export class CheckoutRunner {
  private config: CheckoutConfig;
  private readonly machine: MachineRunner<CheckoutState, CheckoutEvent>;
  /** The container the view gave, and the one the machine was told about (a microtask later). */
  private element: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private readonly drivers = new Map<string, DropinDriver>();
  private mounted: MountedDropin | undefined;
  private readonly navigated = new Set<string>();
  private hinted = false;

  constructor(config: CheckoutConfig) {
    this.config = config;
    this.machine = new MachineRunner(initialCheckoutState(createIdempotencyKey(), config.session), {
      reducer: checkoutReducer,
      effects: (state) => this.effects(state),
      onEvent: (previous, next, event) => this.notify(previous, next, event),
    });
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void) => this.machine.subscribe(listener);
  /** The current state. */
  getState = (): CheckoutState => this.machine.getState();
  /** The view mounted: the effects of the state start (a microtask later). */
  attach = (): void => this.machine.attach();
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  detach = (): void => this.machine.detach();

  /** The latest props: another session or order starts over; new mount options mount the drop-in again. */
  setConfig(config: CheckoutConfig): void {
    const previous = this.config;
    this.config = config;
    if (config.sourceKey !== previous.sourceKey) {
      this.machine.send({ type: 'RESTART', intentKey: createIdempotencyKey(), ...(config.session && { preset: config.session }) });
    } else if (mountOptionsKey(config) !== mountOptionsKey(previous)) {
      this.machine.send({ type: 'MOUNT_OPTIONS_CHANGED' });
    }
  }

  /** The drop-in's container (a callback ref). React may detach and re-attach it at once: only the result counts. */
  setElement = (element: HTMLElement | null): void => {
    if (element === this.element) return;
    this.element = element;
    queueMicrotask(() => {
      if (this.element === this.container) return;
      this.container = this.element;
      this.machine.send({ type: 'CONTAINER_CHANGED', present: this.container !== null });
    });
  };

  /** Submits the payment through the drop-in (for your own pay button). Ignored unless `ready`. */
  submit = (): Promise<void> => {
    const key = createIdempotencyKey();
    this.machine.send({ type: 'SUBMIT', key });
    return this.machine.settled(`submit:${key}`);
  };

  /** Aborts the session (ABORTED_BY_CUSTOMER) once however often it is called. Ignored while submitting. */
  cancel = (): Promise<void> => {
    const running = this.getState().cancelKey;
    if (running !== undefined) return this.machine.settled(`cancel:${running}`);
    const key = createIdempotencyKey();
    this.machine.send({ type: 'CANCEL', key });
    return this.machine.settled(`cancel:${key}`);
  };

  /** Runs the failed step again (same intent: a retried create replays the same session). */
  retry = (): void => this.machine.send({ type: 'RETRY' });

  /** Starts over with a fresh session (after expiry or cancel). */
  restart = (): void => this.machine.send({ type: 'RESTART', intentKey: createIdempotencyKey() });

  // ── what each state asks for ─────────────────────────────────────────────────────────────────────────────────

  private effects(state: CheckoutState): Effect<CheckoutEvent>[] {
    const effects: Effect<CheckoutEvent>[] = [];
    const { status, step, session, hostedPageUrl } = state;
    const widget = hostedPageUrl ? undefined : session?.widget;
    if (status === 'loading' && step === 'session' && !session) {
      effects.push({ key: `session:${state.intentKey}`, run: (context) => this.acquireSession(state, context) });
    }
    if (status === 'loading' && step === 'script' && widget) {
      effects.push({ key: `script:${widget.js_url}`, run: (context) => this.loadScript(widget.js_url, context) });
    }
    if (hasDropin(state) && widget && state.hasContainer) {
      effects.push({ key: `dropin:${state.mountKey}`, run: (context) => this.mountDropin(context) });
    }
    if (state.submitKey !== undefined) {
      const key = state.submitKey;
      effects.push({ key: `submit:${key}`, run: (context) => this.submitPayment(key, context) });
    }
    if (state.cancelKey !== undefined && session) {
      const key = state.cancelKey;
      effects.push({ key: `cancel:${key}`, run: (context) => this.abortSession(session.id, key, context) });
    }
    // A mounted drop-in reports expiry itself (and knows the server's clock better than we do).
    if (session && (status === 'loading' || status === 'failed' || (status === 'ready' && hostedPageUrl))) {
      const delay = expiryDelay(session.expires_at, state.receivedAt, Date.now());
      if (delay !== undefined) {
        effects.push({ key: `expiry:${session.id} ${session.expires_at} ${state.receivedAt}`, run: (c) => timer(c, delay, { type: 'SESSION_EXPIRED' }) });
      }
    }
    if (state.expiredAt !== undefined) {
      const expiredAt = state.expiredAt;
      effects.push({ key: `grace:${expiredAt}`, run: (c) => timer(c, REFRESH_GRACE_MS, { type: 'RENEWAL_OVERDUE', expiredAt }) });
    }
    if (status === 'ready' && hostedPageUrl && this.config.hostedPage === 'redirect' && !this.navigated.has(hostedPageUrl)) {
      effects.push({ key: `navigate:${hostedPageUrl}`, run: () => this.redirect(hostedPageUrl) });
    }
    return effects;
  }

  private async acquireSession(state: CheckoutState, { send, signal }: Context): Promise<void> {
    try {
      // A session passed in is taken at once; only one being created is awaited.
      const session = state.preset ?? (await this.createSession(state.intentKey, signal));
      send({ type: 'SESSION_RECEIVED', session, target: sessionTarget(session, this.config.allowedOrigins), now: Date.now() });
    } catch (thrown) {
      send({ type: 'STEP_FAILED', step: 'session', error: toKitError(thrown) });
    }
  }

  private createSession(idempotencyKey: string, signal: AbortSignal): Promise<CheckoutSession> {
    if (!this.hinted) warmUp(this.config);
    this.hinted = true;
    return this.config.backend.createSession(this.config.request, { signal, idempotencyKey });
  }

  private async loadScript(url: string, { send, signal }: Context): Promise<void> {
    const { allowedOrigins, nonce, integrity, scriptTimeoutMs } = this.config;
    try {
      const driver = await loadDropin(url, { allowedOrigins, nonce, integrity, timeoutMs: scriptTimeoutMs, signal });
      this.drivers.set(url, driver);
      send({ type: 'SCRIPT_LOADED', url, generation: driver.generation });
    } catch (thrown) {
      send({ type: 'STEP_FAILED', step: 'script', error: toKitError(thrown) });
    }
  }

  /** The one drop-in of the checkout, until the state no longer asks for it: then it is unmounted. */
  private mountDropin(context: Context): void {
    const { send, signal, onStop } = context;
    const { session, scriptUrl } = this.getState();
    const driver = scriptUrl === undefined ? undefined : this.drivers.get(scriptUrl);
    const element = this.container;
    if (!driver || !element || !session?.widget || !scriptUrl) return;
    let dropin: MountedDropin | undefined;
    let renewal: Promise<string> | undefined;
    onStop(() => {
      dropin?.unmount();
      if (this.mounted === dropin) this.mounted = undefined;
    });
    const { locale, theme, hidePayButton } = this.config;
    driver
      .mount({
        element,
        widgetData: session.widget.data,
        locale,
        theme,
        hidePayButton,
        signal,
        onEvent: (event) => send(dropinEvent(event, dropin !== undefined, scriptUrl)),
        // One renewal at a time, however often the drop-in asks.
        onRefreshSession: () => (renewal ??= this.renew(context).finally(() => (renewal = undefined))),
      })
      .then(
        (mounted) => {
          if (signal.aborted) return mounted.unmount();
          dropin = mounted;
          this.mounted = mounted;
          send({ type: 'MOUNTED' });
        },
        (thrown: unknown) => send({ type: 'STEP_FAILED', step: 'mount', error: toKitError(thrown) }),
      );
  }

  /** Drop-in Checkout's `hooks.onRefreshSession`: a fresh session for the same order; a failure ends in `expired`. */
  private async renew({ send, signal }: Context): Promise<string> {
    send({ type: 'RENEWING', now: Date.now() });
    try {
      const { backend, request, allowedOrigins } = this.config;
      const session = await backend.createSession(request, { signal, idempotencyKey: createIdempotencyKey() });
      const target = sessionTarget(session, allowedOrigins);
      if (target.kind !== 'embedded') throw new PurseKitFailure({ kind: 'config', message: 'The renewed session is not EMBEDDED.' });
      if (signal.aborted) throw signal.reason;
      send({ type: 'RENEWED', session, now: Date.now() });
      return target.widgetData;
    } catch (thrown) {
      send({ type: 'RENEW_FAILED' });
      throw thrown;
    }
  }

  private async submitPayment(key: string, { send }: Context): Promise<void> {
    try {
      await this.mounted?.submit();
      send({ type: 'SUBMIT_SETTLED', key });
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      // Keep the drop-in's code when its rejection carries one (the shape is not documented: only a string counts).
      const code = (thrown as { code?: unknown } | null)?.code;
      const error = isPurseKitFailure(thrown) ? thrown.error : dropinError(message, typeof code === 'string' ? code : undefined);
      send({ type: 'SUBMIT_FAILED', key, error });
    }
  }

  private async abortSession(sessionId: string, key: string, { send, signal }: Context): Promise<void> {
    try {
      await this.config.backend.abortSession(sessionId, { signal, idempotencyKey: key });
      send({ type: 'CANCELLED', key });
    } catch (thrown) {
      send({ type: 'CANCEL_FAILED', key, error: toKitError(thrown) });
    }
  }

  private redirect(url: string): void {
    this.navigated.add(url);
    this.config.navigate(url);
  }

  /** The merchant's callbacks, for what changed (only while the view is mounted). */
  private notify(previous: CheckoutState, next: CheckoutState, event: CheckoutEvent): void {
    if (!this.machine.attached) return;
    const c = this.config;
    if (next.status !== previous.status) {
      if (next.status === 'ready' && previous.status === 'loading') c.onReady?.();
      if (next.status === 'expired') c.onSessionExpired?.();
      if (next.status === 'cancelled') c.onCancel?.();
    }
    if (next.isFulfilled !== previous.isFulfilled) c.onFulfilledChange?.({ isFulfilled: next.isFulfilled });
    if (next.error && next.error !== previous.error) c.onError?.(next.error);
    // The drop-in shows these itself; the merchant hears of them.
    if (event.type === 'DROPIN_ERROR') c.onError?.(event.error);
  }
}
