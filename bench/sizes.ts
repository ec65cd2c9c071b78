// Bundle sizes as a consumer's page pulls them in, side by side with the peers' equivalents, all built here with the
// same settings: esbuild, minified, ES modules with code splitting, React external, brotli quality 11. A page's
// figure is its entry chunk plus every chunk it imports statically; chunks behind a dynamic import() (the phone
// metadata, a locale's messages…) are listed apart, as the code loads them later. Nothing is installed at run time:
// the peers are dev dependencies. Usage: npm run build && npx tsx bench/sizes.ts (also part of npm run bench).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

export interface PageSize {
  /** Entry chunk plus its static imports, brotli bytes. */
  initial: number;
  /** Chunks reached only through import(), brotli bytes each. */
  lazy: number[];
}

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
  // Dynamic import() targets are entry points too: the page's own is the one built from stdin.
  const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint === '<stdin>')!;
  const staticSet = new Set<string>();
  const visit = (path: string) => {
    if (staticSet.has(path)) return;
    staticSet.add(path);
    for (const i of outputs[path]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  const sizeOf = (p: string) => size.get(resolve('/', p))!;
  const initial = [...staticSet].reduce((sum, p) => sum + sizeOf(p), 0);
  const lazy = Object.keys(outputs).filter((p) => !staticSet.has(p) && p.endsWith('.js')).map(sizeOf);
  return { initial, lazy };
}

export interface Row {
  page: string;
  ours: string;
  /** The page can load chunks later (phone metadata…): list them. */
  lazy?: boolean;
  stripe?: string;
  paypal?: string;
}

/** The pages compared. `ours` imports exactly what a merchant's page imports. */
export const ROWS: Row[] = [
  {
    page: 'checkout page (provider + checkout component)',
    ours: `export { PurseProvider, PurseCheckout } from 'purse-react-kit';`,
    stripe: `export { Elements, PaymentElement } from '@stripe/react-stripe-js'; export { loadStripe } from '@stripe/stripe-js';`,
    paypal: `export { PayPalScriptProvider, PayPalButtons } from '@paypal/react-paypal-js';`,
  },
  { page: 'payment status page (provider + status)', ours: `export { PurseProvider, PaymentStatus } from 'purse-react-kit';` },
  { page: 'signup page (provider + XCO signup)', ours: `export { PurseProvider, XcoSignup } from 'purse-react-kit';`, lazy: true },
  {
    page: 'all three components',
    ours: `export { PurseProvider, PurseCheckout, PaymentStatus, XcoSignup } from 'purse-react-kit';`,
    lazy: true,
  },
  {
    page: 'script loader alone',
    ours: `export { loadDropin } from 'purse-react-kit/core';`,
    stripe: `export { loadStripe } from '@stripe/stripe-js';`,
    paypal: `export { loadScript } from '@paypal/paypal-js';`,
  },
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function sizeTable(): Promise<string> {
  const lines = [
    '| page | purse-react-kit | with its peers¹ | lazy chunks² | Stripe | PayPal | ratio to Stripe / PayPal³ |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of ROWS) {
    const alone = await pageSize(row.ours, { external: PEERS });
    const withPeers = await pageSize(row.ours);
    const stripe = row.stripe ? (await pageSize(row.stripe)).initial : undefined;
    const paypal = row.paypal ? (await pageSize(row.paypal)).initial : undefined;
    const ratio = (peer: number | undefined) => (peer ? `${(withPeers.initial / peer).toFixed(2)}×` : '–');
    lines.push(
      `| ${row.page} | ${kB(alone.initial)} | ${kB(withPeers.initial)} | ${(row.lazy && alone.lazy.map(kB).join(', ')) || '–'} | ` +
        `${stripe ? kB(stripe) : '–'} | ${paypal ? kB(paypal) : '–'} | ${ratio(stripe)} / ${ratio(paypal)} |`,
    );
  }
  lines.push(
    '',
    `¹ Plus ${PEERS.join(' and ')} where the page pulls them in (React itself is external everywhere). ` +
      '² Loaded later by import() (phone metadata, messages of another locale…), not on page load. ' +
      '³ "with its peers" over the peer\'s page: Stripe and PayPal have no non-React peers.',
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await sizeTable());
