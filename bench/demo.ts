// The demo storefront as the benchmarks drive it: a production build (`--prod`), on a port of its own, with the
// embedded mock's test-mode controls reached through the demo's /__mock proxy.
import { spawn } from 'node:child_process';

export const port = Number(process.env.BENCH_PORT ?? 4499);
export const base = `http://127.0.0.1:${port}`;

export async function startDemo() {
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn('npx', ['tsx', 'demo/server.ts', '--port', String(port), '--prod'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('demo storefront') && resolve());
    child.on('exit', (code) => reject(new Error(`demo server exited (${code})`)));
  });
  return { stop: () => process.kill(-child.pid!, 'SIGTERM') };
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
