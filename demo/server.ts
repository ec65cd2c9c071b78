// The demo storefront: one process serving the React storefront (Vite), the merchant handler at /api/purse and, unless
// PURSE_* variables point at the real sandbox, the Purse mock server on a port of its own (a separate origin, as
// Purse's CDN and API would be). The handler keeps its records in memory, or in Redis when REDIS_URL is set.
// PURSE_MOCK_URL: a mock already running in a process of its own (bench/ uses one, so Purse's answers never wait behind
// the merchant server's work on one event loop, as they would not in production).
// Usage: npm start [-- --port 4321 --host 127.0.0.1 --prod]
import { parseArgs } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import { createCustomerPurseClient, createPurseClient } from '../src/server/index.ts';
import { createDemoHandler, customerPurseOptions, demoAccounts, purseOptions, redisStore, startDemoMock } from './merchant.ts';
import { timedPurseFetch, withServerTiming } from './server-timing.ts';
import { startStorefront } from './storefront.ts';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    // A production build of the storefront instead of Vite's dev server (E2E and benchmarks).
    prod: { type: 'boolean', default: process.env.DEMO_PROD === '1' },
  },
});
const host = args.host!;

const externalMock = process.env.PURSE_MOCK_URL;
const mock = externalMock ? { url: externalMock, purse: undefined, close: async () => {} } : await startDemoMock(host);
const store = process.env.REDIS_URL ? redisStore(process.env.REDIS_URL) : undefined;
// One client for the handler and the back office; with Redis, its OAuth2 token is shared through the store too.
const purse = createPurseClient({ ...purseOptions(mock?.url ?? null), tokenStore: store, fetch: timedPurseFetch });
const accounts = demoAccounts(store);
const customerPurse = createCustomerPurseClient(customerPurseOptions(mock?.url ?? null));
const handler = getRequestListener(withServerTiming(createDemoHandler(purse, store, accounts, customerPurse)), { overrideGlobalObjects: false });
const storefront = await startStorefront({
  port: Number(args.port),
  host,
  prod: args.prod!,
  mockUrl: mock?.url ?? null,
  purse,
  customerPurse,
  mockPurse: mock?.purse,
  api: (req, res) => void handler(req, res),
  accounts,
});

console.log(`purse-react-kit demo storefront: ${storefront.url}`);
if (mock) console.log(`  (against the ${externalMock ? `Purse mock server at ${externalMock}` : 'embedded Purse mock server'}; seeded XCO user: existing@example.com)`);
else console.log('  (against the Purse sandbox configured by PURSE_* variables)');
console.log(`  (handler store: ${store ? `Redis at ${new URL(process.env.REDIS_URL!).host}` : 'in memory'})`);

const shutdown = () => {
  void storefront.close();
  void mock?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
