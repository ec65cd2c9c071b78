// A throwaway redis-server (Debian's package) for tests, the cluster demo and the bench: a child process on a free
// loopback port, no persistence, stopped by its pid. Faults for the tests: stop, restart on the same port, pause.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';

export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';
export const REDIS_INSTALL = 'apt-get update && apt-get install -y redis-server';

export const hasRedisServer = () => spawnSync(REDIS_SERVER_BIN, ['--version'], { stdio: 'ignore' }).status === 0;

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Stops it without waiting (for a process 'exit' handler). */
  kill(): void;
  /** Stops it and starts a new, empty one on the same port (clients reconnect by themselves). */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing answers. */
  pause(): void;
  resume(): void;
}

export interface RedisServerOptions {
  /** Default: a free port. */
  port?: number;
  /** Keep the data across restarts in an append-only file in this folder (fsync on every write). Default: none. */
  appendOnlyDir?: string;
}

function launch(port: number, appendOnlyDir: string | undefined): Promise<ChildProcess> {
  const persistence = appendOnlyDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', appendOnlyDir]
    : ['--appendonly', 'no'];
  const child = spawn(REDIS_SERVER_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(child);
      }
    };
    const onExit = () => reject(new Error(`redis-server on port ${port} exited before it was ready:\n${output.slice(-2000)}`));
    child.once('error', (error) =>
      reject(new Error(`Could not run ${REDIS_SERVER_BIN} (${error.message}). Install it: ${REDIS_INSTALL}`)),
    );
    child.once('exit', onExit);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  if (!hasRedisServer()) throw new Error(`redis-server is not installed; the tests need it. Install it: ${REDIS_INSTALL}`);
  const { port, appendOnlyDir } = options;
  let chosen = port ?? (await freePort());
  let child: ChildProcess | undefined;
  for (let attempt = 0; !child; attempt++) {
    try {
      child = await launch(chosen, appendOnlyDir);
    } catch (error) {
      // Another process took the free port between the check and the start: try another one.
      if (port !== undefined || attempt >= 3) throw error;
      chosen = await freePort();
    }
  }
  const kill = () => {
    child!.kill('SIGCONT');
    child!.kill('SIGTERM');
  };
  const stop = async () => {
    const current = child!;
    kill();
    await exited(current);
  };
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop,
    kill,
    async restart() {
      await stop();
      child = await launch(chosen, appendOnlyDir);
    },
    pause: () => void child!.kill('SIGSTOP'),
    resume: () => void child!.kill('SIGCONT'),
  };
}

/** A node-redis client for tests: reconnects quickly, and keeps its connection errors instead of crashing the run. */
export async function connectRedis(url: string) {
  const errors: Error[] = [];
  const client = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(50 * (retries + 1), 500) } });
  client.on('error', (error: Error) => errors.push(error));
  await client.connect();
  return Object.assign(client, { errors });
}
