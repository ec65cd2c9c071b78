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

/** A running effect: what stops it (its cleanups listen to the abort), and its end (when its run returned a promise). */
type Running = [stop: AbortController, settled?: Promise<void>];

/** Holds a machine's state, applies its events and keeps exactly the effects its state asks for running. */
export interface MachineRunner<S, E> {
  /** True while the view is mounted (after the scheduled reconciliation). */
  readonly attached: boolean;
  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The current state. */
  getState(): S;
  /** Applies an event (queued behind the one being applied, if any), then reconciles the effects. */
  send(event: E): void;
  /** The view mounted. */
  attach(): void;
  /** The view unmounted (or StrictMode pretends it did). */
  detach(): void;
  /** The effects depend on more than the state (a prop changed): keep exactly those the current state now asks for. */
  refresh(): void;
  /** Resolves when the running effect `key` has finished (at once when there is none). */
  settled(key: string): Promise<void>;
}

/**
 * `new MachineRunner(initial, options)`: a runner for the machine in `options`, starting at `initial`. Its methods
 * need no `this` (`subscribe`, `getState` and `send` can be passed around as they are).
 */
export const MachineRunner = function <S, E>(state: S, options: RunnerOptions<S, E>): MachineRunner<S, E> {
  // A closure rather than a class: the minifier renames what is private here, and a class's members it cannot.
  const listeners = new Set<() => void>();
  const queue: E[] = [];
  const running = new Map<string, Running>();
  let busy = false;
  let attached = false;
  /** The attachment the scheduled reconciliation applies; undefined while none is scheduled. */
  let wanted: boolean | undefined;
  const ignore = () => {};

  /** Does `first`, then applies the queued events one at a time: an effect that sends while starting waits its turn. */
  const process = (first?: () => void): void => {
    if (busy) return;
    busy = true;
    try {
      first?.();
      while (queue.length) {
        const previous = state;
        const event = queue.shift()!;
        state = options.reducer(previous, event);
        if (state !== previous) listeners.forEach((listener) => listener());
        options.onEvent?.(previous, state, event);
        if (state !== previous) reconcile();
      }
    } finally {
      busy = false;
    }
  };

  const reconcile = (): void => {
    const effects = attached ? options.effects(state) : [];
    const keys = effects.map((effect) => effect.key);
    running.forEach(([stop], key) => {
      if (keys.includes(key)) return;
      running.delete(key);
      stop.abort(); // runs the effect's cleanups, in the order they were given
    });
    for (const effect of effects) {
      if (running.has(effect.key)) continue;
      const stop = new AbortController();
      const { signal } = stop;
      // In the map before it runs: an event it sends at once reconciles with it running.
      const started: Running = [stop];
      running.set(effect.key, started);
      started[1] = effect
        .run({
          send: (event) => signal.aborted || send(event),
          signal,
          onStop: (cleanup) => signal.addEventListener('abort', () => cleanup()),
        })
        ?.then(ignore, ignore);
    }
  };

  // Mount and unmount only schedule the reconciliation, so StrictMode's unmount + remount in one go changes nothing.
  const schedule = (want: boolean): void => {
    if (wanted === undefined) {
      queueMicrotask(() => {
        const want = wanted!;
        wanted = undefined;
        if (attached === want) return;
        attached = want;
        process(() => {
          if (attached) options.onAttach?.();
          reconcile();
        });
      });
    }
    wanted = want;
  };

  const send = (event: E): void => {
    queue.push(event);
    process();
  };

  return {
    get attached() {
      return attached;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    send,
    attach: () => schedule(true),
    detach: () => schedule(false),
    refresh: () => process(reconcile),
    // Promise.resolve of the effect's own end is that end; of undefined (no effect, or no promise), resolved.
    settled: (key) => Promise.resolve(running.get(key)?.[1]),
  };
} as unknown as new <S, E>(initial: S, options: RunnerOptions<S, E>) => MachineRunner<S, E>;

/** A timer as an effect: sends `event` (or runs `event()`) after `delayMs`, cleared when the effect stops. */
export function timer<E extends object>({ send, onStop }: EffectContext<E>, delayMs: number, event: E | (() => void)): void {
  const id = setTimeout(typeof event === 'function' ? event : () => send(event), delayMs);
  onStop(() => clearTimeout(id));
}
