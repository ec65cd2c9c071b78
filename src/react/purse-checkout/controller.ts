// Drives one checkout: session → script → drop-in mount (or hosted page), then the drop-in's events, expiry, submit,
// cancel. React binds it with useSyncExternalStore; work starts from attach() and from results of earlier work, never
// from a render. attach/detach and the container ref only schedule a reconcile (a microtask), so StrictMode's
// synchronous detach + re-attach changes nothing: one session request, one drop-in instance. A real unmount tears
// everything down: pending work is aborted, the drop-in unmounted, timers cleared, and late results are ignored.
import type { CheckoutSession } from '../../core/backend/views.ts';
import { loadDropin } from '../../core/dropin/load.ts';
import type { DropinDriver } from '../../core/dropin/types.ts';
import { PurseKitFailure } from '../../core/errors.ts';
import { createIdempotencyKey } from '../../core/backend/idempotency.ts';
import { DropinSlot } from './dropin-slot.ts';
import { CheckoutExpiry } from './expiry.ts';
import type { CheckoutBindings } from './options.ts';
import { SessionSource } from './session-source.ts';
import { toKitError } from '../shared/errors.ts';
import { classifySession, initialCheckoutState, type CheckoutState, type CheckoutStep } from './state.ts';

const mountOptionsKey = (b: CheckoutBindings) => JSON.stringify([b.locale, b.hidePayButton, b.theme ?? null]);

export class CheckoutController {
  bindings: CheckoutBindings;
  private state: CheckoutState = initialCheckoutState;
  private readonly listeners = new Set<() => void>();
  private attached = false;
  private scheduled = false;
  private element: HTMLElement | null = null;
  private readonly sessions: SessionSource;
  private work: { step: CheckoutStep; abort: AbortController } | undefined;
  private driver: { jsUrl: string; driver: DropinDriver } | undefined;
  private readonly slot: DropinSlot;
  /** Aborted on teardown: requests not tied to one step (refresh, abort). */
  private lifetime = new AbortController();
  private readonly aborts = new Map<string, Promise<void>>();
  private readonly redirected = new Set<string>();
  private readonly expiry: CheckoutExpiry;

  constructor(bindings: CheckoutBindings) {
    this.bindings = bindings;
    this.sessions = new SessionSource(() => this.bindings);
    this.expiry = new CheckoutExpiry({
      expire: () => this.expire(),
      refresh: (signal) => this.sessions.renew(signal),
      onRefreshed: (session) => this.update({ session }),
    });
    this.slot = new DropinSlot({
      getState: this.getState,
      update: (patch) => this.update(patch),
      isAttached: () => this.attached,
      // Drop-in Checkout renews through hooks.onRefreshSession; Widget v3 cannot: offer a restart.
      onExpired: () => (this.state.generation === 'dropin-checkout' ? this.expiry.awaitRefresh() : this.expire()),
      refreshSession: () => this.expiry.refreshSession(this.lifetime.signal),
      onDropinError: (error) => this.bindings.onError?.(error),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CheckoutState => this.state;

  setBindings(bindings: CheckoutBindings): void {
    const previous = this.bindings;
    this.bindings = bindings;
    if (bindings.sourceKey !== previous.sourceKey) {
      this.startOver(bindings.session);
    } else if (this.slot.element && mountOptionsKey(bindings) !== mountOptionsKey(previous)) {
      // locale, theme or pay button changed: mount again with them (same session)
      this.closeDropin();
      this.update({ status: 'loading', step: 'mount' });
      this.schedule();
    }
  }

  attach(): void {
    this.attached = true;
    this.schedule();
  }

  detach(): void {
    this.attached = false;
    this.schedule();
  }

  /** The drop-in's container (a callback ref). */
  setElement = (element: HTMLElement | null): void => {
    if (element === this.element) return;
    this.element = element;
    this.schedule();
  };

  // ── shopper actions ──────────────────────────────────────────────────────────────────────────────────────────

  /** Submits the payment through the drop-in (for your own pay button). Ignored unless `ready`. */
  submit = (): Promise<void> => this.slot.submit();

  /**
   * Aborts the session (ABORTED_BY_CUSTOMER), once however often it is called, and removes the drop-in. Ignored while
   * a payment is being submitted.
   */
  cancel = (): Promise<void> => {
    const { status, session } = this.state;
    // A payment being submitted is not cancelled from here: Purse decides its outcome.
    if (status === 'cancelled' || status === 'expired' || status === 'submitting') return Promise.resolve();
    if (!session) {
      // Nothing to abort on the server yet: stop creating it.
      this.stopWork();
      this.update({ status: 'cancelled', isFulfilled: false, error: undefined });
      return Promise.resolve();
    }
    let aborting = this.aborts.get(session.id);
    if (!aborting) {
      const signal = this.lifetime.signal;
      aborting = this.bindings.backend
        .abortSession(session.id, { signal, idempotencyKey: createIdempotencyKey() })
        .then(() => {
          if (signal.aborted) return;
          this.stopWork();
          this.update({ status: 'cancelled', isCancelling: false, isFulfilled: false, error: undefined });
        });
      this.aborts.set(session.id, aborting);
      this.update({ isCancelling: true, error: undefined });
      aborting.catch((thrown: unknown) => {
        this.aborts.delete(session.id); // failed: the shopper may try again
        if (!signal.aborted) this.update({ isCancelling: false, error: toKitError(thrown) });
      });
    }
    return aborting.catch(() => {});
  };

  /** Runs the failed step again (same session intent: a retried create replays the same session). */
  retry = (): void => {
    if (this.state.status !== 'failed') return;
    this.update({ status: 'loading', error: undefined });
    this.pump();
  };

  /** Starts over with a fresh session (after expiry or cancel). */
  restart = (): void => this.startOver(undefined);

  private startOver(preset: CheckoutSession | undefined): void {
    this.sessions.startOver(preset);
    this.stopWork();
    this.expiry.stop();
    this.update({ ...initialCheckoutState, generation: this.state.generation });
    this.pump();
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────────────────────────

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.reconcile();
    });
  }

  private reconcile(): void {
    if (!this.attached) {
      this.teardown();
      return;
    }
    if (this.slot.element && this.slot.element !== this.element) {
      // The container went away or changed: mount again in the new one (pump), or wait for one.
      this.closeDropin();
      if (this.state.status === 'ready' || this.state.status === 'submitting') this.update({ status: 'loading', step: 'mount' });
    }
    this.pump();
    this.syncExpiry();
  }

  private teardown(): void {
    this.stopWork();
    this.lifetime.abort();
    this.lifetime = new AbortController();
    this.expiry.stop();
  }

  private closeDropin(): void {
    this.slot.close();
    this.expiry.stopWaiting();
  }

  /** Stops the running step and removes the drop-in. */
  private stopWork(): void {
    this.work?.abort.abort();
    this.work = undefined;
    this.closeDropin();
  }

  /** Starts the next step the state calls for, if none is running. */
  private pump(): void {
    if (!this.attached || this.work) return;
    const { status, session, hostedPageUrl } = this.state;
    if (status === 'failed' || status === 'expired' || status === 'cancelled') return;
    if (!session) {
      this.run('session', (signal) => this.acquireSession(signal));
      return;
    }
    if (hostedPageUrl) {
      this.redirect(hostedPageUrl);
      return;
    }
    const target = classifySession(session, this.bindings.allowedOrigins);
    if (target.kind !== 'embedded') return;
    if (this.driver?.jsUrl !== target.jsUrl) {
      this.run('script', (signal) => this.loadScript(target.jsUrl, signal));
      return;
    }
    if (this.slot.element || !this.element) return;
    const { locale, theme, hidePayButton } = this.bindings;
    const { driver } = this.driver;
    this.slot.open({ driver, element: this.element, widgetData: target.widgetData, locale, theme, hidePayButton }, target.jsUrl);
  }

  private run(step: CheckoutStep, task: (signal: AbortSignal) => Promise<void>): void {
    const work = { step, abort: new AbortController() };
    this.work = work;
    this.update({ status: 'loading', step, error: undefined });
    task(work.abort.signal).then(
      () => {
        if (this.work !== work) return;
        this.work = undefined;
        this.pump();
      },
      (thrown: unknown) => {
        if (this.work !== work) return; // stopped: its result no longer matters
        this.work = undefined;
        this.update({ status: 'failed', step, error: toKitError(thrown) });
      },
    );
  }

  // ── steps ────────────────────────────────────────────────────────────────────────────────────────────────────

  private async acquireSession(signal: AbortSignal): Promise<void> {
    // A session passed in is taken synchronously; only one being created is awaited.
    const session = this.sessions.preset ?? (await this.sessions.create(signal));
    if (signal.aborted) return;
    const target = classifySession(session, this.bindings.allowedOrigins);
    if (target.kind === 'invalid') throw new PurseKitFailure(target.error);
    this.expiry.received(Date.now());
    if (target.kind === 'hosted') this.update({ session, hostedPageUrl: target.url, status: 'ready' });
    else this.update({ session, step: 'script' });
  }

  private async loadScript(jsUrl: string, signal: AbortSignal): Promise<void> {
    const { allowedOrigins, nonce, integrity, scriptTimeoutMs } = this.bindings;
    const driver = await loadDropin(jsUrl, { allowedOrigins, nonce, integrity, timeoutMs: scriptTimeoutMs, signal });
    if (signal.aborted) return;
    this.driver = { jsUrl, driver };
    this.update({ generation: driver.generation, step: 'mount' });
  }

  /** The session expired and cannot be renewed in place. */
  private expire(): void {
    const { status } = this.state;
    if (status === 'expired' || status === 'cancelled') return;
    this.stopWork();
    this.update({ status: 'expired', isFulfilled: false, error: undefined });
  }

  private syncExpiry(): void {
    const { status, session, hostedPageUrl } = this.state;
    // A mounted drop-in reports expiry itself (and knows the server's clock better than we do).
    const watch = this.attached && (status === 'loading' || status === 'failed' || (status === 'ready' && !!hostedPageUrl));
    this.expiry.watch(watch ? session : undefined);
  }

  private redirect(url: string): void {
    if (this.bindings.hostedPage !== 'redirect' || this.redirected.has(url)) return;
    this.redirected.add(url);
    this.bindings.navigate(url);
  }

  /** Applies a change, notifies React, and calls the merchant's callbacks for what changed. */
  private update(patch: Partial<CheckoutState>): void {
    const previous = this.state;
    const next = { ...previous, ...patch };
    if ((Object.keys(patch) as (keyof CheckoutState)[]).every((key) => previous[key] === next[key])) return;
    this.state = next;
    for (const listener of this.listeners) listener();
    this.syncExpiry();
    if (!this.attached) return;
    const b = this.bindings;
    if (next.status !== previous.status) {
      if (next.status === 'ready' && previous.status === 'loading') b.onReady?.();
      if (next.status === 'expired') b.onSessionExpired?.();
      if (next.status === 'cancelled') b.onCancel?.();
    }
    if (next.isFulfilled !== previous.isFulfilled) b.onFulfilledChange?.({ isFulfilled: next.isFulfilled });
    if (next.error && next.error !== previous.error) b.onError?.(next.error);
  }
}
