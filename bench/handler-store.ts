// Handler throughput and latency with the memory store and with the Redis store (a real redis-server on loopback):
// the handler served over HTTP on 127.0.0.1, Purse the in-process mock. Figures, not pass/fail.
// Standalone: npx tsx bench/handler-store.ts (prints the section); `npm run bench` puts it in bench/REPORT.md.
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { getRequestListener } from '@hono/node-server';
import { createClient } from 'redis';
import { createMockPurse, MOCK_CREDENTIALS } from '../src/mock-server/index.ts';
import { createMerchantHandler, createRedisStore, type HandlerStore } from '../src/server/index.ts';
import { startRedisServer } from '../src/test/redis-server.ts';

const ORIGIN = 'http://purse.bench';
const ROUNDS = 8;

async function serve(store: HandlerStore | undefined): Promise<{ base: string; server: Server }> {
  const purse = createMockPurse({ testMode: true, rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  const handler = createMerchantHandler({
    purse: {
      ...MOCK_CREDENTIALS,
      tokenUrl: `${ORIGIN}/oauth2/token`,
      xcoApiUrl: ORIGIN,
      paymentApiUrl: `${ORIGIN}/payment`,
      fetch: (input, init) => purse.fetch(new Request(input, init)),
    },
    store,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    resolveOrder: () => ({ amount: 4299, currency: 'EUR', order: { reference: 'bench-order' } }),
    checkout: { shopperRedirectionUrl: 'https://shop.example/return' },
    logger: { warn: () => undefined, error: (message) => console.error(message) },
  });
  const server = createServer(getRequestListener(handler, { overrideGlobalObjects: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/purse`, server };
}

type Call = (base: string, i: number) => Promise<Response>;
const calls: Record<string, Call> = {
  check: (base) =>
    fetch(`${base}/xco/users/exists?email=existing%40example.com`, { headers: { 'x-forwarded-for': '127.0.0.1' } }),
  'create session': (base, i) =>
    fetch(`${base}/checkout/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-customer': `cust_${i % 50}`, 'idempotency-key': crypto.randomUUID() },
      body: '{}',
    }),
};

/** `total` requests, `concurrency` at a time: the elapsed seconds and each request's latency. */
async function load(base: string, call: Call, total: number, concurrency: number) {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        const i = issued++;
        const t0 = performance.now();
        const response = await call(base, i);
        await response.arrayBuffer();
        if (response.status >= 300) throw new Error(`bench request answered ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), min: sorted[0]!, max: sorted.at(-1)! };
};

async function storeOps(store: HandlerStore) {
  const ops: [string, (i: number) => Promise<unknown>][] = [
    ['add (SET NX PX)', (i) => store.add(`op:${i}`, 'x'.repeat(200), 60_000)],
    ['get (GET)', (i) => store.get(`op:${i}`)],
    ['take (GETDEL)', (i) => store.take(`op:${i}`)],
    ['increment (script)', () => store.increment('op:counter', 60_000)],
  ];
  const results: { op: string; p50: number; p99: number }[] = [];
  for (const [op, run] of ops) {
    const latencies: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const t0 = performance.now();
      await run(i);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    results.push({ op, p50: latencies[500]!, p99: latencies[990]! });
  }
  return results;
}

export async function handlerStoreBench(): Promise<string> {
  const load1 = loadavg()[0]!;
  const redisServer = await startRedisServer();
  const client = createClient({ url: redisServer.url });
  client.on('error', (error: Error) => console.error(`[redis] ${error.message}`));
  await client.connect();
  try {
    const stores: [string, HandlerStore | undefined][] = [
      ['memory', undefined],
      ['Redis', createRedisStore({ client, prefix: 'bench:' })],
    ];
    // Both handlers up at once and measured in alternating small batches (order swapped each round), so that the
    // other work on this shared machine weighs on both alike.
    const servers = await Promise.all(stores.map(async ([name, store]) => ({ name, ...(await serve(store)) })));
    /** Pooled latencies, and each round's throughput and median alone (rounds pair the stores in time). */
    type Pool = { loaded: number[]; alone: number[]; rounds: { rps: number; p50alone: number }[] };
    const pools = new Map<string, Pool>();
    const pool = (call: string, store: string) => {
      const key = `${call}|${store}`;
      if (!pools.has(key)) pools.set(key, { loaded: [], alone: [], rounds: [] });
      return pools.get(key)!;
    };
    for (const server of servers) for (const run of Object.values(calls)) await load(server.base, run, 200, 8); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...servers].reverse() : servers;
      for (const [call, run] of Object.entries(calls)) {
        for (const server of order) {
          const concurrent = await load(server.base, run, 250, 16);
          const sequential = await load(server.base, run, 60, 1);
          const p = pool(call, server.name);
          p.loaded.push(...concurrent.latencies);
          p.alone.push(...sequential.latencies);
          p.rounds.push({ rps: 250 / concurrent.seconds, p50alone: percentile(sequential.latencies.sort((a, b) => a - b), 0.5) });
        }
      }
    }
    for (const server of servers) server.server.close();
    const rows = [...pools.entries()].map(([key, p]) => {
      const [call, store] = key.split('|') as [string, string];
      const loaded = p.loaded.sort((a, b) => a - b);
      const alone = p.alone.sort((a, b) => a - b);
      return {
        call,
        store,
        rps: spread(p.rounds.map((r) => r.rps)),
        rounds: p.rounds,
        p50: percentile(loaded, 0.5),
        p99: percentile(loaded, 0.99),
        p50seq: percentile(alone, 0.5),
        p99seq: percentile(alone, 0.99),
      };
    });
    const ops = await storeOps(stores[1]![1]!);
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    // What Redis adds, round by round (the two stores measured back to back): a difference whose rounds disagree on
    // its sign is noise, not a store faster than memory.
    const added = Object.keys(calls).map((call) => {
      const [memory, redis] = [rows.find((r) => r.call === call && r.store === 'memory')!, rows.find((r) => r.call === call && r.store === 'Redis')!];
      const diff = spread(redis.rounds.map((r, i) => r.p50alone - memory.rounds[i]!.p50alone));
      const verdict = diff.min < 0 && diff.max > 0 ? 'none measurable (within the noise)' : ms(diff.median);
      return `| ${call} | ${verdict} | ${ms(diff.median)} (${ms(diff.min)} to ${ms(diff.max)}) |`;
    });
    const expected = ops.find((o) => o.op.startsWith('get'))!.p50 * 13;
    return `## Handler throughput: memory store vs Redis store

The handler over HTTP on 127.0.0.1 (Node \`http\` + \`@hono/node-server\`), Purse the in-process mock, Redis a local
\`redis-server\` (7.0, no persistence) through node-redis. Both handlers run side by side and are measured in ${ROUNDS}
alternating rounds of 250 requests 16 at a time (throughput, latency under load) and 60 one at a time (latency alone),
pooled. *check* touches no store here (a guest without a cookie and no \`trustProxy\`: the lookup quota has nobody to
count; with the caller known it adds one counter increment); *create session* with an \`Idempotency-Key\` makes 13 store round trips
(counted: the quota, the pending record and the answer, the intent's attempt, the order's lock taken and released, its
record of sessions, the session's owner). Load average when the run started:
${load1.toFixed(1)} on 2 cores: other work shared the machine, so the figures under load vary by tens of percent from
run to run; the one-at-a-time and per-operation latencies are the steadier measure of what Redis adds.

| call | store | requests/s (16 concurrent): median of the rounds (min–max) | p50 / p99 under load | p50 / p99 one at a time |
|---|---|---|---|---|
${rows.map((r) => `| ${r.call} | ${r.store} | ${Math.round(r.rps.median)} (${Math.round(r.rps.min)}–${Math.round(r.rps.max)}) | ${ms(r.p50)} / ${ms(r.p99)} | ${ms(r.p50seq)} / ${ms(r.p99seq)} |`).join('\n')}

Latency the Redis store adds per request: one at a time, each round's median with Redis minus the same round's with
memory, over the ${ROUNDS} rounds: their median (min to max). Expected from the store's own latency below: about none
for *check*, and for *create session* 13 round trips × the median GET = ${ms(expected)}.

| call | added | each round: median (min to max) |
|---|---|---|
${added.join('\n')}

One Redis store operation on its own (1 000 each, one at a time, node-redis over loopback):

| operation | p50 | p99 |
|---|---|---|
${ops.map((o) => `| ${o.op} | ${ms(o.p50)} | ${ms(o.p99)} |`).join('\n')}
`;
  } finally {
    await client.quit();
    await redisServer.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await handlerStoreBench());
