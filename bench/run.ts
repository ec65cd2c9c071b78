// Benchmarks (figures, not pass/fail): bundle sizes beside the peers', requests per signup flow, React commits per
// keystroke, and time to drop-in ready with latencies injected in the mock — all against a production build of the
// demo. Writes bench/REPORT.md. Usage: npm run build && npm run bench
// One part alone, printed and not written to the report: npm run bench -- --only ready (sizes, flows, ready, handler).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunch } from '../chromium.ts';
import { handlerStoreBench } from './handler-store.ts';
import { startDemo } from './demo.ts';
import { commitsPerKeystroke, signupFlows } from './flows.ts';
import { readyTimes, RUNS, type ReadyRow, type Spread } from './ready.ts';
import { sizeTable } from './sizes.ts';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (n: number) => `${Math.round(n)}`;
const range = (s: Spread, f: (n: number) => string = ms) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;

const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const parts = ['sizes', 'flows', 'ready', 'handler'] as const;
const only = args.only as (typeof parts)[number] | undefined;
if (only !== undefined && !parts.includes(only)) throw new Error(`--only takes one of ${parts.join(', ')}`);
const wanted = (part: (typeof parts)[number]) => only === undefined || only === part;

async function sizeSections(): Promise<string> {
  const peers = await sizeTable();
  const budgets = JSON.parse(execFileSync('npx', ['size-limit', '--json'], { encoding: 'utf8' })) as { name: string; size: number }[];
  return `## Page weight beside the peers

Built here in one run with the same settings by esbuild and by Rolldown (Vite 8's bundler): minified, ES modules with
splitting, React external, brotli 11, importing exactly what each page imports.

${peers}

## Size budgets (size-limit, as \`npm test\` checks them)

| entry | size |
|---|---|
${budgets.map((s) => `| ${s.name} | ${kb(s.size)} |`).join('\n')}`;
}

async function flowSections(browser: Browser): Promise<string> {
  const flows = await signupFlows(browser);
  const commits = await commitsPerKeystroke(browser);
  return `## Requests per signup flow (browser → merchant backend)

| flow | requests | calls |
|---|---|---|
| new shopper | ${flows.created.length} | ${flows.created.join(', ')} |
| existing shopper | ${flows.linked.length} | ${flows.linked.join(', ')} |

## React commits per keystroke (identifier field, Profiler around XcoSignup)

${commits.mounted} commits at mount (the counter is live); then:

| typing | commits per keystroke |
|---|---|
| an email | ${commits.email.toFixed(2)} |
| a phone number (loads the phone metadata) | ${commits.phone.toFixed(2)} |`;
}

const phaseRow = (r: ReadyRow, variant: 'hinted' | 'naive') => {
  const p = r.phases[variant];
  return (
    `| ${r.l1} / ${r.l2} | ${variant} | ${ms(p.toSession)} | ${ms(p.sessionOverL1)} | ${ms(p.handlerWork)} | ${ms(p.purseOverL1)} | ` +
    `${ms(p.browserHops)} | ${ms(p.scriptOverL2)} | ${ms(p.toMount)} | ${ms(p.dropinRequest)} | ${ms(p.toReady)} |`
  );
};

async function readySection(browser: Browser): Promise<string> {
  const load = loadavg()[0]!.toFixed(1);
  const ready = await readyTimes(browser);
  return `## Time to drop-in ready

From the checkout's first request (Resource Timing: the first of its eligible-methods GET, session POST or script) to
the drop-in's \`ready\` (a performance mark set by \`onReady\`), in ms: median (min–max) of ${RUNS} interleaved runs per
variant, each in a fresh browser context, all on the same checkout page of the production build. *hinted*:
\`PurseCheckout\` with \`scriptUrl\` (script downloaded while the session is created); *unhinted*: without it; *naive*:
session, then script, then mount — what Purse's own web loader does — in \`PurseCheckout\`'s place. *hinted − max* is
the time over the unavoidable wait (target: ≤ 40 ms median).

How each hop's latency is set: L1 is added by the mock to Purse's answer to the merchant server's
\`POST /payment/v2/client-sessions\` (the browser → merchant server hop and the merchant server's own work are real, on
loopback); L2 is added by the mock to the drop-in script's download (Purse's CDN). The drop-in's own session request to
Purse (what the real drop-in does when mounted; the mock's is one CORS-safelisted POST, no preflight) gets no added
latency: loopback. The mock runs in a process of its own (Purse is not in the merchant's process), the demo server in
another; both and Chromium share this machine's ${cpus().length} cores (load average ${load} when the part started),
so queueing behind other work is in every figure: compare with the naive loader of the same run.

| L1 | L2 | max | hinted | hinted − max | unhinted | naive | naive − (L1 + L2) | hinted ÷ naive |
|---|---|---|---|---|---|---|---|---|
${ready
  .map(
    (r) =>
      `| ${r.l1} | ${r.l2} | ${Math.max(r.l1, r.l2)} | ${range(r.times.hinted)} | ${range(r.overMax)} | ${range(r.times.unhinted)} | ` +
      `${range(r.times.naive)} | ${range(r.naiveOverSum)} | ${range(r.ratioToNaive, (n) => n.toFixed(2))} |`,
  )
  .join('\n')}

Where the time goes (medians, ms): *to session* from the checkout's first request to its session POST (the loader's
part); *session − L1* the session POST's duration past L1, split by the demo server's \`Server-Timing\` into the
merchant *handler*'s own work, its wait for *Purse past L1* (the mock's work and the hop to its process) and the
*browser hops* (Chromium, loopback and Node's HTTP server between the page and the handler); *script − L2* the script
download's past L2; *to mount* from having both to the drop-in's own first request (the loader's part); *drop-in
request* that request; *to ready* from its answer to \`ready\` (the drop-in's first render and
event, our callback).

| L1 / L2 | loader | to session | session − L1 | handler | Purse past L1 | browser hops | script − L2 | to mount | drop-in request | to ready |
|---|---|---|---|---|---|---|---|---|---|---|
${ready.flatMap((r) => [phaseRow(r, 'hinted'), phaseRow(r, 'naive')]).join('\n')}`;
}

const sections: string[] = [];
if (wanted('sizes')) sections.push(await sizeSections());
const demo = wanted('flows') || wanted('ready') ? await startDemo() : undefined;
const browser = demo ? await chromium.launch(chromiumLaunch) : undefined;
try {
  if (browser && wanted('flows')) sections.push(await flowSections(browser));
  if (browser && wanted('ready')) sections.push(await readySection(browser));
  if (wanted('handler')) sections.push(await handlerStoreBench());
  const body = sections.join('\n\n');
  if (only !== undefined) {
    console.log(body);
  } else {
    const report = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, headless Chromium, production
build of the demo storefront). Figures, not pass/fail: the size budgets themselves are enforced by \`npm test\` (size-limit).

${body}
`;
    writeFileSync('bench/REPORT.md', report);
    console.log(report);
  }
} finally {
  await browser?.close();
  demo?.stop();
}
