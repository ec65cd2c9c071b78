// A lock over the handler's store, one for every instance sharing it: taken with the store's atomic `add` under a
// random token of its holder's own, then renewed and released only while it still holds that token (`renewIf`,
// `deleteIf`, each one atomic step). A holder that stalled past the lock's life finds another holder's token there:
// it neither renews nor deletes that lock.
import type { HandlerStore } from './store.ts';

/** A lock this instance holds. */
export interface HeldLock {
  /**
   * Stops its renewal, then deletes it if it is still ours. Never rejects (it runs in `finally` blocks): a lock that
   * could not be deleted only expires later.
   */
  release(): Promise<void>;
}

/**
 * Takes the lock `key` if it is free: `undefined` when another holder has it. It lives `ttlMs`, so a holder that died
 * blocks the others that long at most; with `renew`, it is renewed every third of that while held (work that may
 * outlast it). Without, the holder's work must end within `ttlMs` (a timeout shorter than the lock).
 */
export async function takeLock(store: HandlerStore, key: string, ttlMs: number, options: { renew?: boolean } = {}): Promise<HeldLock | undefined> {
  const token = globalThis.crypto.randomUUID();
  if (!(await store.add(key, token, ttlMs))) return undefined;
  const stopRenewing = options.renew ? keepRenewing(() => store.renewIf(key, token, ttlMs), ttlMs / 3) : () => Promise.resolve();
  return {
    async release() {
      await stopRenewing();
      await store.deleteIf(key, token).catch(() => undefined);
    },
  };
}

/**
 * Keeps a record alive while its holder works: `renew` every `everyMs` until it answers `false` (the record is no longer
 * this holder's: renewing it again could only be wrong). A failure is passed over: the record only expires sooner. The
 * returned stop waits for a renewal under way, so none lands after what the caller writes next.
 */
export function keepRenewing(renew: () => Promise<boolean>, everyMs: number): () => Promise<void> {
  let renewed = Promise.resolve();
  const renewal = setInterval(() => {
    renewed = renewed
      .then(renew)
      .then((ours) => {
        if (!ours) clearInterval(renewal);
      })
      .catch(() => undefined);
  }, everyMs);
  return () => {
    clearInterval(renewal);
    return renewed;
  };
}
