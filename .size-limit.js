// Size budgets, checked by `npm test` (size-limit: esbuild, minified, brotli). Each page entry imports exactly what
// a merchant's page imports, from the component's own entry point, with React and the other peers left out. Code
// behind import() is not part of a page: it is measured apart, as the code loads it (the phone parser with the
// largest numbering-plan zone on the first phone keystroke, another language's texts, the QR code), which is why
// this file is JavaScript: a JSON config cannot keep dynamic imports out of the page it measures.
// Production figures: esbuild with every minify option defines process.env.NODE_ENV as "production", as the bundler of
// any production page does (Vite, webpack, Next.js), so developer hints kept for development builds are not counted.
// Budgets are at most 10 % above the figures measured when they were set (bench/REPORT.md has the latest).

import { build as esbuild } from 'esbuild';
import { resolve as resolvePath } from 'node:path';
import process from 'node:process';

const PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'react-hook-form'];

/** Leaves every import() out of the bundle measured: it is downloaded later, if at all. */
const lazyImportsApart = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'lazy-imports-apart',
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      },
    },
  ],
});

/**
 * A chunk a page downloads later, by import(): measured as what it adds to the page that loads it (its own modules;
 * the peers and the modules the page already has are left out, as a consumer's bundler shares them).
 */
const laterChunk = (name, pagePath, pageNames, path, limit) => ({
  name,
  path,
  import: '*',
  ignore: PEERS,
  limit,
  modifyEsbuildConfig: (config) => {
    const apart = lazyImportsApart(config);
    let inPage = new Set();
    const pageModules = {
      name: 'page-modules-apart',
      setup(build) {
        build.onStart(async () => {
          const { metafile } = await esbuild({
            stdin: { contents: `export { ${pageNames.join(', ')} } from './${pagePath}';`, resolveDir: process.cwd() },
            bundle: true,
            write: false,
            metafile: true,
            format: 'esm',
            external: PEERS,
            plugins: lazyImportsApart({}).plugins,
          });
          inPage = new Set(Object.keys(metafile.inputs).map((input) => resolvePath(input)));
        });
        build.onResolve({ filter: /^\./ }, async ({ path: specifier, kind, resolveDir, importer, pluginData }) => {
          if (pluginData === 'in-page?') return undefined;
          const resolved = await build.resolve(specifier, { kind, resolveDir, importer, pluginData: 'in-page?' });
          return inPage.has(resolved.path) ? { path: specifier, external: true } : undefined;
        });
      },
    };
    return { ...apart, plugins: [...apart.plugins, pageModules] };
  },
});

const SIGNUP_PAGE = ['dist/signup.js', ['PurseProvider', 'XcoSignup']];

const page = (name, path, names, limit) => ({
  name,
  path,
  import: `{ ${names.join(', ')} }`,
  ignore: PEERS,
  modifyEsbuildConfig: lazyImportsApart,
  limit,
});

export default [
  page('checkout page: PurseProvider + PurseCheckout (purse-react-kit/checkout)', 'dist/checkout.js', ['PurseProvider', 'PurseCheckout'], '13.1 kB'),
  page('payment status page: PurseProvider + PaymentStatus (purse-react-kit/status)', 'dist/status.js', ['PurseProvider', 'PaymentStatus'], '11.3 kB'),
  page('signup page: PurseProvider + XcoSignup (purse-react-kit/signup)', ...SIGNUP_PAGE, '10.9 kB'),
  laterChunk('signup code step (downloaded when the signup page is idle)', ...SIGNUP_PAGE, 'dist/react/xco-signup/CodeStep.js', '1.36 kB'),
  laterChunk('signup profile step (downloaded when the signup page is idle; react-hook-form apart)', ...SIGNUP_PAGE, 'dist/react/xco-signup/ProfileStep.js', '1.95 kB'),
  laterChunk('signup linking, done and failed steps (downloaded when the signup page is idle)', ...SIGNUP_PAGE, 'dist/react/xco-signup/steps.js', '1.08 kB'),
  page(
    'all three components: PurseProvider + PurseCheckout + PaymentStatus + XcoSignup (purse-react-kit)',
    'dist/index.js',
    ['PurseProvider', 'PurseCheckout', 'PaymentStatus', 'XcoSignup'],
    '26.6 kB',
  ),
  page('deposits page: PurseProvider + CustomerPurse (purse-react-kit/customer-purse)', 'dist/customer-purse.js', ['PurseProvider', 'CustomerPurse'], '9.3 kB'),
  page('account page: PurseProvider + XcoAccount (purse-react-kit/xco-account)', 'dist/xco-account.js', ['PurseProvider', 'XcoAccount'], '7.7 kB'),
  page('drop-in loader alone: loadDropin (purse-react-kit/core)', 'dist/core.js', ['loadDropin'], '2 kB'),
  {
    name: 'phone data on the first phone keystroke: the parser and the largest zone (Europe, +3…)',
    path: ['dist/core/phone/parse.js', 'dist/core/phone/data/zone-3.js'],
    import: { 'dist/core/phone/parse.js': '{ parsePhone }', 'dist/core/phone/data/zone-3.js': '*' },
    modifyEsbuildConfig: lazyImportsApart,
    limit: '13.6 kB',
  },
  { name: 'French texts (downloaded for locale="fr")', path: 'dist/react/i18n/fr.js', import: '{ fr }', limit: '4.2 kB' },
  { name: 'QR code (qrcode.react, downloaded when a deposit address is shown)', path: 'node_modules/qrcode.react/lib/esm/index.js', import: '*', ignore: ['react'], limit: '6.2 kB' },
  {
    name: 'purse-react-kit/core (everything)',
    path: 'dist/core.js',
    import: '*',
    ignore: ['libphonenumber-js'],
    modifyEsbuildConfig: lazyImportsApart,
    limit: '17 kB',
  },
  { name: 'purse-react-kit/server', path: 'dist/server.js', import: '*', ignore: ['node:*', '@hono/node-server'], limit: '26 kB' },
  { name: 'purse-react-kit/mock-server', path: 'dist/mock-server.js', import: '*', ignore: ['node:*', '@hono/node-server'], limit: '42 kB' },
  { name: 'purse-react-kit/styles.css (minified, as shipped)', path: 'dist/styles.css', limit: '2.3 kB' },
];
