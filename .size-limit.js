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
 * the peers and the modules the page already has are left out, as a consumer's bundler shares them). "The page's
 * modules" are every module esbuild reads for it, so a chunk's figure is only honest while the page's entry does not
 * re-export the chunk's modules (hence purse-react-kit/signup/steps and /status/details, entries of their own).
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

const CHECKOUT_PAGE = ['dist/checkout.js', ['PurseProvider', 'PurseCheckout']];
const STATUS_PAGE = ['dist/status.js', ['PurseProvider', 'PaymentStatus']];
const SIGNUP_PAGE = ['dist/signup.js', ['PurseProvider', 'XcoSignup']];
const LOADER = ['dist/core.js', ['loadDropin']];

const page = (name, path, names, limit) => ({
  name,
  path,
  import: `{ ${names.join(', ')} }`,
  ignore: PEERS,
  modifyEsbuildConfig: lazyImportsApart,
  limit,
});

/**
 * A page with the chunks it asks for as soon as it renders or sends its first request (not when idle, not on a rarer
 * path): what the shopper downloads before acting, measured as one file like the page itself, so a little low (brotli
 * shares what the page and its chunks repeat; downloaded apart they weigh 3–6 % more, as bench/sizes.ts measures them).
 * Issue 10's targets are for this.
 * Each chunk with every export it has (import() loads it whole); size-limit cannot import two files' `*` at once.
 */
const atOnce = (name, [pagePath, pageNames], chunks, limit) => ({
  name,
  path: [pagePath, ...Object.keys(chunks)],
  import: { [pagePath]: `{ ${pageNames.join(', ')} }`, ...chunks },
  ignore: PEERS,
  modifyEsbuildConfig: lazyImportsApart,
  limit,
});

export default [
  page('checkout page: PurseProvider + PurseCheckout (purse-react-kit/checkout)', ...CHECKOUT_PAGE, '9.4 kB'),
  atOnce(
    'checkout page with what it downloads at once: the eligible methods list (with the skeleton) and the drop-in mount (with the session request; EMBEDDED)',
    CHECKOUT_PAGE,
    { 'dist/react/purse-checkout/methods.js': '{ MethodList, methodLabels }', 'dist/core/dropin/mount.js': '{ mountDropin }' },
    '10.2 kB',
  ),
  laterChunk('checkout panels and error words (downloaded when idle, or when a checkout step fails, expires or is cancelled)', ...CHECKOUT_PAGE, 'dist/react/purse-checkout/panels.js', '1.4 kB'),
  laterChunk("checkout's eligible methods list (downloaded when the loading skeleton first shows, beside the session request)", ...CHECKOUT_PAGE, 'dist/react/purse-checkout/methods.js', '570 B'),
  laterChunk('checkout renewal, submit and cancel effects (downloaded once the drop-in is ready, or when first asked for)', ...CHECKOUT_PAGE, 'dist/core/checkout/off-path.js', '510 B'),
  laterChunk('mapping of error answers: problem+json to PurseKitError (downloaded on the first answer that is not ok, or when idle)', ...CHECKOUT_PAGE, 'dist/core/backend/problem.js', '1.45 kB'),
  page('payment status page: PurseProvider + PaymentStatus (purse-react-kit/status)', ...STATUS_PAGE, '6.75 kB'),
  atOnce(
    'payment status page with what it downloads at once: what it shows after the answer (from the first render)',
    STATUS_PAGE,
    { 'dist/react/payment-status/outcome.js': '{ OutcomeActions, PaymentDetails, errorText, isTransient, outcomeTexts }' },
    '9.8 kB',
  ),
  laterChunk('payment status after the answer: details and timeline, the words and actions of a failure, a timeout, an error or a link not paid yet (downloaded from the first render, while the answer is awaited)', ...STATUS_PAGE, 'dist/react/payment-status/outcome.js', '3.9 kB'),
  page('signup page: PurseProvider + XcoSignup (purse-react-kit/signup)', ...SIGNUP_PAGE, '8.9 kB'),
  laterChunk('signup code step (downloaded when the signup page is idle)', ...SIGNUP_PAGE, 'dist/react/xco-signup/CodeStep.js', '2 kB'),
  laterChunk('signup profile step (downloaded when the signup page is idle; react-hook-form apart)', ...SIGNUP_PAGE, 'dist/react/xco-signup/ProfileStep.js', '3 kB'),
  laterChunk('signup linking, done and failed steps (downloaded when the signup page is idle)', ...SIGNUP_PAGE, 'dist/react/xco-signup/steps.js', '2 kB'),
  page(
    'all three components: PurseProvider + PurseCheckout + PaymentStatus + XcoSignup (purse-react-kit)',
    'dist/index.js',
    ['PurseProvider', 'PurseCheckout', 'PaymentStatus', 'XcoSignup'],
    '17.25 kB',
  ),
  page('deposits page: PurseProvider + CustomerPurse (purse-react-kit/customer-purse)', 'dist/customer-purse.js', ['PurseProvider', 'CustomerPurse'], '7.7 kB'),
  page('account page: PurseProvider + XcoAccount (purse-react-kit/xco-account)', 'dist/xco-account.js', ['PurseProvider', 'XcoAccount'], '5.75 kB'),
  {
    ...page('drop-in loader alone: loadDropin (purse-react-kit/core)', ...LOADER, '1 kB'),
    // As an ES module, as a page that splits code is built: in its default iife format esbuild adds CommonJS helpers
    // (__require, __toESM) next to a kept import(), dead code no consumer's page contains.
    modifyEsbuildConfig: (config) => ({ ...lazyImportsApart(config), format: 'esm' }),
  },
  {
    ...atOnce('drop-in loader with what it downloads at once: its mount (beside the script)', [...LOADER], { 'dist/core/dropin/mount.js': '{ mountDropin }' }, '1.5 kB'),
    modifyEsbuildConfig: (config) => ({ ...lazyImportsApart(config), format: 'esm' }),
  },
  {
    name: "drop-in driver's mount, with Drop-in Checkout's (downloaded beside the drop-in script: from a checkout's session request, or loadDropin)",
    path: 'dist/core/dropin/mount.js',
    import: '{ mountDropin }',
    // As an ES module, as the loader alone is measured: it keeps the import() of the Widget v3 half.
    modifyEsbuildConfig: (config) => ({ ...lazyImportsApart(config), format: 'esm' }),
    limit: '540 B',
  },
  {
    name: 'Widget v3 driver (downloaded when the drop-in script is the older Widget v3 generation)',
    path: 'dist/core/dropin/widget-v3.js',
    import: '{ widgetV3 }',
    limit: '460 B',
  },
  {
    // The largest zone since the metadata knows mobile numbers (zone 3, Europe, comes third: 0.8 kB less).
    name: 'phone data on the first phone keystroke: the parser and the largest zone (Asia and the Middle East, +9…)',
    path: ['dist/core/phone/parse.js', 'dist/core/phone/data/zone-9.js'],
    import: { 'dist/core/phone/parse.js': '{ parsePhone }', 'dist/core/phone/data/zone-9.js': '*' },
    modifyEsbuildConfig: lazyImportsApart,
    limit: '15.1 kB',
  },
  { name: 'French texts (downloaded for locale="fr")', path: 'dist/react/i18n/fr.js', import: '{ fr }', limit: '4.4 kB' },
  { name: 'QR code (qrcode.react, downloaded when a deposit address is shown)', path: 'node_modules/qrcode.react/lib/esm/index.js', import: '*', ignore: ['react'], limit: '6.2 kB' },
  {
    // With purse-react-kit/core/problem, the mapping of error answers request() loads later, an entry of its own.
    name: 'purse-react-kit/core (everything, with core/problem)',
    path: ['dist/core.js', 'dist/core/problem.js'],
    import: { 'dist/core.js': '*', 'dist/core/problem.js': '{ DEFAULT_RETRY_AFTER_MS, MALFORMED_BODY, parseRetryAfter, pointerToField, problemToError, toPurseKitError }' },
    ignore: ['libphonenumber-js'],
    modifyEsbuildConfig: lazyImportsApart,
    limit: '16.15 kB',
  },
  { name: 'purse-react-kit/server', path: 'dist/server.js', import: '*', ignore: ['node:*', '@hono/node-server'], limit: '31 kB' },
  { name: 'purse-react-kit/mock-server', path: 'dist/mock-server.js', import: '*', ignore: ['node:*', '@hono/node-server'], limit: '42 kB' },
  // Stylesheets as shipped (bundled, minified): every component's, and each page's own (base.css, the parts/ its
  // component uses, then its component's).
  { name: 'purse-react-kit/styles.css (minified, as shipped)', path: 'dist/styles.css', limit: '1.96 kB' },
  { name: 'checkout page stylesheet: purse-react-kit/styles/checkout.css', path: 'dist/styles/checkout.css', limit: '915 B' },
  { name: 'payment status page stylesheet: purse-react-kit/styles/status.css', path: 'dist/styles/status.css', limit: '1.28 kB' },
  { name: 'signup page stylesheet: purse-react-kit/styles/signup.css', path: 'dist/styles/signup.css', limit: '1.05 kB' },
  { name: 'deposits page stylesheet: purse-react-kit/styles/customer-purse.css', path: 'dist/styles/customer-purse.css', limit: '925 B' },
  { name: 'account page stylesheet (with the signup it may show): purse-react-kit/styles/xco-account.css', path: 'dist/styles/xco-account.css', limit: '1.09 kB' },
];
