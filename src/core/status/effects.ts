// What a status state asks for, done: the request for its target (through a cache the binding may give: TanStack
// Query in React), the next poll on the schedule, the deadline. The URL's token is read only once the view is mounted,
// so the server's render and the browser's first render agree. Requests are not aborted: a StrictMode remount or a
// second component on the same payment joins the one in flight; late answers are dropped.
import type { MerchantBackend } from '../backend/backend.ts';
import type { ShopperPayment, ShopperPaymentLink } from '../backend/views.ts';
import { toKitError, type PurseKitError } from '../errors.ts';
import { MachineRunner, timer, type Effect, type EffectContext } from '../runner.ts';
import { initialStatusState, sourceKey, statusReducer } from './machine.ts';
import { nextPoll, type PollSchedule } from './schedule.ts';
import { readRedirectToken, resolveSource, type StatusSourceProps } from './source.ts';
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

type Context = EffectContext<StatusEvent>;

/** Runs one status page: its machine, and the requests and timers its states ask for. The hook creates one. */
export class StatusRunner {
  private config: StatusConfig;
  private readonly machine: MachineRunner<StatusState, StatusEvent>;
  private urlToken: string | undefined;
  private urlRead = false;
  /** The phase the callbacks were last told of: each transition is reported once. */
  private reported: PaymentStatusPhase | undefined;

  constructor(config: StatusConfig, private readonly cache: StatusCache = direct) {
    this.config = config;
    const source = resolveSource(config, undefined, false);
    this.machine = new MachineRunner(initialStatusState(source, Date.now(), this.cached(source)), {
      reducer: statusReducer,
      effects: (state) => this.effects(state),
      onEvent: () => this.report(),
      onAttach: () => {
        if (!this.urlRead) {
          this.urlRead = true;
          this.urlToken = readRedirectToken();
        }
        this.follow();
        this.report();
      },
    });
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void) => this.machine.subscribe(listener);
  /** The current state. */
  getState = (): StatusState => this.machine.getState();
  /** The view mounted: the effects of the state start (a microtask later). */
  attach = (): void => this.machine.attach();
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  detach = (): void => this.machine.detach();

  /** The latest props. */
  setConfig(config: StatusConfig): void {
    this.config = config;
    this.follow();
  }

  /** Asks the backend once more (after an error, or when the schedule is over). At most one request at a time. */
  refresh = (): void => this.machine.send({ type: 'REFRESH' });

  /** Starts over when the props (or, once read, the URL) name another payment. */
  private follow(): void {
    const source = resolveSource(this.config, this.urlToken, this.urlRead);
    if (sourceKey(source) === sourceKey(this.getState().source)) return;
    const cached = this.cached(source);
    this.machine.send({ type: 'START', source, now: Date.now(), ...(cached && { cached }) });
  }

  private cached(source: StatusState['source']): StatusAnswer | undefined {
    return source.kind === 'token' ? this.cache.read({ kind: 'verify', token: source.token }) : undefined;
  }

  private effects(state: StatusState): Effect<StatusEvent>[] {
    const { target, request, phase, startedAt } = state;
    const effects: Effect<StatusEvent>[] = [];
    if (target && request !== undefined) {
      effects.push({ key: `request:${request}`, run: (context) => this.ask(target, request, context) });
    }
    if (phase === 'waiting') {
      const { schedule } = this.config;
      const elapsed = Date.now() - startedAt;
      const step = nextPoll('waiting', elapsed, schedule);
      if (step.kind === 'poll' && request === undefined) {
        effects.push({ key: `poll:${state.requests}`, run: (c) => timer(c, step.delayMs, { type: 'POLL' }) });
      }
      // The deadline: stop polling and show "still processing" with a manual refresh.
      const left = Math.max(0, schedule.timeoutMs - elapsed);
      effects.push({ key: `deadline:${startedAt}`, run: (c) => timer(c, left, { type: 'TIMED_OUT' }) });
    }
    return effects;
  }

  private ask(target: StatusTarget, request: number, { send }: Context): Promise<void> {
    return this.cache.fetch(target, () => this.call(target)).then(
      (answer) => send({ type: 'ANSWERED', request, answer }),
      // Adapters reject with PurseKitFailure; anything else is a bug of a custom adapter, shown as a server error.
      (thrown: unknown) => send({ type: 'FAILED', request, error: toKitError(thrown, 'The merchant backend adapter failed') }),
    );
  }

  private async call(target: StatusTarget): Promise<StatusAnswer> {
    const { backend } = this.config;
    switch (target.kind) {
      case 'verify':
        return { kind: 'verify', data: await backend.verifyRedirect(target.token) };
      case 'link':
        return { kind: 'link', data: await backend.getPaymentLink(target.id) };
      case 'session':
        return { kind: 'session', data: await backend.getSession(target.id) };
      case 'payment':
        return { kind: 'payment', data: await backend.getPayment(target.id) };
    }
  }

  /** Each callback once per transition to its phase, while the view is mounted (StrictMode included). */
  private report(): void {
    if (!this.machine.attached) return;
    const { phase, payment, link, error } = this.getState();
    if (phase === this.reported) return;
    this.reported = phase;
    const c = this.config;
    if (phase === 'success') c.onSuccess?.({ payment, link });
    else if (phase === 'failure') c.onFailure?.({ payment, link });
    else if (phase === 'error') c.onFailure?.({ payment, link, error });
    else if (phase === 'waiting') c.onPending?.({ payment, link });
  }
}
