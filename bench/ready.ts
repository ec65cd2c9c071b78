// Time to drop-in ready with latencies injected in the mock: session creation delayed by L1, the drop-in script by
// L2. Measured in the page, from the first request the checkout makes (Resource Timing: the session POST or the
// script download, whichever starts first) to the drop-in's `ready` (a performance mark set by onReady). Three
// variants, interleaved run by run so drift on the machine hits them alike, each in a fresh browser context (no cached
// script, no warm connection): PurseCheckout with `scriptUrl` (downloads the script while the session is created),
// PurseCheckout without it, and a naive sequential loader (session, then script) as the baseline.
import type { Browser } from 'playwright';
import { base, control } from './demo.ts';

export const PAIRS: [number, number][] = [
  [300, 400],
  [600, 600],
  [1000, 300],
  [300, 1000],
];
export const RUNS = 7;

const VARIANTS = {
  hinted: '/checkout?scriptHint=1',
  unhinted: '/checkout',
  naive: '/bench/naive-checkout',
} as const;
type Variant = keyof typeof VARIANTS;

async function once(browser: Browser, path: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.getByLabel('Card number').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('purse:dropin-ready').length > 0);
    return await page.evaluate(() => {
      const ready = performance.getEntriesByName('purse:dropin-ready')[0]!.startTime;
      const first = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/purse/checkout/sessions') || e.name.includes('/purse.js'))
        .reduce((min, e) => Math.min(min, e.startTime), Infinity);
      return ready - first;
    });
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
}

export async function readyTimes(browser: Browser): Promise<ReadyRow[]> {
  const rows: ReadyRow[] = [];
  // Warm the servers (not the browser: every run gets a fresh context).
  await once(browser, VARIANTS.hinted);
  for (const [l1, l2] of PAIRS) {
    await control.reset();
    await control.fault({ method: 'POST', path: '/payment/v2/client-sessions', latencyMs: l1 });
    await control.fault({ path: '/dropin-checkout/stable/purse.js', latencyMs: l2 });
    const samples: Record<Variant, number[]> = { hinted: [], unhinted: [], naive: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const variant of Object.keys(VARIANTS) as Variant[]) samples[variant].push(await once(browser, VARIANTS[variant]));
    }
    await control.clearFaults();
    const limit = Math.max(l1, l2);
    rows.push({
      l1,
      l2,
      times: { hinted: spread(samples.hinted), unhinted: spread(samples.unhinted), naive: spread(samples.naive) },
      overMax: spread(samples.hinted.map((t) => t - limit)),
      naiveOverSum: spread(samples.naive.map((t) => t - (l1 + l2))),
      ratioToNaive: spread(samples.hinted.map((t, i) => t / samples.naive[i]!)),
    });
    // Physically impossible figures mean the measurement is broken: fail loudly instead of reporting them.
    for (const t of samples.hinted) if (t < limit) throw new Error(`ready in ${t} ms with max(L1, L2) = ${limit} ms: broken measurement`);
    for (const t of samples.naive) if (t < l1 + l2) throw new Error(`naive ready in ${t} ms with L1 + L2 = ${l1 + l2} ms: broken measurement`);
  }
  return rows;
}
