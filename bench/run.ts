// Benchmarks (figures, not pass/fail): bundle sizes, requests per signup flow, React commits per keystroke, and time
// to drop-in ready with latencies injected in the mock server. Writes bench/REPORT.md.
// Usage: npm run build && npm run bench
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunch } from '../chromium.ts';

const port = 4499;
const base = `http://127.0.0.1:${port}`;

async function startDemo() {
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn('npx', ['tsx', 'demo/server.ts', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('demo storefront') && resolve());
    child.on('exit', (code) => reject(new Error(`demo server exited (${code})`)));
  });
  return child;
}

const post = (path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method: body === undefined ? 'POST' : 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
const control = {
  reset: () => post('/__mock/reset'),
  fault: (rule: Record<string, unknown>) => post('/__mock/faults', rule),
  clearFaults: () => fetch(`${base}/__mock/faults`, { method: 'DELETE' }),
  otp: async (email: string) => ((await (await fetch(`${base}/__mock/otp?email=${encodeURIComponent(email)}`)).json()) as { code: string }).code,
};

function backendCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/purse/')) calls.push(`${r.method()} ${path.slice('/api/purse'.length)}`);
  });
  return calls;
}

async function signupFlows(browser: Browser) {
  let page = await browser.newPage();
  await control.reset();
  const created = backendCalls(page);
  await page.goto(`${base}/`);
  // The shop account first: the demo shop only vouches for (and so only creates an XCO account for) its email.
  const email = `bench.${Date.now()}@example.com`;
  await page.getByLabel('Email for your shop account').fill(email);
  await page.getByRole('button', { name: 'Create shop account' }).click();
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  await page.getByLabel(/^Street address/).fill('1 rue de Rivoli');
  await page.getByLabel(/^Postal code/).fill('75001');
  await page.getByLabel(/^City/).fill('Paris');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Your Purse account is ready' }).waitFor();
  page.removeAllListeners('request');

  // A new visitor (new context, new customer cookie): a customer reference links to one XCO account only.
  page = await browser.newPage();
  const linked = backendCalls(page);
  await page.goto(`${base}/`);
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('textbox', { name: 'Verification code' }).waitFor();
  await page.getByRole('textbox', { name: 'Verification code' }).fill(await control.otp('existing@example.com'));
  await page.getByRole('heading', { name: 'Your Purse account is linked' }).waitFor();
  page.removeAllListeners('request');
  return { created, linked };
}

async function commitsPerKeystroke(page: Page) {
  await control.reset();
  await page.goto(`${base}/`);
  const field = page.getByRole('textbox', { name: 'Email or phone number' });
  await field.focus();
  const text = 'camille.martin@example.fr';
  const before = await page.evaluate(() => (window as { __purseCommits?: number }).__purseCommits ?? 0);
  await page.keyboard.type(text);
  const after = await page.evaluate(() => (window as { __purseCommits?: number }).__purseCommits ?? 0);
  const phoneText = '06 12 34 56 78';
  await field.fill('');
  const beforePhone = await page.evaluate(() => (window as { __purseCommits?: number }).__purseCommits ?? 0);
  await page.keyboard.type(phoneText);
  const afterPhone = await page.evaluate(() => (window as { __purseCommits?: number }).__purseCommits ?? 0);
  return { email: (after - before) / text.length, phone: (afterPhone - beforePhone) / phoneText.length };
}

/** Navigation start → the drop-in's `ready` (performance mark set by the demo's onReady), median of 3. */
async function timeToReady(page: Page, sessionMs: number, scriptMs: number, scriptHint: boolean) {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await control.reset();
    if (sessionMs) await control.fault({ method: 'POST', path: '/payment/v2/client-sessions', latencyMs: sessionMs });
    if (scriptMs) await control.fault({ path: '/dropin-checkout/stable/purse.js', latencyMs: scriptMs });
    await page.goto(`${base}/checkout${scriptHint ? '?scriptHint=1' : ''}`);
    await page.getByLabel('Card number').waitFor();
    runs.push(await page.evaluate(() => performance.getEntriesByName('purse:dropin-ready')[0]?.startTime ?? NaN));
    await control.clearFaults();
  }
  return runs.sort((a, b) => a - b)[1]!;
}

const demo = await startDemo();
const browser = await chromium.launch(chromiumLaunch);
try {
  const page = await browser.newPage();
  await page.goto(`${base}/checkout`); // warm Vite's module graph so later timings measure the checkout, not the dev server
  await page.getByLabel('Card number').waitFor();

  const flows = await signupFlows(browser);
  const commits = await commitsPerKeystroke(await browser.newPage());

  const pairs: [number, number][] = [[600, 600], [1000, 300], [300, 1000], [1200, 1200]];
  const baseline = { hint: await timeToReady(page, 0, 0, true), none: await timeToReady(page, 0, 0, false) };
  const latency: { l1: number; l2: number; hinted: number; unhinted: number }[] = [];
  for (const [l1, l2] of pairs) {
    latency.push({
      l1,
      l2,
      hinted: (await timeToReady(page, l1, l2, true)) - baseline.hint,
      unhinted: (await timeToReady(page, l1, l2, false)) - baseline.none,
    });
  }

  const sizes = JSON.parse(execFileSync('npx', ['size-limit', '--json'], { encoding: 'utf8' })) as { name: string; size: number }[];

  const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  const report = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (2 cores, headless Chromium, demo server in dev mode).
Figures, not pass/fail: the size budgets themselves are enforced by \`npm test\` (size-limit).

## Bundle size (size-limit: minified, brotli, peers external)

| entry | size |
|---|---|
${sizes.map((s) => `| ${s.name} | ${kb(s.size)} |`).join('\n')}

## Requests per signup flow (browser → merchant backend)

| flow | requests | calls |
|---|---|---|
| new shopper | ${flows.created.length} | ${flows.created.join(', ')} |
| existing shopper | ${flows.linked.length} | ${flows.linked.join(', ')} |

## React commits per keystroke (identifier field, Profiler around XcoSignup)

| typing | commits per keystroke |
|---|---|
| an email | ${commits.email.toFixed(2)} |
| a phone number (loads the phone metadata) | ${commits.phone.toFixed(2)} |

## Time to drop-in ready with injected latencies

Session creation delayed by L1 (mock latency on \`POST /payment/v2/client-sessions\`), script delayed by L2 (latency on
the drop-in script). Extra time to \`ready\` over the same page without latency (median of 3). With \`scriptUrl\`
(hinted) the component preconnects and downloads the script while the session is created; without it, the script URL
is only known from the session.

| L1 | L2 | max(L1, L2) | L1 + L2 | hinted | ratio to max | unhinted | ratio to sum |
|---|---|---|---|---|---|---|---|
${latency
  .map(
    (r) =>
      `| ${r.l1} | ${r.l2} | ${Math.max(r.l1, r.l2)} | ${r.l1 + r.l2} | ${ms(r.hinted)} | ${(r.hinted / Math.max(r.l1, r.l2)).toFixed(2)} | ${ms(r.unhinted)} | ${(r.unhinted / (r.l1 + r.l2)).toFixed(2)} |`,
  )
  .join('\n')}

Baselines without latency: ${ms(baseline.hint)} (hinted), ${ms(baseline.none)} (unhinted), from navigation start.
`;
  writeFileSync('bench/REPORT.md', report);
  console.log(report);
} finally {
  await browser.close();
  process.kill(-demo.pid!, 'SIGTERM');
}
