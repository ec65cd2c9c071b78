// Runs one component's machine: holds its state, applies events with the pure reducer, and keeps running exactly the
// effects the state asks for (requests, timers, the drop-in) — like React effects keyed by their dependencies: an
// effect starts when its key appears, and is stopped (its signal aborted, its later events dropped) when its key goes.
// The view's mount and unmount only schedule that reconciliation (a microtask), so StrictMode's synchronous unmount +
// remount changes nothing: one request per intent. A real unmount stops every effect.

/** What an effect gets: `send` delivers events only while the effect runs; `signal` aborts when it is stopped. */
export interface EffectContext<E> {
  /** Delivers an event to the machine while the effect runs (dropped after). */
  send(event: E): void;
  /** Aborted when the effect is stopped. */
  signal: AbortSignal;
  /** Runs `cleanup` when the effect is stopped. */
  onStop(cleanup: () => void): void;
}

/** A piece of work a state asks for. */
export interface Effect<E> {
  /** Identifies the effect: the same key in the next state keeps it running, a new key starts another. */
  key: string;
  /** Starts the work; a returned promise is what `settled(key)` waits for. */
  run(context: EffectContext<E>): void | Promise<unknown>;
}

/** A machine: its reducer, the effects of its states, and what to do after each event. */
export interface RunnerOptions<S, E> {
  /** Pure: events in, state out; the same state object when nothing changes. */
  reducer(state: S, event: E): S;
  /** The effects a state asks for (while the view is mounted). */
  effects(state: S): readonly Effect<E>[];
  /** Called after every event, also one that changed nothing (`previous === next`): callbacks, notifications. */
  onEvent?(previous: S, next: S, event: E): void;
  /** Called once the view is mounted, before the effects of the state start (it may send events). */
  onAttach?(): void;
}

interface Running {
  abort: AbortController;
  cleanups: (() => void)[];
  settled: Promise<void>;
}

/** Holds a machine's state, applies its events and keeps exactly the effects its state asks for running. */
export class MachineRunner<S, E> {
  private state: S;
  private readonly listeners = new Set<() => void>();
  private readonly queue: E[] = [];
  private busy = false;
  private readonly running = new Map<string, Running>();
  private wantAttached = false;
  private attachedNow = false;
  private scheduled = false;

  constructor(
    initial: S,
    private readonly options: RunnerOptions<S, E>,
  ) {
    this.state = initial;
  }

  /** True while the view is mounted (after the scheduled reconciliation). */
  get attached(): boolean {
    return this.attachedNow;
  }

  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state. */
  getState = (): S => this.state;

  /** Applies an event (queued behind the one being applied, if any), then reconciles the effects. */
  send = (event: E): void => {
    this.queue.push(event);
    this.process();
  };

  /** The view mounted. */
  attach(): void {
    this.wantAttached = true;
    this.schedule();
  }

  /** The view unmounted (or StrictMode pretends it did). */
  detach(): void {
    this.wantAttached = false;
    this.schedule();
  }

  /** The effects depend on more than the state (a prop changed): keep exactly those the current state now asks for. */
  refresh(): void {
    this.process(() => this.reconcile());
  }

  /** Resolves when the running effect `key` has finished (at once when there is none). */
  settled(key: string): Promise<void> {
    return this.running.get(key)?.settled ?? Promise.resolve();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.attachedNow === this.wantAttached) return;
      this.attachedNow = this.wantAttached;
      this.process(() => {
        if (this.attachedNow) this.options.onAttach?.();
        this.reconcile();
      });
    });
  }

  /** Does `first`, then applies the queued events one at a time: an effect that sends while starting waits its turn. */
  private process(first?: () => void): void {
    if (this.busy) return;
    this.busy = true;
    try {
      first?.();
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) this.apply(next);
    } finally {
      this.busy = false;
    }
  }

  private apply(event: E): void {
    const previous = this.state;
    const next = this.options.reducer(previous, event);
    if (next !== previous) {
      this.state = next;
      for (const listener of this.listeners) listener();
    }
    this.options.onEvent?.(previous, next, event);
    if (next !== previous) this.reconcile();
  }

  private reconcile(): void {
    const wanted = this.attachedNow ? this.options.effects(this.state) : [];
    const keys = new Set(wanted.map((effect) => effect.key));
    for (const [key, running] of this.running) {
      if (keys.has(key)) continue;
      this.running.delete(key);
      running.abort.abort();
      for (const cleanup of running.cleanups) cleanup();
    }
    for (const effect of wanted) {
      if (!this.running.has(effect.key)) this.start(effect);
    }
  }

  private start(effect: Effect<E>): void {
    const abort = new AbortController();
    const running: Running = { abort, cleanups: [], settled: Promise.resolve() };
    this.running.set(effect.key, running);
    const result = effect.run({
      send: (event) => {
        if (!abort.signal.aborted) this.send(event);
      },
      signal: abort.signal,
      onStop: (cleanup) => running.cleanups.push(cleanup),
    });
    if (result) running.settled = result.then(() => {}, () => {});
  }
}

/** A timer as an effect: sends `event` after `delayMs`, cleared when the effect stops. */
export function timer<E>({ send, onStop }: EffectContext<E>, delayMs: number, event: E): void {
  const id = setTimeout(() => send(event), delayMs);
  onStop(() => clearTimeout(id));
}
