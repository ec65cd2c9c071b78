#!/usr/bin/env node
// Checks what `npm run build` put in dist/ for React Server Components and the browser/server split:
// - every module of the browser entry that imports React (or a React library) starts with "use client";
// - the browser entry (and purse-react-kit/core) never reaches server/, mock-server/ or testing/;
// - purse-react-kit/core reaches no React and no "use client" module, so server code may call it;
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

const browser = graph('index.js');
for (const [file, { code, bare }] of browser) {
  if (/^(server|mock-server|testing)[\\/]/.test(name(file))) problems.push(`the browser entry reaches ${name(file)}`);
  if (bare.some((s) => REACT.test(s)) && !isClient(code)) problems.push(`${name(file)} imports React but has no "use client"`);
}
if (![...browser.values()].some(({ code }) => isClient(code))) problems.push('no module of the browser entry has "use client"');

for (const [file, { code, bare }] of graph('core.js')) {
  if (/^(server|mock-server|testing|react)[\\/]/.test(name(file))) problems.push(`purse-react-kit/core reaches ${name(file)}`);
  if (bare.some((s) => REACT.test(s)) || isClient(code)) problems.push(`purse-react-kit/core reaches React through ${name(file)}`);
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
console.log(`dist/ check: ${browser.size} browser modules, "use client" where React is used; no server code reachable.`);
