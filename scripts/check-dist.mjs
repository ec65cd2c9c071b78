#!/usr/bin/env node
// Checks what `npm run build` put in dist/ for React Server Components and the browser/server split:
// - every module of the browser entries (the root and each component's, from package.json "exports") that imports
//   React (or a React library) starts with "use client";
// - the browser entries (and purse-react-kit/core) never reach server/, mock-server/ or testing/;
// - purse-react-kit/core (and core/problem) reaches no React and no "use client" module, so server code may call it;
// - server, mock-server and testing reach no React either (a server-only install has none).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const IMPORT = /(?:^|[;\n])\s*(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const REACT = /^(react|react-dom|@tanstack\/react-query|react-hook-form)(\/|$)/;

/** Every module reachable from `entry`, with its bare (package) imports. */
function graph(entry) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    const code = readFileSync(file, 'utf8');
    const bare = [];
    seen.set(file, { code, bare });
    for (const match of code.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else bare.push(specifier);
    }
  };
  visit(join(dist, entry));
  return seen;
}

const problems = [];
const name = (file) => relative(dist, file);
const isClient = (code) => /^(?:#![^\n]*\n)?\s*['"]use client['"]/.test(code);

const pkg = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8'));
/** The JavaScript entries of package.json "exports" whose key passes `keep`, as paths inside dist/. */
const entriesOf = (keep) =>
  Object.entries(pkg.exports)
    .filter(([key, target]) => typeof target === 'object' && keep(key))
    .map(([, target]) => relative(dist, resolve(dist, '..', target.default)));
// purse-react-kit/core and its parts (core/problem) are framework-free, checked apart below.
const isCore = (key) => key === './core' || key.startsWith('./core/');
const NOT_BROWSER = new Set(['./server', './mock-server', './testing']);
const browserEntries = entriesOf((key) => !NOT_BROWSER.has(key) && !isCore(key));
const coreEntries = entriesOf(isCore);
const browser = new Map();
for (const entry of browserEntries) {
  const modules = graph(entry);
  for (const [file, { code, bare }] of modules) {
    if (/^(server|mock-server|testing)[\\/]/.test(name(file))) problems.push(`the browser entry ${entry} reaches ${name(file)}`);
    if (bare.some((s) => REACT.test(s)) && !isClient(code)) problems.push(`${name(file)} imports React but has no "use client"`);
    browser.set(file, modules.get(file));
  }
  if (![...modules.values()].some(({ code }) => isClient(code))) problems.push(`no module of ${entry} has "use client"`);
}

// A component's own entries (its page's, and its parts': signup/steps…) reach none of the other components' code (nor
// their libraries): a checkout page downloads no signup code. An entry not listed here is only held to the rules above.
const COMPONENTS = {
  checkout: { entries: ['checkout.js'], dirs: ['react/purse-checkout/', 'core/checkout/'], libs: [] },
  status: { entries: ['status.js', 'status/details.js'], dirs: ['react/payment-status/', 'core/status/'], libs: [] },
  signup: {
    entries: ['signup.js', 'signup/steps.js'],
    dirs: ['react/xco-signup/', 'core/signup/', 'core/phone/'],
    libs: ['react-hook-form', 'libphonenumber-js'],
  },
  'customer-purse': { entries: ['customer-purse.js'], dirs: ['react/customer-purse/', 'core/customer-purse/'], libs: ['qrcode.react'] },
};
for (const [component, own] of Object.entries(COMPONENTS)) {
  const others = Object.entries(COMPONENTS).filter(([other]) => other !== component).map(([, c]) => c);
  const dirs = others.flatMap((c) => c.dirs);
  const libs = others.flatMap((c) => c.libs).filter((lib) => !own.libs.includes(lib));
  for (const entry of own.entries.filter((e) => browserEntries.includes(e))) {
    for (const [file, { bare }] of graph(entry)) {
      const reached = dirs.find((dir) => name(file).replaceAll('\\', '/').startsWith(dir));
      if (reached) problems.push(`${entry} reaches another component's ${name(file)}`);
      for (const lib of libs) if (bare.some((s) => s === lib || s.startsWith(`${lib}/`))) problems.push(`${entry} reaches ${lib} through ${name(file)}`);
    }
  }
}

for (const entry of coreEntries) {
  for (const [file, { code, bare }] of graph(entry)) {
    if (/^(server|mock-server|testing|react)[\\/]/.test(name(file))) problems.push(`${entry} reaches ${name(file)}`);
    if (bare.some((s) => REACT.test(s)) || isClient(code)) problems.push(`${entry} reaches React through ${name(file)}`);
  }
}

// Server-only installs have no React: the server, the mock and the testing helpers must not reach it.
for (const entry of ['server.js', 'mock-server.js', 'mock-server-cli.js', 'testing.js']) {
  for (const [file, { code, bare }] of graph(entry)) {
    if (bare.some((s) => REACT.test(s)) || isClient(code)) problems.push(`${entry} reaches React through ${name(file)}`);
  }
}

if (problems.length) {
  console.error(`dist/ check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `dist/ check: ${browserEntries.join(', ')}: ${browser.size} browser modules, "use client" where React is used; no server code reachable.`,
);
