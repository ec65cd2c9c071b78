// What a checkout state asks for, done: create (or take) the session, load the script, mount the drop-in and relay its
// events, the expiry timers, the hosted-page redirect. Each effect reports with events; the runner stops the ones the
// next state no longer asks for (their late results are dropped). What a shopper needs only off that path (renewal,
// submit from the merchant's own button, cancel) is in off-path.ts, downloaded when first asked for (and preloaded once
// the drop-in is ready); a download that fails is reported to the machine like any failed request.
import type { MerchantBackend } from '../backend/backend.ts';
import { createIdempotencyKey as newKey } from '../backend/idempotency.ts';
import type { CheckoutSession, CheckoutSessionRequest } from '../backend/views.ts';
import { loadDropin } from '../dropin/load.ts';
import type { DropinDriver, DropinTheme, MountedDropin } from '../dropin/types.ts';
import { toKitError, type PurseKitError } from '../errors.ts';
import { MachineRunner, timer, type Effect, type EffectContext } from '../runner.ts';
import { checkoutReducer, hasDropin, initialCheckoutState, REFRESH_GRACE_MS } from './machine.ts';
import { dropinEvent, expiryDelay, sessionTarget } from './session.ts';
import type { CheckoutEvent, CheckoutState } from './types.ts';
import { scriptOptions, warmUp, type WarmUpOptions } from './warm-up.ts';
import { offPath, withOffPath } from './off-path-chunk.ts';

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
  /** Goes to the hosted page (`window.location.replace` in the hook). */
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
  onClosed?: () => void;
  /** See `UsePurseCheckoutOptions`. */
  onCancel?: () => void;
}

/** One checkout: its machine, and the effects its states ask for. The hook creates one per component. */
export interface CheckoutRunner {
  /** For `useSyncExternalStore`. */
  subscribe(listener: () => void): () => void;
  /** The current state. */
  getState(): CheckoutState;
  /** The view mounted: the effects of the state start (a microtask later). */
  attach(): void;
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  detach(): void;
  /** The latest props: another session or order starts over; new mount options mount the drop-in again. */
  setConfig(config: CheckoutConfig): void;
  /** The drop-in's container (a callback ref). React may detach and re-attach it at once: only the result counts. */
  setElement(element: HTMLElement | null): void;
  /** Submits the payment through the drop-in (for your own pay button). Ignored unless `ready`. */
  submit(): Promise<void>;
  /** Aborts the session (ABORTED_BY_CUSTOMER) once however often it is called. Ignored while submitting. */
  cancel(): Promise<void>;
  /** Runs the failed step again (same intent: a retried create replays the same session). */
  retry(): void;
  /** Starts over with a fresh session (after expiry or cancel). */
  restart(): void;
}

type Context = EffectContext<CheckoutEvent>;
const mountOptionsKey = (c: CheckoutConfig) => JSON.stringify([c.locale, c.hidePayButton, c.theme]);

/** Creates the runner of one checkout. */
export function createCheckoutRunner(initialConfig: CheckoutConfig): CheckoutRunner {
  let config = initialConfig;
  /** The container the view gave, and the one the machine was told about (a microtask later). */
  let element: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  const drivers = new Map<string, DropinDriver>();
  let mounted: MountedDropin | undefined;
  const navigated = new Set<string>();
  let hinted = false;
  /**
   * The request an intent sent first: its retries send it again, even after the language changed (the server refuses
   * an Idempotency-Key reused with another body; another language only re-mounts the drop-in).
   */
  let sent: { key: string; request: CheckoutSessionRequest } | undefined;

  const effects = (state: CheckoutState): Effect<CheckoutEvent>[] => {
    const list: Effect<CheckoutEvent>[] = [];
    const add = (key: string, run: Effect<CheckoutEvent>['run']) => list.push({ key, run });
    const { status, step, session, hostedPageUrl, submitKey, cancelKey, expiredAt } = state;
    const widget = hostedPageUrl ? undefined : session?.widget;
    const loading = status === 'loading';
    if (loading && step === 'session' && !session) add(`session:${state.intentKey}`, (c) => acquireSession(state, c));
    if (loading && step === 'script' && widget) add(`script:${widget.js_url}`, (c) => loadScript(widget.js_url, c));
    if (hasDropin(state) && widget && state.hasContainer) add(`dropin:${state.mountKey}`, mountDropin);
    if (submitKey !== undefined) {
      add(`submit:${submitKey}`, ({ send }) =>
        withOffPath(
          (chunk) => chunk.submitPayment(mounted, submitKey, send),
          (error) => send({ type: 'SUBMIT_FAILED', key: submitKey, error }),
        ),
      );
    }
    if (cancelKey !== undefined && session) {
      add(`cancel:${cancelKey}`, (c) =>
        withOffPath(
          (chunk) => chunk.abortSession(config.backend, session.id, cancelKey, c),
          (error) => c.send({ type: 'CANCEL_FAILED', key: cancelKey, error }),
        ),
      );
    }
    // A mounted drop-in reports expiry itself (and knows the server's clock better than we do).
    if (session && (loading || status === 'failed' || (status === 'ready' && hostedPageUrl))) {
      const delay = expiryDelay(session.expires_at, state.receivedAt, Date.now(), session.expires_in_ms);
      if (delay !== undefined) {
        add(`expiry:${session.id} ${session.expires_at} ${state.receivedAt}`, (c) => timer(c, delay, { type: 'SESSION_EXPIRED' }));
      }
    }
    if (expiredAt !== undefined) {
      add(`grace:${expiredAt}`, (c) => timer(c, REFRESH_GRACE_MS, { type: 'RENEWAL_OVERDUE', expiredAt }));
    }
    if (status === 'ready' && hostedPageUrl && config.hostedPage === 'redirect' && !navigated.has(hostedPageUrl)) {
      add(`navigate:${hostedPageUrl}`, () => {
        navigated.add(hostedPageUrl);
        config.navigate(hostedPageUrl);
      });
    }
    return list;
  };

  const acquireSession = async (state: CheckoutState, { send, signal }: Context): Promise<void> => {
    try {
      // A session passed in is taken at once; only one being created is awaited.
      let session = state.preset;
      if (!session) {
        // The session POST leaves first (the merchant server's round trip is usually the longer wait), then the
        // script's connection or download starts beside it.
        if (sent?.key !== state.intentKey) sent = { key: state.intentKey, request: config.request };
        const creating = config.backend.createSession(sent.request, { signal, idempotencyKey: state.intentKey });
        if (!hinted) warmUp(config);
        hinted = true;
        session = await creating;
      }
      send({ type: 'SESSION_RECEIVED', session, target: sessionTarget(session, config.allowedOrigins), now: Date.now() });
    } catch (thrown) {
      send({ type: 'STEP_FAILED', step: 'session', error: toKitError(thrown) });
    }
  };

  const loadScript = async (url: string, { send, signal }: Context): Promise<void> => {
    try {
      const driver = await loadDropin(url, { ...scriptOptions(config), signal });
      drivers.set(url, driver);
      send({ type: 'SCRIPT_LOADED', url, generation: driver.generation });
    } catch (thrown) {
      send({ type: 'STEP_FAILED', step: 'script', error: toKitError(thrown) });
    }
  };

  /** The one drop-in of the checkout, until the state no longer asks for it: then it is unmounted. */
  const mountDropin = (context: Context): void => {
    const { send, signal, onStop } = context;
    const { session, scriptUrl } = machine.getState();
    // The state asks for a drop-in only with its script loaded, a widget and a container.
    const driver = drivers.get(scriptUrl!)!;
    const into = container!;
    let dropin: MountedDropin | undefined;
    let renewal: Promise<string> | undefined;
    onStop(() => {
      dropin?.unmount();
      if (mounted === dropin) mounted = undefined;
    });
    const { locale, theme, hidePayButton } = config;
    driver
      .mount({
        element: into,
        widgetData: session!.widget!.data,
        locale,
        theme,
        hidePayButton,
        signal,
        onEvent: (event) => send(dropinEvent(event, dropin !== undefined, scriptUrl!)),
        // Drop-in Checkout's hooks.onRefreshSession: one renewal at a time, however often the drop-in asks.
        onRefreshSession: () =>
          (renewal ??= renew(context).finally(() => {
            renewal = undefined;
          })),
      })
      .then(
        (result) => {
          if (signal.aborted) return result.unmount();
          dropin = mounted = result;
          send({ type: 'MOUNTED' });
          // What the shopper may do next (renew, submit, cancel) is there before it is needed.
          offPath().catch(() => {});
        },
        (thrown: unknown) => send({ type: 'STEP_FAILED', step: 'mount', error: toKitError(thrown) }),
      );
  };

  /** A fresh session for the same order, its widget data for the drop-in; a failure ends in `expired`. */
  const renew = (context: Context): Promise<string> => {
    context.send({ type: 'RENEWING', now: Date.now() });
    return offPath().then(
      (chunk) => chunk.renew(config, context),
      (thrown: unknown) => {
        context.send({ type: 'RENEW_FAILED' });
        throw thrown;
      },
    );
  };

  /** The merchant's callbacks, for what changed (only while the view is mounted). */
  const notify = (previous: CheckoutState, next: CheckoutState, event: CheckoutEvent): void => {
    if (!machine.attached) return;
    const c = config;
    if (next.status !== previous.status) {
      if (next.status === 'ready' && previous.status === 'loading') c.onReady?.();
      if (next.status === 'expired') c.onSessionExpired?.();
      if (next.status === 'cancelled') c.onCancel?.();
      if (next.status === 'closed') c.onClosed?.();
    }
    if (next.isFulfilled !== previous.isFulfilled) c.onFulfilledChange?.({ isFulfilled: next.isFulfilled });
    if (next.error && next.error !== previous.error) c.onError?.(next.error);
    // The drop-in shows these itself; the merchant hears of them.
    if (event.type === 'DROPIN_ERROR') c.onError?.(event.error);
  };

  const machine = new MachineRunner(initialCheckoutState(newKey(), config.session), {
    reducer: checkoutReducer,
    effects,
    onEvent: notify,
  });
  const { send } = machine;
  const restart = (preset?: CheckoutSession) => send({ type: 'RESTART', intentKey: newKey(), ...(preset && { preset }) });
  /** Sends the event with a new key and resolves when the effect it starts has finished. */
  const keyed = (type: 'SUBMIT' | 'CANCEL') => {
    const key = newKey();
    send({ type, key });
    return machine.settled(`${type.toLowerCase()}:${key}`);
  };

  return {
    subscribe: machine.subscribe,
    getState: machine.getState,
    attach: machine.attach,
    detach: machine.detach,
    setConfig(next) {
      const previous = config;
      config = next;
      if (next.sourceKey !== previous.sourceKey) restart(next.session);
      else if (mountOptionsKey(next) !== mountOptionsKey(previous)) send({ type: 'MOUNT_OPTIONS_CHANGED' });
    },
    setElement(given) {
      if (given === element) return;
      element = given;
      queueMicrotask(() => {
        if (element === container) return;
        container = element;
        send({ type: 'CONTAINER_CHANGED', present: container !== null });
      });
    },
    submit: () => keyed('SUBMIT'),
    cancel: () => {
      const running = machine.getState().cancelKey;
      return running === undefined ? keyed('CANCEL') : machine.settled(`cancel:${running}`);
    },
    retry: () => send({ type: 'RETRY' }),
    restart: () => restart(),
  };
}
