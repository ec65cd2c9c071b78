// The demo storefront with several merchant-handler processes sharing one Redis, behind a round-robin proxy: every
// /api/purse request goes to the next instance, as a load balancer without sticky sessions would send it. One mock
// Purse for all. Each answer names its instance in `x-purse-instance` (for the E2E and for curious eyes).
// Usage: npm run start:cluster [-- --port 4331 --instances 3 --prod]   (REDIS_URL: use that Redis instead of starting one)
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCustomerPurseClient, createPurseClient } from '../src/server/index.ts';
import { startRedisServer } from '../src/test/redis-server.ts';
import { customerPurseOptions, demoAccounts, purseOptions, redisStore, startDemoMock } from './merchant.ts';
import { startStorefront } from './storefront.ts';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4331' },
    host: { type: 'string', default: '127.0.0.1' },
    instances: { type: 'string', default: '3' },
    // A production build of the storefront instead of Vite's dev server.
    prod: { type: 'boolean', default: process.env.DEMO_PROD === '1' },
  },
});
const host = args.host!;
const count = Number(args.instances);
if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error('--instances must be 1 to 16.');

const redis = process.env.REDIS_URL ? null : await startRedisServer();
process.on('exit', () => redis?.kill());
const redisUrl = process.env.REDIS_URL ?? redis!.url;
const mock = await startDemoMock(host);

interface Instance { name: string; port: number; child: ChildProcess }

function startInstance(name: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'instance.ts'), '--name', name, '--host', host], {
    env: { ...process.env, REDIS_URL: redisUrl, ...(mock && { PURSE_MOCK_URL: mock.url }) },
    // The IPC channel closes when this process dies, however it dies: the instance then exits too.
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on (\d+)/.exec(output)?.[1];
      if (port) resolve({ name, port: Number(port), child });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening:\n${output}`)));
  });
}

const instances = await Promise.all(Array.from({ length: count }, (_, i) => startInstance(`handler-${i + 1}`)));
for (const instance of instances) instance.child.stdout!.pipe(process.stdout);

// Round robin, no stickiness: consecutive requests of one shopper land on different instances.
const agent = new Agent({ keepAlive: true });
let next = 0;
function roundRobin(req: IncomingMessage, res: ServerResponse) {
  const target = instances[next++ % instances.length]!;
  const upstream = httpRequest(
    { host, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-purse-instance': target.name });
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) return void res.destroy(error);
    res.writeHead(502, { 'content-type': 'application/problem+json', 'x-purse-instance': target.name });
    res.end(JSON.stringify({ title: 'Bad Gateway', detail: `${target.name} did not answer.`, code: 'instance_unreachable' }));
  });
  req.pipe(upstream);
}

const purse = createPurseClient(purseOptions(mock?.url ?? null));
const storefront = await startStorefront({
  port: Number(args.port),
  host,
  prod: args.prod!,
  mockUrl: mock?.url ?? null,
  purse,
  customerPurse: createCustomerPurseClient(customerPurseOptions(mock?.url ?? null)),
  mockPurse: mock?.purse,
  api: roundRobin,
  // The shop's accounts live in the instances' Redis, so every instance's resolveIdentity sees what this form records.
  accounts: demoAccounts(redisStore(redisUrl)),
});

console.log(`purse-react-kit demo storefront: ${storefront.url}`);
console.log(`  (${count} handler instances on ports ${instances.map((i) => i.port).join(', ')}, round robin, sharing Redis at ${new URL(redisUrl).host})`);
if (mock) console.log('  (against the embedded Purse mock server; seeded XCO user: existing@example.com)');

const shutdown = async () => {
  for (const instance of instances) instance.child.kill('SIGTERM');
  await Promise.allSettled([storefront.close(), mock?.close(), redis?.stop()]);
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
