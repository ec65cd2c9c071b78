// What a status state asks for, done: the request for its target (through a cache the binding may give: TanStack
// Query in React), the next poll on the schedule, the deadline. The URL's token is read only once the view is mounted,
// so the server's render and the browser's first render agree. Requests are not aborted: a StrictMode remount or a
// second component on the same payment joins the one in flight; late answers are dropped.
import type { MerchantBackend } from '../backend/backend.ts';
import type { ShopperPayment, ShopperPaymentLink } from '../backend/views.ts';
import { toKitError, type PurseKitError } from '../errors.ts';
import { MachineRunner, timer, type Effect, type EffectContext } from '../runner.ts';
import { blank, nameOf, sourceKey, statusReducer } from './machine.ts';
import { pollDelay, type PollSchedule } from './schedule.ts';
import { readRedirectToken, readSessionId, resolveSource, type StatusSource, type StatusSourceProps } from './source.ts';
import type { PaymentStatusPhase, StatusAnswer, StatusEvent, StatusState, StatusTarget } from './types.ts';

/** Given to the callbacks. */
export interface PaymentStatusDetails {
  /** The payment, when the page follows one. */
  payment?: ShopperPayment;
  /** The payment link, when the page follows one. */
  link?: ShopperPaymentLink;
}

/** What the status page reads when work or a callback runs (the latest props). */
export interface StatusConfig extends StatusSourceProps {
  /** The provider's adapter. */
  backend: MerchantBackend;
  /** The poll schedule, defaults applied. */
  schedule: PollSchedule;
  /** See `UsePaymentStatusOptions`. */
  onSuccess?(details: PaymentStatusDetails): void;
  /** See `UsePaymentStatusOptions`. */
  onFailure?(details: PaymentStatusDetails & { error?: PurseKitError }): void;
  /** See `UsePaymentStatusOptions`. */
  onPending?(details: PaymentStatusDetails): void;
}

/** Where answers come from: `fetch` runs the request (or joins one in flight); `read` knows answers without one. */
export interface StatusCache {
  /** An answer known without a request (a remembered verified redirect). */
  read(target: StatusTarget): StatusAnswer | undefined;
  /** Runs `request`, or joins the same request in flight. */
  fetch(target: StatusTarget, request: () => Promise<StatusAnswer>): Promise<StatusAnswer>;
}

const direct: StatusCache = { read: () => undefined, fetch: (_target, request) => request() };

/** The backend method that answers about each kind of target. */
const METHODS = { verify: 'verifyRedirect', link: 'getPaymentLink', session: 'getSession', payment: 'getPayment' } as const;

/** The callback told of each phase. */
const CALLBACKS = { success: 'onSuccess', failure: 'onFailure', error: 'onFailure', waiting: 'onPending' } as const;

/** Runs one status page: its machine, and the requests and timers its states ask for. The hook creates one. */
export interface StatusRunner {
  /** For `useSyncExternalStore`. */
  readonly subscribe: (listener: () => void) => () => void;
  /** The current state. */
  readonly getState: () => StatusState;
  /** The view mounted: the effects of the state start (a microtask later). */
  readonly attach: () => void;
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  readonly detach: () => void;
  /** Asks the backend once more (after an error, or when the schedule is over). At most one request at a time. */
  readonly refresh: () => void;
  /** The latest props. */
  readonly setConfig: (config: StatusConfig) => void;
}

/**
 * `new StatusRunner(config, cache?)`: runs one status page with `config`'s backend and schedule, through `cache`
 * (requests run directly without one). Its methods need no `this`.
 */
export const StatusRunner = function (config: StatusConfig, cache: StatusCache = direct): StatusRunner {
  // A closure rather than a class: the minifier renames what is private here.
  let urlToken: string | undefined;
  let urlSessionId: string | undefined;
  let urlRead = false;
  /** The phase the callbacks were last told of: each transition is reported once. */
  let reported: PaymentStatusPhase | undefined;
  const cached = (source: StatusSource) => (source.kind === 'token' ? cache.read({ kind: 'verify', token: source.token }) : undefined);

  // Starts over when the props (or, once read, the URL) name another payment.
  const follow = () => {
    const source = resolveSource(config, urlToken, urlRead, urlSessionId);
    if (sourceKey(source) === sourceKey(machine.getState().source)) return;
    machine.send({ type: 'START', source, now: Date.now(), cached: cached(source) });
  };

  // Each callback once per transition to its phase, while the view is mounted (StrictMode included).
  const report = () => {
    const { phase, payment, link, error } = machine.getState();
    if (!machine.attached || phase === reported) return;
    reported = phase;
    const callback = CALLBACKS[phase as keyof typeof CALLBACKS];
    if (callback) config[callback]?.(phase === 'error' ? { payment, link, error } : { payment, link });
  };

  const ask = (target: StatusTarget, request: number, { send }: EffectContext<StatusEvent>) =>
    cache
      .fetch(target, async () => ({ kind: target.kind, data: await config.backend[METHODS[target.kind]](nameOf(target)) }) as StatusAnswer)
      .then(
        (answer) => send({ type: 'ANSWERED', request, answer, now: Date.now() }),
        // Adapters reject with PurseKitFailure; anything else is a bug of a custom adapter, shown as a server error.
        (thrown: unknown) => send({ type: 'FAILED', request, error: toKitError(thrown, 'The merchant backend adapter failed'), now: Date.now() }),
      );

  // A poll that falls due asks at once, unless the tab is hidden: then as soon as it shows again (nobody reads a hidden
  // status, and a shop's tabs left open must not poll its server all day). Past the deadline (a hidden tab's timers run
  // late) it times out instead: no automatic request leaves after it.
  const pollWhenShown = ({ send, signal }: EffectContext<StatusEvent>, startedAt: number) => {
    // Its listener goes with the effect (signal), which the poll or the time-out it sends ends; added twice, it is
    // there once.
    const due = (): void =>
      globalThis.document?.visibilityState === 'hidden'
        ? document.addEventListener('visibilitychange', due, { signal })
        : send({ type: Date.now() - startedAt < config.schedule.timeoutMs ? 'POLL' : 'TIMED_OUT' });
    return due;
  };

  const effects = ({ target, request, phase, startedAt, requests, failures, retryAt }: StatusState) => {
    const list: Effect<StatusEvent>[] = [];
    if (target && request !== undefined) list.push({ key: `request:${request}`, run: (c) => ask(target, request, c) });
    if (phase === 'waiting') {
      const { schedule } = config;
      const elapsed = Date.now() - startedAt;
      const waitMs = retryAt ? retryAt - Date.now() : 0;
      const delay = pollDelay(elapsed, schedule, failures, waitMs);
      if (delay !== undefined && request === undefined) {
        list.push({ key: `poll:${requests}`, run: (c) => timer(c, delay, pollWhenShown(c, startedAt)) });
        // After failed polls the next one may be 10 s away: the network back, it asks at once (not before Retry-After).
        if (failures && waitMs <= 0 && typeof window !== 'undefined') {
          list.push({ key: `online:${requests}`, run: (c) => window.addEventListener('online', pollWhenShown(c, startedAt), { signal: c.signal }) });
        }
      }
      // The deadline: stop polling and show "still processing" with a manual refresh (at once when past: a timer's
      // negative delay is 0). A timer fires at once past 2^31 - 1 ms (24.8 days): a further deadline waits for a later
      // state (each poll's) to be armed.
      const left = schedule.timeoutMs - elapsed;
      if (left < 2 ** 31) list.push({ key: `deadline:${startedAt}`, run: (c) => timer(c, left, { type: 'TIMED_OUT' }) });
    }
    return list;
  };

  const machine = new MachineRunner(blank, {
    reducer: statusReducer,
    effects,
    onEvent: report,
    onAttach: () => {
      if (!urlRead) {
        urlRead = true;
        urlToken = readRedirectToken();
        urlSessionId = readSessionId();
      }
      follow();
      report();
    },
  });

  // Starts on what the props name (the URL is read once mounted): the first render shows it, on the server too.
  follow();

  // The machine's own subscribe, getState, attach and detach; refresh is the shopper's (an event), not the runner's.
  return Object.assign(machine, {
    refresh: () => machine.send({ type: 'REFRESH' }),
    setConfig: (next: StatusConfig) => {
      config = next;
      follow();
    },
  });
} as unknown as new (config: StatusConfig, cache?: StatusCache) => StatusRunner;
