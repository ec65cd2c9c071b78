// State the merchant handler keeps between requests: idempotency records, issued consent challenges, session
// ownership, quotas. A store that cannot answer throws a StoreError: the handler answers 503 and never lets a check pass.

/**
 * A small key-value store with expiry. The default lives in memory, which is right for one server process; a merchant
 * running several instances backs it with a shared store (createRedisStore). Each method maps onto one Redis command
 * (or one script): `get` GET, `set` SET PX, `add` SET NX PX, `take` GETDEL, `delete` DEL, `increment` INCR + PEXPIRE NX,
 * `deleteIf` and `renewIf` GET then DEL or PEXPIRE in one script.
 * Every method rejects with a `StoreError` when the store cannot answer or has no room: never with a made-up answer.
 */
export interface HandlerStore {
  /** The live value of a key, or `undefined`. */
  get(key: string): Promise<string | undefined>;
  /** Stores a value that expires `ttlMs` from now, replacing any. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Stores the value only if the key is absent; `true` when it did. Must be atomic across instances. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Reads and deletes in one step, so two requests cannot both take the same value. */
  take(key: string): Promise<string | undefined>;
  /** Removes a key (absent keys are fine). */
  delete(key: string): Promise<void>;
  /**
   * Removes the key only while it holds `expected`; `true` when it did. Must be atomic across instances (maps onto one
   * script: GET, then DEL if equal): a lock's holder releases it this way, never deleting the lock another holder took
   * once its own had expired. An expired key is absent: `false`.
   */
  deleteIf(key: string, expected: string): Promise<boolean>;
  /**
   * Makes the key expire `ttlMs` from now, its value unchanged, only while it holds `expected`; `true` when it did.
   * Must be atomic across instances (maps onto one script: GET, then PEXPIRE if equal): a holder keeps its lock or
   * record alive this way, never another's. An expired key is absent: `false`, and it stays absent.
   */
  renewIf(key: string, expected: string, ttlMs: number): Promise<boolean>;
  /**
   * Adds 1 to a counter and returns the new value. An absent counter starts at 0 and expires `ttlMs` after this first
   * increment; later increments do not extend it (a fixed window, for quotas).
   */
  increment(key: string, ttlMs: number): Promise<number>;
}

/** The store could not answer (`unavailable`: down, timed out) or has no room for one more record (`full`). */
export class StoreError extends Error {
  /** Always 'StoreError'. */
  override readonly name = 'StoreError';
  constructor(
    /** `unavailable`: down or timed out; `full`: no room for one more record. */
    readonly kind: 'unavailable' | 'full',
    /** Which store, for the log and the 503's detail: 'memory', 'redis'. */
    readonly store: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a `StoreError` (the handler answers it with 503). */
export const isStoreError = (error: unknown): error is StoreError => error instanceof StoreError;

/** Options of `createMemoryStore`. */
export interface MemoryStoreOptions {
  /**
   * Clock of the expiries (tests).
   * @defaultValue Date.now
   */
  now?: () => number;
  /**
   * Most live records held; a write beyond refuses with `StoreError('full')` (nothing is evicted).
   * @defaultValue 10000
   */
  maxEntries?: number;
}

/**
 * The default store: in the process's memory, for one handler instance (use `createRedisStore` for several). Refuses a
 * write when full, never evicting a live record.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): HandlerStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = () => {
    const t = now();
    for (const [k, entry] of entries) if (entry.expiresAt <= t) entries.delete(k);
  };

  // Full means full: nothing live is ever evicted to make room (that would let one shopper's flood erase another's
  // ownership records or challenges); the write is refused instead and the handler answers 503.
  const write = (key: string, value: string, expiresAt: number) => {
    if (!entries.has(key) && entries.size >= maxEntries) {
      sweep();
      if (entries.size >= maxEntries) {
        throw new StoreError('full', 'memory', `The memory store holds ${maxEntries} live records (maxEntries) and has no room for another.`);
      }
    }
    entries.set(key, { value, expiresAt });
  };

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      write(key, value, now() + ttlMs);
    },
    async add(key, value, ttlMs) {
      if (live(key)) return false;
      write(key, value, now() + ttlMs);
      return true;
    },
    async take(key) {
      const entry = live(key);
      entries.delete(key);
      return entry?.value;
    },
    async delete(key) {
      entries.delete(key);
    },
    async deleteIf(key, expected) {
      if (live(key)?.value !== expected) return false;
      entries.delete(key);
      return true;
    },
    async renewIf(key, expected, ttlMs) {
      const entry = live(key);
      if (entry?.value !== expected) return false;
      entry.expiresAt = now() + ttlMs;
      return true;
    },
    async increment(key, ttlMs) {
      const entry = live(key);
      const next = (entry ? Number(entry.value) : 0) + 1;
      write(key, String(next), entry ? entry.expiresAt : now() + ttlMs);
      return next;
    },
  };
}
