// The OAuth2 token shared by every handler instance through the handler's store (Redis), so N instances ask Purse
// for one token per lifetime instead of N. One instance refreshes at a time, under a lock that expires by itself
// (lock.ts): a holder that dies mid-refresh blocks the others for at most `lockTtlMs`, never for good.
import { sleep } from '../../core/backend/retry.ts';
import { sha256 } from '../handler/idempotency.ts';
import { takeLock, type HeldLock } from '../handler/lock.ts';
import { isStoreError, type HandlerStore } from '../handler/store.ts';

export interface CachedToken {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  refreshAt: number;
}

export interface SharedTokenOptions {
  store: HandlerStore;
  /** Names the credentials, so two merchants on one Redis never share a token. */
  identity: string;
  now: () => number;
  /**
   * How long the refresh lock lives; past it another instance may refresh. The token request's timeout + margin, so
   * the lock is not renewed: a live holder is done within it.
   */
  lockTtlMs: number;
  /**
   * How often a waiting instance looks for the token another one is fetching, in ms.
   * @defaultValue 50
   */
  pollMs?: number;
}

function parse(raw: string | undefined): CachedToken | undefined {
  if (raw === undefined) return undefined;
  try {
    const token = JSON.parse(raw) as Partial<CachedToken>;
    return typeof token.value === 'string' && typeof token.refreshAt === 'number' ? { value: token.value, refreshAt: token.refreshAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Store failures are swallowed here: without its shared cache an instance still works, asking Purse itself. */
const quietly = <T>(promise: Promise<T>, fallback: T) => promise.catch((error: unknown) => {
  if (isStoreError(error)) return fallback;
  throw error;
});

export interface SharedToken {
  /**
   * The shared token while it is fresh; otherwise one instance runs `request` under the lock and shares its token
   * while the others wait for it. Without a working store, `request` runs here.
   */
  get(request: () => Promise<CachedToken>): Promise<CachedToken>;
  /** Forgets `value` if it is still the shared token (Purse answered 401 to it). */
  drop(value: string): Promise<void>;
}

export function createSharedToken(options: SharedTokenOptions): SharedToken {
  const { store, now, lockTtlMs } = options;
  const pollMs = options.pollMs ?? 50;
  let keys: Promise<{ token: string; lock: string }> | undefined;
  const keysOf = () =>
    // The first 128 bits of the hash name the credentials (the key names of earlier versions, kept).
    (keys ??= sha256(options.identity).then((hex) => {
      const id = hex.slice(0, 32);
      return { token: `purse-kit:oauth2:${id}`, lock: `purse-kit:oauth2:${id}:lock` };
    }));

  const fresh = async () => {
    const token = parse(await store.get((await keysOf()).token));
    return token && now() < token.refreshAt ? token : undefined;
  };

  async function refreshUnderLock(lock: HeldLock, request: () => Promise<CachedToken>): Promise<CachedToken> {
    const { token: tokenKey } = await keysOf();
    try {
      // Another instance may have stored a token between our look and our lock.
      const stored = await quietly(fresh(), undefined);
      if (stored) return stored;
      const token = await request();
      const ttlMs = token.refreshAt - now();
      if (ttlMs > 0) await quietly(store.set(tokenKey, JSON.stringify(token), ttlMs), undefined);
      return token;
    } finally {
      // Ours only: a lock that expired and was taken by another instance stays that instance's.
      await lock.release();
    }
  }

  return {
    async get(request) {
      // Each holder of the lock gets its lock's lifetime, on the wall clock (options.now may be a test's frozen
      // clock): a holder that died blocks the others until its lock expires, and the one that takes the lock next
      // gets its own full time. Past a holder's time, stop waiting and ask Purse here.
      let holder: string | undefined;
      let deadline = Date.now() + lockTtlMs + pollMs;
      for (;;) {
        try {
          const token = await fresh();
          if (token) return token;
          const { lock } = await keysOf();
          const held = await takeLock(store, lock, lockTtlMs);
          if (held) return await refreshUnderLock(held, request);
          const current = await store.get(lock);
          if (current !== holder) {
            holder = current;
            deadline = Date.now() + lockTtlMs + pollMs;
          }
        } catch (error) {
          if (!isStoreError(error)) throw error;
          return request();
        }
        if (Date.now() >= deadline) return request();
        await sleep(pollMs);
      }
    },
    async drop(value) {
      const { token: tokenKey } = await keysOf();
      const stored = await quietly(store.get(tokenKey), undefined);
      // Deleted only while it is still that token: another instance may have stored a new one since.
      if (stored !== undefined && parse(stored)?.value === value) await quietly(store.deleteIf(tokenKey, stored), false);
    },
  };
}
