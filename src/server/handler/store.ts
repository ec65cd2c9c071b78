// State the merchant handler keeps between requests: idempotency records and issued consent challenges.

/**
 * A small key-value store with expiry. The default lives in memory, which is right for one server process; a merchant
 * running several instances backs it with a shared store. Each method maps onto one Redis command:
 * `get` GET, `set` SET PX, `add` SET NX PX, `take` GETDEL, `delete` DEL.
 */
export interface HandlerStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Stores the value only if the key is absent; `true` when it did. Must be atomic across instances. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Reads and deletes in one step, so two requests cannot both take the same value. */
  take(key: string): Promise<string | undefined>;
  delete(key: string): Promise<void>;
}

export interface MemoryStoreOptions {
  now?: () => number;
  /** Oldest entries are dropped beyond this many. Default 10 000. */
  maxEntries?: number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): HandlerStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let writes = 0;

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const write = (key: string, value: string, ttlMs: number) => {
    entries.delete(key); // re-insert so Map order stays oldest-first
    entries.set(key, { value, expiresAt: now() + ttlMs });
    // Sweep expired entries now and then, and cap the size, so memory stays bounded under abuse.
    if (++writes % 256 === 0) {
      const t = now();
      for (const [k, entry] of entries) if (entry.expiresAt <= t) entries.delete(k);
    }
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      write(key, value, ttlMs);
    },
    async add(key, value, ttlMs) {
      if (live(key)) return false;
      write(key, value, ttlMs);
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
  };
}
