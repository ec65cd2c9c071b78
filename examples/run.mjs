#!/usr/bin/env node
// `npm run test:examples`: each example installs purse-react-kit as a merchant does, from `npm pack`'s tarball, is
// built, and passes the Playwright smoke test (new-shopper signup, one card payment against the mock).
// One install for all four (an npm workspace, from the npm cache when it can), builds in parallel, one Playwright run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mockOrigin, ports } from './ports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pack = join(here, '.pack');
const started = Date.now();
const times = [];
process.on('exit', () => console.log(`examples: ${times.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`));

function run(label, command, args, options = {}) {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const stdio = options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'];
    const child = spawn(command, args, { stdio, cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    // npm install can hang with no connection open (seen on a fresh clone): a stalled step is stopped, not waited on.
    const timer = options.timeoutMs && setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      times.push(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (code === 0) return resolve(output);
      process.stderr.write(output);
      reject(new Error(`${label} failed (exit ${code}): ${command} ${args.join(' ')}`));
    });
  });
}

function forgetTarballChecksum(lockfile) {
  if (!existsSync(lockfile)) return;
  const lock = JSON.parse(readFileSync(lockfile, 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path.endsWith('node_modules/purse-react-kit')) delete entry.integrity;
  }
  writeFileSync(lockfile, `${JSON.stringify(lock, null, 2)}\n`);
}

/**
 * Before an install: the lockfile's copy of the tarball's manifest goes too, so npm reads the new tarball's
 * dependencies. Kept, it installed what an older build depended on: qrcode.react, added since, was missing and a page
 * rendering <CustomerPurse> failed to build, where a merchant's `npm install purse-react-kit` gets it.
 */
function forgetTarball(lockfile) {
  if (!existsSync(lockfile)) return;
  const lock = JSON.parse(readFileSync(lockfile, 'utf8'));
  for (const path of Object.keys(lock.packages ?? {})) {
    if (path.endsWith('node_modules/purse-react-kit')) delete lock.packages[path];
  }
  writeFileSync(lockfile, `${JSON.stringify(lock, null, 2)}\n`);
}

if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('No dist/: run `npm run build` first.');

// 1. The tarball, at a path that never changes (the examples depend on file:.pack/purse-react-kit.tgz).
rmSync(pack, { recursive: true, force: true });
mkdirSync(pack);
await run('npm pack', 'npm', ['pack', '--pack-destination', pack, '--silent'], { cwd: root });
const [tarball] = readdirSync(pack).filter((name) => name.endsWith('.tgz'));
renameSync(join(pack, tarball), join(pack, 'purse-react-kit.tgz'));

// 2. One install for the four, skipped when neither the tarball nor the manifests changed since the last one.
const stamp = join(here, 'node_modules', '.purse-examples-stamp');
const digest = createHash('sha256');
for (const file of ['.pack/purse-react-kit.tgz', 'package.json', 'package-lock.json', ...['next-app', 'vite-spa', 'express', 'hono'].map((d) => `${d}/package.json`)]) {
  if (existsSync(join(here, file))) digest.update(readFileSync(join(here, file)));
}
const fingerprint = digest.digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== fingerprint) {
  // The tarball changes with every build under the same name and version: npm would keep the copy it has, or refuse
  // the new one (EINTEGRITY). So its copy goes, and the lockfiles forget its checksum (the committed lockfile never
  // holds one; the third-party packages stay pinned by it).
  rmSync(join(here, 'node_modules', 'purse-react-kit'), { recursive: true, force: true });
  forgetTarball(join(here, 'node_modules', '.package-lock.json'));
  forgetTarball(join(here, 'package-lock.json'));
  const install = () =>
    run('npm install (examples)', 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, timeoutMs: 5 * 60_000 });
  // A second try starts from what the first one put in the npm cache.
  await install().catch((failure) => {
    console.error(`${failure.message}; installing again`);
    return install();
  });
  forgetTarballChecksum(join(here, 'package-lock.json'));
  writeFileSync(stamp, fingerprint);
} else {
  times.push('npm install (examples): skipped, unchanged');
}

// The README's quickstart, as written, type-checked against the installed package (`./shop` is the merchant's code).
function writeQuickstart() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quickstart'), readme.indexOf('## Choose your stack'));
  const blocks = [...section.matchAll(/```(tsx?)\n([\s\S]*?)```/g)];
  if (blocks.length < 2) throw new Error('README: the Quickstart section lost its code blocks.');
  // Next.js refuses a function passed from a server component to a client one: a page passing a callback is a client module.
  const needsClient = blocks.filter(([, , code]) => /\son[A-Z]\w*=\{/.test(code) && !/^(\s*\/\/.*\n)*\s*'use client';/.test(code));
  if (needsClient.length) throw new Error(`README Quickstart: a block passing a callback lacks 'use client': ${needsClient.map(([, , code]) => code.split('\n')[0]).join('; ')}`);
  const dir = join(here, '.quickstart');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  blocks.forEach(([, ext, code], i) => writeFileSync(join(dir, `block-${i + 1}.${ext}`), code));
  writeFileSync(
    join(dir, 'shop.ts'),
    'export declare function currentCustomerId(request: Request): Promise<string | null>;\n' +
      'export declare function findCart(reference: string, customer: string | null): Promise<{ id: string; totalMinor: number } | null>;\n' +
      'export declare function verifiedEmailOf(request: Request): Promise<string | null>;\n',
  );
  // What the merchant's bundler declares for stylesheet imports (vite/client, next-env.d.ts).
  writeFileSync(join(dir, 'css.d.ts'), "declare module '*.css';\n");
  const compilerOptions = { strict: true, noEmit: true, jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2023', 'dom'], types: ['node'], skipLibCheck: true, noUnusedLocals: true, noUnusedParameters: true };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts', '*.tsx'] }));
  return dir;
}

// 3. Builds, in parallel (the SPA is also the storefront the express and hono examples serve, against their mocks). `next build` gets no PURSE_* variable: the handler must not need them before a request.
const noPurseEnv = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('PURSE_')).map((k) => [k, '']));
const builds = await Promise.allSettled([
  run('next build', 'npm', ['run', 'build'], { cwd: join(here, 'next-app'), env: { ...noPurseEnv, NEXT_TELEMETRY_DISABLED: '1' } }),
  run('vite-spa build', 'npm', ['run', 'build'], { cwd: join(here, 'vite-spa'), env: { VITE_PURSE_MOCK_ORIGINS: [ports.vite, ports.express, ports.hono].map((p) => mockOrigin(p.mock)).join(',') } }),
  run('express typecheck', 'npm', ['run', 'build'], { cwd: join(here, 'express') }),
  run('hono typecheck', 'npm', ['run', 'build'], { cwd: join(here, 'hono') }),
  run('README quickstart typecheck', 'npx', ['tsc', '-p', writeQuickstart()], { cwd: here }),
]);
// Every build is waited for, so none is left running when one fails.
const failed = builds.filter((b) => b.status === 'rejected');
if (failed.length) throw new AggregateError(failed.map((b) => b.reason), failed.map((b) => b.reason.message).join('; '));

// 4. The smoke tests, every stack against its own mock.
await run('playwright (examples)', 'npx', ['playwright', 'test'], { cwd: here, env: { CI: '1' }, inherit: true });
