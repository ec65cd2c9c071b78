// Bundle sizes as a consumer's page pulls them in, side by side with the peers' equivalents, all built here with the
// same settings: esbuild, minified, ES modules with code splitting, React external, brotli quality 11. A page's
// figure is its entry chunk plus every chunk it imports statically; chunks behind a dynamic import() (the phone
// metadata, a locale's messages…) are listed apart, as the code loads them later. Nothing is installed at run time:
// the peers are dev dependencies. Usage: npm run build && npx tsx bench/sizes.ts (also part of npm run bench).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { default: string }>;
};

/** `purse-react-kit` and `purse-react-kit/x` resolve to this checkout's dist through package.json's exports. */
const selfPackage: Plugin = {
  name: 'self-package',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${pkg.name}(/.*)?$`) }, (args) => {
      const target = pkg.exports[`.${args.path.slice(pkg.name.length)}`];
      if (target === undefined) return { errors: [{ text: `${args.path} is not exported by package.json` }] };
      return { path: resolve(root, typeof target === 'string' ? target : target.default) };
    });
  },
};

const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
/** Peers a page ships besides React: counted in "with peers", external in "library only". */
const PEERS = ['@tanstack/react-query', 'react-hook-form'];

const brotli = (bytes: Uint8Array) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;

export interface LazyChunk {
  /** What the chunk holds: the module its import() loads ("fr", "parse", "zone-3"…). */
  label: string;
  /** Brotli bytes downloaded when the code imports it: the chunk and what it imports that the page does not have. */
  bytes: number;
}

export interface PageSize {
  /** Entry chunk plus its static imports, brotli bytes. */
  initial: number;
  /** Chunks reached only through import(), as the code loads them. */
  lazy: LazyChunk[];
}

/** A lazy chunk by the module its import() loads: a package by its name, one of ours by its file name. */
const chunkLabel = (module: string) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)?.[1] ?? basename(module).replace(/\.[jt]sx?$/, '');

/** Builds `source` (an ES module that re-exports what a page imports) and measures it. */
export async function pageSize(source: string, options: { external?: string[] } = {}): Promise<PageSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: '/out',
    metafile: true,
    platform: 'browser',
    external: [...REACT, ...(options.external ?? [])],
    plugins: [selfPackage],
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const outputs = result.metafile.outputs;
  const size = new Map(result.outputFiles.map((f) => [f.path, brotli(f.contents)]));
  const sizeOf = (p: string) => size.get(resolve('/', p))!;
  /** A chunk and every chunk it imports statically. */
  const closure = (start: string) => {
    const found = new Set<string>();
    const visit = (path: string) => {
      if (found.has(path)) return;
      found.add(path);
      for (const i of outputs[path]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(start);
    return found;
  };
  // Dynamic import() targets are entry points too: the page's own is the one built from stdin.
  const page = closure(Object.keys(outputs).find((p) => outputs[p]!.entryPoint === '<stdin>')!);
  const initial = [...page].reduce((sum, p) => sum + sizeOf(p), 0);
  // The chunks the page's code can import() (directly, or from a chunk it imported): never those of code it does not use.
  const reachable = new Set<string>();
  const follow = (chunks: Iterable<string>) => {
    for (const chunk of chunks) {
      for (const i of outputs[chunk]!.imports) {
        if (i.kind !== 'dynamic-import' || i.external || reachable.has(i.path)) continue;
        reachable.add(i.path);
        follow(closure(i.path));
      }
    }
  };
  follow(page);
  const lazy = [...reachable].map((p) => ({
    label: chunkLabel(outputs[p]!.entryPoint ?? p),
    bytes: [...closure(p)].filter((c) => !page.has(c)).reduce((sum, c) => sum + sizeOf(c), 0),
  }));
  return { initial, lazy };
}

export interface Row {
  page: string;
  ours: string;
  /** The target for `ours` alone (library only, brotli bytes). */
  target?: number;
  stripe?: string;
  paypal?: string;
}

const PEER_PAGES = {
  stripe: `export { Elements, PaymentElement } from '@stripe/react-stripe-js'; export { loadStripe } from '@stripe/stripe-js';`,
  paypal: `export { PayPalScriptProvider, PayPalButtons } from '@paypal/react-paypal-js';`,
};

/** The pages compared. `ours` imports exactly what a merchant's page imports, from the component's own entry. */
export const ROWS: Row[] = [
  {
    page: 'checkout page (provider + checkout component)',
    ours: `export { PurseProvider, PurseCheckout } from 'purse-react-kit/checkout';`,
    target: 6000,
    ...PEER_PAGES,
  },
  {
    page: 'payment status page (provider + status)',
    ours: `export { PurseProvider, PaymentStatus } from 'purse-react-kit/status';`,
    target: 6000,
  },
  {
    page: 'signup page (provider + XCO signup)',
    ours: `export { PurseProvider, XcoSignup } from 'purse-react-kit/signup';`,
    target: 9000,
  },
  {
    page: 'all three components (root entry)',
    ours: `export { PurseProvider, PurseCheckout, PaymentStatus, XcoSignup } from 'purse-react-kit';`,
    target: 12000,
  },
  {
    page: 'deposits page (provider + CustomerPurse)',
    ours: `export { PurseProvider, CustomerPurse } from 'purse-react-kit/customer-purse';`,
  },
  {
    page: 'Express Checkout account (provider + XcoAccount)',
    ours: `export { PurseProvider, XcoAccount } from 'purse-react-kit/xco-account';`,
  },
  {
    page: 'script loader alone',
    ours: `export { loadDropin } from 'purse-react-kit/core';`,
    target: 1300,
    stripe: `export { loadStripe } from '@stripe/stripe-js';`,
    paypal: `export { loadScript } from '@paypal/paypal-js';`,
  },
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The lazy chunks of a page, short: phone zones as one range, the rest by name. */
function lazyText(lazy: LazyChunk[]): string {
  const zones = lazy.filter((c) => /^zone-\d$/.test(c.label)).map((c) => c.bytes);
  const rest = lazy.filter((c) => !/^zone-\d$/.test(c.label)).map((c) => `${c.label} ${kB(c.bytes)}`);
  if (zones.length) rest.push(`${zones.length} phone zones ${kB(Math.min(...zones))}–${kB(Math.max(...zones))}`);
  return rest.join(', ') || '–';
}

export async function sizeTable(): Promise<string> {
  const lines = [
    '| page | purse-react-kit | target | with its peers¹ | lazy chunks² | Stripe | PayPal | ratio to Stripe / PayPal³ |',
    '|---|---|---|---|---|---|---|---|',
  ];
  let phone: PageSize | undefined;
  for (const row of ROWS) {
    const alone = await pageSize(row.ours, { external: PEERS });
    const withPeers = await pageSize(row.ours);
    if (row.ours.includes('XcoSignup }')) phone = alone;
    const stripe = row.stripe ? (await pageSize(row.stripe)).initial : undefined;
    const paypal = row.paypal ? (await pageSize(row.paypal)).initial : undefined;
    const ratio = (peer: number | undefined) => (peer ? `${(withPeers.initial / peer).toFixed(2)}×` : '–');
    const target = row.target ? `${alone.initial <= row.target ? '✓' : '✗'} ≤ ${kB(row.target)}` : '–';
    lines.push(
      `| ${row.page} | ${kB(alone.initial)} | ${target} | ${kB(withPeers.initial)} | ${lazyText(alone.lazy)} | ` +
        `${stripe ? kB(stripe) : '–'} | ${paypal ? kB(paypal) : '–'} | ${ratio(stripe)} / ${ratio(paypal)} |`,
    );
  }
  // The first phone keystroke of the signup page loads the parser and the zone of the number (the largest here).
  const parser = phone?.lazy.find((c) => c.label === 'parse');
  const zones = phone?.lazy.filter((c) => /^zone-\d$/.test(c.label)) ?? [];
  if (parser && zones.length) {
    const worst = Math.max(...zones.map((c) => c.bytes));
    const total = parser.bytes + worst;
    lines.push(
      `| phone data on the first phone keystroke (parser + the largest zone) | ${kB(total)} | ${total <= 25000 ? '✓' : '✗'} ≤ 25.0 kB | ` +
        `${kB(total)} | – | – | – | – |`,
    );
  }
  lines.push(
    '',
    `¹ Plus ${PEERS.join(' and ')} where the page pulls them in (React itself is external everywhere). ` +
      '² Loaded later by import(), not on page load, each with what it adds: another language\'s texts (fr…), the ' +
      'phone parser (parse) on the first phone keystroke and the numbering plans of the number\'s region (phone zones), ' +
      'the signup form inside XcoAccount, the QR code. ' +
      '³ "with its peers" over the peer\'s page: Stripe and PayPal have no non-React peers.',
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await sizeTable());
