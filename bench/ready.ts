// Time to drop-in ready with latencies injected in the mock: session creation delayed by L1 (Purse's answer to the
// merchant server's POST /payment/v2/client-sessions), the drop-in script by L2 (Purse's CDN). Measured in the page,
// from the checkout's first request (Resource Timing: whichever of its requests starts first — the eligible methods,
// the session POST or the script) to the drop-in's `ready` (a performance mark set by onReady). Three variants on the
// same page (same boot, same other components), interleaved run by run so drift on the machine hits them alike, each
// in a fresh browser context (no cached script, no warm connection): PurseCheckout with `scriptUrl` (downloads the
// script while the session is created), PurseCheckout without it, and a naive sequential loader (session, then
// script, then mount, as Purse's own web loader does) in PurseCheckout's place, the baseline.
import type { Browser } from 'playwright';
import { base, control } from './demo.ts';

export const PAIRS: [number, number][] = [
  [300, 400],
  [600, 600],
  [1000, 300],
  [300, 1000],
];
export const RUNS = Number(process.env.BENCH_READY_RUNS ?? 7);

const VARIANTS = {
  hinted: '/checkout?scriptHint=1',
  unhinted: '/checkout',
  naive: '/checkout?loader=naive',
} as const;
type Variant = keyof typeof VARIANTS;

/** Moments of one load, in ms after the checkout's first request. */
interface Sample {
  ready: number;
  /** Start and response end of the merchant's session POST and of the drop-in script. */
  sessionStart: number;
  session: number;
  /** The demo server's Server-Timing of the session POST: the handler's whole time, and its wait for Purse. */
  handler: number;
  purse: number;
  scriptStart: number;
  script: number;
  /** The drop-in's own first request to Purse (its session), i.e. about when it was mounted; and its end. */
  dropinStart: number;
  dropinEnd: number;
}

// A string, not a function: the bench runs under tsx, whose helpers would not exist in the page.
const MEASURE = `(() => {
  const ready = performance.getEntriesByName('purse:dropin-ready')[0].startTime;
  const resources = performance.getEntriesByType('resource');
  const of = (part) => resources.find((e) => e.name.includes(part));
  const first = resources
    .filter((e) => e.name.includes('/api/purse/checkout/') || e.name.includes('/purse.js'))
    .reduce((min, e) => Math.min(min, e.startTime), Infinity);
  const at = (part, key) => (of(part) ? of(part)[key] - first : NaN);
  const timing = (name) => of('/api/purse/checkout/sessions')?.serverTiming.find((t) => t.name === name)?.duration ?? NaN;
  return {
    ready: ready - first,
    sessionStart: at('/api/purse/checkout/sessions', 'startTime'),
    session: at('/api/purse/checkout/sessions', 'responseEnd'),
    handler: timing('handler'),
    purse: timing('purse'),
    scriptStart: at('/purse.js', 'startTime'),
    script: at('/purse.js', 'responseEnd'),
    dropinStart: at('/dropin/api/session', 'startTime'),
    dropinEnd: at('/dropin/api/session', 'responseEnd'),
  };
})()`;

async function once(browser: Browser, path: string): Promise<Sample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.getByLabel('Card number').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('purse:dropin-ready').length > 0);
    return (await page.evaluate(MEASURE)) as Sample;
  } finally {
    await context.close();
  }
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};

/** Where the time of one variant goes, medians over its runs (ms). */
export interface Phases {
  /** From the checkout's first request to its session POST (the loader's part: 0 when the POST is the first). */
  toSession: number;
  /** The session POST's duration minus L1: the merchant server, the mock and their hops, queueing included. */
  sessionOverL1: number;
  /** Of which: the merchant handler's own work (its time less its wait for Purse, by the demo's Server-Timing). */
  handlerWork: number;
  /** Of which: the handler's wait for Purse past L1 (the mock's own work and the hop to its process). */
  purseOverL1: number;
  /** Of which: the rest, between the browser and the merchant server (Chromium, loopback, Node's HTTP server). */
  browserHops: number;
  /** The script download's duration minus L2. */
  scriptOverL2: number;
  /** From having both the session and the script to the drop-in's own first request: the loader's part. */
  toMount: number;
  /** The drop-in's own session request (with its CORS preflight), to Purse at loopback latency. */
  dropinRequest: number;
  /** From that request's answer to `ready`: the drop-in's first render, its event, our callback. */
  toReady: number;
}

export interface ReadyRow {
  l1: number;
  l2: number;
  /** Ready time (first request → ready) per variant. */
  times: Record<Variant, Spread>;
  /** Hinted ready time minus max(L1, L2): what the kit adds over the unavoidable wait. */
  overMax: Spread;
  /** Naive ready time minus L1 + L2: what the servers and the drop-in itself add, for a loader that does nothing else. */
  naiveOverSum: Spread;
  /** Hinted ready time over the naive loader's, run by run. */
  ratioToNaive: Spread;
  phases: Record<'hinted' | 'naive', Phases>;
}

const median = (values: number[]) => spread(values).median;

function phases(samples: Sample[], l1: number, l2: number): Phases {
  return {
    toSession: median(samples.map((s) => s.sessionStart)),
    sessionOverL1: median(samples.map((s) => s.session - s.sessionStart - l1)),
    handlerWork: median(samples.map((s) => s.handler - s.purse)),
    purseOverL1: median(samples.map((s) => s.purse - l1)),
    browserHops: median(samples.map((s) => s.session - s.sessionStart - s.handler)),
    scriptOverL2: median(samples.map((s) => s.script - s.scriptStart - l2)),
    toMount: median(samples.map((s) => s.dropinStart - Math.max(s.session, s.script))),
    dropinRequest: median(samples.map((s) => s.dropinEnd - s.dropinStart)),
    toReady: median(samples.map((s) => s.ready - s.dropinEnd)),
  };
}

export async function readyTimes(browser: Browser): Promise<ReadyRow[]> {
  const rows: ReadyRow[] = [];
  // Warm the servers (not the browser: every run gets a fresh context).
  for (const path of Object.values(VARIANTS)) await once(browser, path);
  for (const [l1, l2] of PAIRS) {
    await control.reset();
    await control.fault({ method: 'POST', path: '/payment/v2/client-sessions', latencyMs: l1 });
    await control.fault({ path: '/dropin-checkout/stable/purse.js', latencyMs: l2 });
    const samples: Record<Variant, Sample[]> = { hinted: [], unhinted: [], naive: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const variant of Object.keys(VARIANTS) as Variant[]) samples[variant].push(await once(browser, VARIANTS[variant]));
    }
    await control.clearFaults();
    const limit = Math.max(l1, l2);
    const ready = (variant: Variant) => samples[variant].map((s) => s.ready);
    rows.push({
      l1,
      l2,
      times: { hinted: spread(ready('hinted')), unhinted: spread(ready('unhinted')), naive: spread(ready('naive')) },
      overMax: spread(ready('hinted').map((t) => t - limit)),
      naiveOverSum: spread(ready('naive').map((t) => t - (l1 + l2))),
      ratioToNaive: spread(ready('hinted').map((t, i) => t / ready('naive')[i]!)),
      phases: { hinted: phases(samples.hinted, l1, l2), naive: phases(samples.naive, l1, l2) },
    });
    // Physically impossible figures mean the measurement is broken: fail loudly instead of reporting them.
    for (const t of ready('hinted')) if (t < limit) throw new Error(`ready in ${t} ms with max(L1, L2) = ${limit} ms: broken measurement`);
    for (const t of ready('naive')) if (t < l1 + l2) throw new Error(`naive ready in ${t} ms with L1 + L2 = ${l1 + l2} ms: broken measurement`);
  }
  return rows;
}
