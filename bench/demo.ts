// The demo storefront as the benchmarks drive it: a production build (`--prod`), on a port of its own, with the mock's
// test-mode controls reached through the demo's /__mock proxy. The mock runs in a process of its own, as Purse's API and
// CDN are not in the merchant's process: on one event loop each side's answers would queue behind the other's work.
import { spawn } from 'node:child_process';

export const port = Number(process.env.BENCH_PORT ?? 4499);
export const base = `http://127.0.0.1:${port}`;

/** Starts `args` (under tsx) and resolves with its first stdout line that matches `ready`. */
function start(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env) {
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn('npx', ['tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'], detached: true, env });
  const line = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.split('\n').find((l) => ready.test(l));
      if (match) resolve(match);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited (${code})`)));
  });
  return { line, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

export async function startDemo() {
  const mock = start(['src/mock-server/cli.ts', '--port', '0', '--test-mode'], /^http:/);
  try {
    const mockUrl = (await mock.line).trim();
    const demo = start(['demo/server.ts', '--port', String(port), '--prod'], /demo storefront/, { ...process.env, PURSE_MOCK_URL: mockUrl });
    await demo.line;
    return {
      stop: () => {
        demo.stop();
        mock.stop();
      },
    };
  } catch (error) {
    mock.stop();
    throw error;
  }
}

const post = (path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });

export const control = {
  reset: () => post('/__mock/reset'),
  fault: (rule: Record<string, unknown>) => post('/__mock/faults', rule),
  clearFaults: () => fetch(`${base}/__mock/faults`, { method: 'DELETE' }),
  otp: async (email: string) =>
    ((await (await fetch(`${base}/__mock/otp?email=${encodeURIComponent(email)}`)).json()) as { code: string }).code,
};
