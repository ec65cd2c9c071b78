// One merchant-handler process of `npm run start:cluster`: the demo merchant's handler on its own port, its records
// in the Redis at REDIS_URL, talking to Purse (the mock at PURSE_MOCK_URL, or the sandbox of PURSE_*). Only the
// storefront's proxy reaches it (loopback), which sets X-Forwarded-For from the shopper's socket.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import { createDemoHandler, customerPurseOptions, demoAccounts, purseOptions, redisStore } from './merchant.ts';

const { values: args } = parseArgs({
  options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' }, name: { type: 'string', default: 'handler' } },
});
if (!process.env.REDIS_URL) throw new Error('demo/instance.ts needs REDIS_URL: several instances share their records in Redis.');

const store = redisStore(process.env.REDIS_URL, (message) => console.error(`[${args.name}] ${message}`));
// The handler builds its Purse client from options, so the OAuth2 token is shared through the store as well.
const handler = getRequestListener(createDemoHandler(
  purseOptions(process.env.PURSE_MOCK_URL ?? null),
  store,
  demoAccounts(store),
  customerPurseOptions(process.env.PURSE_MOCK_URL ?? null),
), {
  overrideGlobalObjects: false,
});
const server = createServer((req, res) => void handler(req, res));
server.listen(Number(args.port), args.host, () => {
  const { port } = server.address() as { port: number };
  console.log(`${args.name} listening on ${port}`);
});
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGINT', shutdown);
// Started by demo/cluster.ts with an IPC channel: when the cluster process dies, so does this instance.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', shutdown);
