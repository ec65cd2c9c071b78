// What the Customer Purse states ask for, run outside React: the two backend calls and the poll timer. Requests start
// from attach() and from events, never from a render; a StrictMode detach/attach pair neither doubles nor loses them.
import type { MerchantBackend } from '../backend/backend.ts';
import type { ShopperDeposit } from '../backend/customer-purse.ts';
import { isAbortError } from '../backend/retry.ts';
import { isPurseKitFailure, type PurseKitError } from '../errors.ts';
import { customerPurseReducer, DEFAULT_DEPOSIT_PAGE_SIZE, initialCustomerPurseState } from './machine.ts';
import type { CustomerPurseEvent, CustomerPurseState } from './types.ts';

export const DEFAULT_DEPOSIT_POLL_MS = 10_000;

/** Runs one request. The React binding routes it through TanStack Query (`fetchQuery`); by default it just runs. */
export type RequestRunner = <T>(key: readonly unknown[], run: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) => Promise<T>;

export interface CustomerPurseSettings {
  /** Deposits per page. Default 10. */
  pageSize?: number;
  /** How often the shown page is asked for again while the view is open. Default 10 000 ms; 0 turns polling off. */
  pollIntervalMs?: number;
  /** A deposit arrived while the view was open (seen by a poll). */
  onDeposit?: (deposit: ShopperDeposit) => void;
  /** Every failure, as data. */
  onError?: (error: PurseKitError) => void;
}

export interface CustomerPurseRunnerOptions extends CustomerPurseSettings {
  backend: Pick<MerchantBackend, 'getCustomerPurse' | 'getCustomerPurseTransactions'>;
  run?: RequestRunner;
  /** Polls wait while this is false (e.g. a hidden tab). Default: always visible. */
  isVisible?: () => boolean;
}

export interface CustomerPurseRunner {
  getState(): CustomerPurseState;
  subscribe(listener: () => void): () => void;
  /** Shows another page of deposits (0 is the first). */
  showPage(page: number): void;
  /** Loads again what failed. */
  retry(): void;
  /** The view mounted: run what the state asks for, start polling. */
  attach(): void;
  /** The view unmounted: stop polling; abort what is in flight unless attach() follows at once (StrictMode). */
  detach(): void;
  /** The latest callbacks and poll interval (props of the latest render). */
  update(settings: CustomerPurseSettings): void;
}

const toError = (thrown: unknown): PurseKitError =>
  isPurseKitFailure(thrown)
    ? thrown.error
    : { kind: 'server', status: 0, message: `Unexpected error: ${thrown instanceof Error ? thrown.message : String(thrown)}` };

export function createCustomerPurseRunner(options: CustomerPurseRunnerOptions): CustomerPurseRunner {
  let settings: CustomerPurseSettings = options;
  const run: RequestRunner = options.run ?? ((_key, request, signal) => request(signal));
  let counter = 0;
  const newKey = () => `r${++counter}`;
  let state = initialCustomerPurseState({ purseKey: newKey(), depositsKey: newKey() }, options.pageSize ?? DEFAULT_DEPOSIT_PAGE_SIZE);
  const listeners = new Set<() => void>();
  /** Request keys already sent; cleared when their requests are aborted, so a later attach sends them again. */
  const started = new Set<string>();
  let abort = new AbortController();
  let attached = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let abortTimer: ReturnType<typeof setTimeout> | undefined;

  function dispatch(event: CustomerPurseEvent): void {
    const previous = state;
    state = customerPurseReducer(previous, event);
    if (state === previous) return;
    for (const listener of listeners) listener();
    if (event.type === 'PURSE_FAILED' || event.type === 'DEPOSITS_FAILED') settings.onError?.(event.error);
    if (event.type === 'DEPOSITS_LOADED' && state.arrived !== previous.arrived) {
      for (const id of state.arrived) {
        const deposit = event.data.result.find((d) => d.id === id);
        if (deposit) settings.onDeposit?.(deposit);
      }
    }
    effects();
  }

  function send<T>(key: string, what: readonly unknown[], request: (signal: AbortSignal) => Promise<T>, done: (value: T) => CustomerPurseEvent, failed: (error: PurseKitError) => CustomerPurseEvent) {
    if (started.has(key)) return;
    started.add(key);
    const { signal } = abort;
    run(['purse', 'customer-purse', ...what, key], request, signal).then(
      (value) => !signal.aborted && dispatch(done(value)),
      (thrown: unknown) => !signal.aborted && !isAbortError(thrown) && dispatch(failed(toError(thrown))),
    );
  }

  /** Sends what the state asks for, and (re)arms the poll timer. */
  function effects(): void {
    if (!attached) return;
    if (state.status === 'loading') {
      const requestKey = state.requestKey;
      send(
        requestKey,
        ['purse'],
        (signal) => options.backend.getCustomerPurse({ signal }),
        (purse) => ({ type: 'PURSE_LOADED', requestKey, purse }),
        (error) => ({ type: 'PURSE_FAILED', requestKey, error }),
      );
    }
    const { requestKey, page, size } = state.deposits;
    if (requestKey !== undefined) {
      send(
        requestKey,
        ['deposits', page, size],
        (signal) => options.backend.getCustomerPurseTransactions({ page, size }, { signal }),
        (data) => ({ type: 'DEPOSITS_LOADED', requestKey, data }),
        (error) => ({ type: 'DEPOSITS_FAILED', requestKey, error }),
      );
    }
    schedulePoll();
  }

  function schedulePoll(): void {
    clearTimeout(pollTimer);
    pollTimer = undefined;
    const interval = settings.pollIntervalMs ?? DEFAULT_DEPOSIT_POLL_MS;
    const settled = (state.status === 'ready' || state.status === 'blocked') && state.deposits.requestKey === undefined;
    if (!attached || !settled || !(interval > 0)) return;
    pollTimer = setTimeout(() => {
      if (options.isVisible && !options.isVisible()) schedulePoll();
      else dispatch({ type: 'POLL', requestKey: newKey() });
    }, interval);
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    showPage: (page) => dispatch({ type: 'SHOW_PAGE', page, requestKey: newKey() }),
    retry: () => dispatch({ type: 'RETRY', purseKey: newKey(), depositsKey: newKey() }),
    attach() {
      clearTimeout(abortTimer);
      attached = true;
      effects();
    },
    detach() {
      attached = false;
      clearTimeout(pollTimer);
      // StrictMode detaches and attaches again in the same task: only a real unmount aborts.
      abortTimer = setTimeout(() => {
        abort.abort();
        abort = new AbortController();
        started.clear();
      }, 0);
    },
    update(next) {
      const intervalChanged = (next.pollIntervalMs ?? DEFAULT_DEPOSIT_POLL_MS) !== (settings.pollIntervalMs ?? DEFAULT_DEPOSIT_POLL_MS);
      settings = next;
      if (intervalChanged && attached) schedulePoll();
    },
  };
}
