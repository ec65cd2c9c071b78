// The HandlerStore on Redis, for several handler instances or serverless: every operation is one atomic command (or
// one script), so two instances can never both win an `add` or both `take` the same value.
// Nothing here imports `redis`: the merchant creates the client (node-redis, an optional peer dependency) and passes
// it in, so `purse-react-kit/server` loads and bundles without Redis for everyone who does not use it.
import { StoreError, type HandlerStore } from './store.ts';

/**
 * What the store needs of a Redis client: node-redis's `sendCommand` (redis 6.x, `createClient()`). The per-command
 * `timeout` drops a command that could not be written in time, so it never runs later behind the handler's back.
 */
export interface RedisCommandClient {
  /** Sends one command (`['SET', key, value]`) and resolves with Redis's answer. */
  sendCommand(args: string[], options?: { timeout?: number }): Promise<unknown>;
}

/** Options of `createRedisStore`. */
export interface RedisStoreOptions {
  /**
   * A connected node-redis client, the promise of one (`createClient({ url }).on('error', log).connect()`), or a
   * function returning that promise, called at the first command (nothing connects at import or build time; a failed
   * connection is tried again at the next command). The store never closes or configures the client; attach an
   * `error` listener (node-redis throws unhandled `error` events).
   */
  client: RedisCommandClient | Promise<RedisCommandClient> | (() => Promise<RedisCommandClient>);
  /**
   * Prepended to every key, so several shops (or handlers) can share one Redis.
   * @defaultValue 'purse-react-kit:'
   */
  prefix?: string;
  /**
   * A command that has no answer after this many ms fails with `StoreError('unavailable')` (the handler answers 503)
   * instead of holding the shopper's request.
   * @defaultValue 1000
   */
  commandTimeoutMs?: number;
}

// INCR then, only for the first increment of a window, PEXPIRE: later increments keep the window's end (a fixed
// window). PTTL -1 covers a counter left without expiry by an older writer.
const INCREMENT = `local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

// Compare and act in one step: between a GET and a DEL (or PEXPIRE) sent apart, the key can expire and another
// instance take it.
const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RENEW_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Redis refuses writes over `maxmemory` with `noeviction` ("OOM command not allowed…"): that is a full store. */
const isOutOfMemory = (error: unknown) => error instanceof Error && /^OOM\b/.test(error.message);

const ttl = (ttlMs: number) => String(Math.max(1, Math.ceil(ttlMs)));

/** The store on Redis, shared by every handler instance: each operation is one atomic command or script. */
export function createRedisStore(options: RedisStoreOptions): HandlerStore {
  if (!options || typeof options !== 'object' || !options.client) {
    throw new Error('createRedisStore needs { client }: a node-redis client, e.g. createClient({ url }).on("error", log).connect().');
  }
  const prefix = options.prefix ?? 'purse-react-kit:';
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  const source = options.client;
  let connecting: Promise<RedisCommandClient> | undefined;
  const client = () => {
    if (!connecting) {
      connecting = Promise.resolve(typeof source === 'function' ? source() : source);
      // A client promise that rejects is reported by the command that needs it, not as an unhandled rejection; a
      // connecting function is called again by the next command.
      connecting.catch(() => {
        if (typeof source === 'function') connecting = undefined;
      });
    }
    return connecting;
  };
  if (typeof source !== 'function') void client();

  async function send(op: string, args: string[]): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let expired = false;
    const started = Date.now();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new StoreError('unavailable', 'redis', `Redis did not answer ${op} within ${timeoutMs} ms.`));
      }, timeoutMs);
    });
    // A command is never sent once its request has been answered 503 (a client that connected too late), and one
    // still unwritten at the deadline is dropped by node-redis: a write the handler gave up on never lands later.
    const sent = client().then((c) => {
      if (expired) throw new StoreError('unavailable', 'redis', `Redis was not connected in time for ${op}.`);
      return c.sendCommand(args, { timeout: Math.max(1, timeoutMs - (Date.now() - started)) });
    });
    try {
      return await Promise.race([sent, deadline]);
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      if (isOutOfMemory(cause)) throw new StoreError('full', 'redis', `Redis refused ${op}: ${reason}`, { cause });
      throw new StoreError('unavailable', 'redis', `Redis failed on ${op}: ${reason}`, { cause });
    } finally {
      clearTimeout(timer);
    }
  }

  const text = (reply: unknown) => (reply === null || reply === undefined ? undefined : String(reply));

  return {
    async get(key) {
      return text(await send('GET', ['GET', prefix + key]));
    },
    async set(key, value, ttlMs) {
      await send('SET', ['SET', prefix + key, value, 'PX', ttl(ttlMs)]);
    },
    async add(key, value, ttlMs) {
      return (await send('SET NX', ['SET', prefix + key, value, 'PX', ttl(ttlMs), 'NX'])) !== null;
    },
    async take(key) {
      return text(await send('GETDEL', ['GETDEL', prefix + key]));
    },
    async delete(key) {
      await send('DEL', ['DEL', prefix + key]);
    },
    async deleteIf(key, expected) {
      return Number(await send('DELETE IF', ['EVAL', DELETE_IF, '1', prefix + key, expected])) === 1;
    },
    async renewIf(key, expected, ttlMs) {
      return Number(await send('RENEW IF', ['EVAL', RENEW_IF, '1', prefix + key, expected, ttl(ttlMs)])) === 1;
    },
    async increment(key, ttlMs) {
      const reply = await send('INCR', ['EVAL', INCREMENT, '1', prefix + key, ttl(ttlMs)]);
      const count = Number(reply);
      if (!Number.isInteger(count)) throw new StoreError('unavailable', 'redis', `Redis answered INCR with ${String(reply)}.`);
      return count;
    },
  };
}
