// What a Customer Purse state asks for, done: the addresses, the shown page of deposits, and — once both settled — the
// next poll. Requests start only from events (mount included), never from a render; a request the state no longer asks
// for (another page, an unmount) is aborted and its late answer dropped.
import type { MerchantBackend } from '../backend/backend.ts';
import type { ShopperDeposit } from '../backend/customer-purse.ts';
import { toKitError, type PurseKitError } from '../errors.ts';
import { MachineRunner, type Effect, type EffectContext } from '../runner.ts';
import { customerPurseReducer, initialCustomerPurseState } from './machine.ts';
import type { CustomerPurseEvent, CustomerPurseState } from './types.ts';

/** How often the shown page of deposits is asked for again while the view is open. */
export const DEFAULT_DEPOSIT_POLL_MS = 10_000;

/** What the Customer Purse reads when work or a callback runs (the latest props, defaults applied). */
export interface CustomerPurseConfig {
  /** The provider's adapter. */
  backend: Pick<MerchantBackend, 'getCustomerPurse' | 'getCustomerPurseTransactions'>;
  /** Deposits per page (read once, when the runner is created). */
  pageSize: number;
  /** Between polls of the shown page, in ms; 0 turns polling off. */
  pollIntervalMs: number;
  /** Polls wait while this is false (a hidden tab). Without it the view counts as visible. */
  isVisible?: () => boolean;
  /** See `UseCustomerPurseOptions`. */
  onDeposit?: (deposit: ShopperDeposit) => void;
  /** See `UseCustomerPurseOptions`. */
  onError?: (error: PurseKitError) => void;
}

/** Runs a request: directly by default; the React binding runs it as a TanStack Query query under `key`. */
export type CustomerPurseExecutor = <T>(key: readonly unknown[], request: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) => Promise<T>;

const direct: CustomerPurseExecutor = (_key, request, signal) => request(signal);

type Context = EffectContext<CustomerPurseEvent>;

/** Runs one Customer Purse view: its machine, its requests and its poll timer. The hook creates one. */
export class CustomerPurseRunner {
  private config: CustomerPurseConfig;
  private readonly machine: MachineRunner<CustomerPurseState, CustomerPurseEvent>;
  private counter = 0;

  constructor(config: CustomerPurseConfig, private readonly execute: CustomerPurseExecutor = direct) {
    this.config = config;
    const initial = initialCustomerPurseState({ purseKey: this.newKey(), depositsKey: this.newKey() }, config.pageSize);
    this.machine = new MachineRunner(initial, {
      reducer: customerPurseReducer,
      effects: (state) => this.effects(state),
      onEvent: (previous, next, event) => this.notify(previous, next, event),
    });
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void) => this.machine.subscribe(listener);
  /** The current state. */
  getState = (): CustomerPurseState => this.machine.getState();
  /** The view mounted: the effects of the state start (a microtask later). */
  attach = (): void => this.machine.attach();
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  detach = (): void => this.machine.detach();

  /** The latest props; a new poll interval applies at once. */
  setConfig(config: CustomerPurseConfig): void {
    const previous = this.config;
    this.config = config;
    if (config.pollIntervalMs !== previous.pollIntervalMs) this.machine.refresh();
  }

  /** Shows another page of deposits (0 is the first). */
  showPage = (page: number): void => this.machine.send({ type: 'SHOW_PAGE', page, requestKey: this.newKey() });

  /** Loads again what failed. */
  retry = (): void => this.machine.send({ type: 'RETRY', purseKey: this.newKey(), depositsKey: this.newKey() });

  private newKey(): string {
    return `r${++this.counter}`;
  }

  private effects(state: CustomerPurseState): Effect<CustomerPurseEvent>[] {
    const effects: Effect<CustomerPurseEvent>[] = [];
    const { backend, pollIntervalMs } = this.config;
    if (state.status === 'loading') {
      const { requestKey } = state;
      effects.push({
        key: `purse:${requestKey}`,
        run: (context) =>
          this.request(context, ['purse', requestKey], (signal) => backend.getCustomerPurse({ signal }), {
            done: (purse) => ({ type: 'PURSE_LOADED', requestKey, purse }),
            failed: (error) => ({ type: 'PURSE_FAILED', requestKey, error }),
          }),
      });
    }
    const { requestKey, page, size } = state.deposits;
    if (requestKey !== undefined) {
      effects.push({
        key: `deposits:${requestKey}`,
        run: (context) =>
          this.request(context, ['deposits', page, size, requestKey], (signal) => backend.getCustomerPurseTransactions({ page, size }, { signal }), {
            done: (data) => ({ type: 'DEPOSITS_LOADED', requestKey, data }),
            failed: (error) => ({ type: 'DEPOSITS_FAILED', requestKey, error }),
          }),
      });
    } else if ((state.status === 'ready' || state.status === 'blocked') && pollIntervalMs > 0) {
      // Settled: the next poll. A new request key removes this effect; the answer to it starts the next one.
      effects.push({ key: `poll:${pollIntervalMs}`, run: (context) => this.poll(context, pollIntervalMs) });
    }
    return effects;
  }

  private request<T>(
    { send, signal }: Context,
    key: readonly unknown[],
    request: (signal: AbortSignal) => Promise<T>,
    events: { done(value: T): CustomerPurseEvent; failed(error: PurseKitError): CustomerPurseEvent },
  ): Promise<void> {
    return this.execute(['purse', 'customer-purse', ...key], request, signal).then(
      (value) => send(events.done(value)),
      // Adapters reject with PurseKitFailure; anything else is a bug of a custom adapter, shown as a server error.
      (thrown: unknown) => send(events.failed(toKitError(thrown))),
    );
  }

  /** Waits one interval, and again while the tab is hidden, then asks for the shown page. */
  private poll({ send, onStop }: Context, intervalMs: number): void {
    let id: ReturnType<typeof setTimeout>;
    const wait = () => {
      id = setTimeout(() => {
        if (this.config.isVisible && !this.config.isVisible()) wait();
        else send({ type: 'POLL', requestKey: this.newKey() });
      }, intervalMs);
    };
    wait();
    onStop(() => clearTimeout(id));
  }

  /** Failures and arrivals, once per change of state. */
  private notify(previous: CustomerPurseState, next: CustomerPurseState, event: CustomerPurseEvent): void {
    if (next === previous) return;
    const { onError, onDeposit } = this.config;
    if (event.type === 'PURSE_FAILED' || event.type === 'DEPOSITS_FAILED') onError?.(event.error);
    if (event.type === 'DEPOSITS_LOADED' && next.arrived !== previous.arrived) {
      for (const id of next.arrived) {
        const deposit = event.data.result.find((d) => d.id === id);
        if (deposit) onDeposit?.(deposit);
      }
    }
  }
}
