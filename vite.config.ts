import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const externals = [
  ...Object.keys(pkg.peerDependencies),
  ...Object.keys(pkg.dependencies),
];
const isExternal = (id: string) =>
  id.startsWith('node:') || externals.some((dep) => id === dep || id.startsWith(`${dep}/`));

// The stylesheets are public entries of their own, not imported by any module: `purse-react-kit/styles.css` (every
// component) and one per component, `purse-react-kit/styles/<component>.css`: base.css then the component's file (each
// file of src/react/styles/ but base.css, with the parts/ it imports). base.css always comes first, so the cascade is the
// same in styles.css as in each page sheet (esbuild keeps the last of repeated @imports: base.css imported by each
// component file would land among them; a file of parts/ may, since no other file's rule sets a property of its
// classes: styles.test.ts). Each is shipped bundled and minified, as a page downloads it (by esbuild: Lightning CSS
// measured no smaller on styles.css).
const STYLES = resolve(import.meta.dirname, 'src/react/styles');
const bundleCss = async (contents: string, resolveDir: string) =>
  (await build({ stdin: { contents, loader: 'css', resolveDir }, bundle: true, minify: true, write: false, logLevel: 'silent' })).outputFiles[0]!
    .text;
const emitStyles = (): Plugin => ({
  name: 'purse-emit-styles',
  apply: 'build',
  async generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: await bundleCss(`@import './styles.css';`, resolve(STYLES, '..')) });
    for (const file of readdirSync(STYLES).filter((name) => name.endsWith('.css') && name !== 'base.css')) {
      this.emitFile({ type: 'asset', fileName: `styles/${file}`, source: await bundleCss(`@import './base.css';\n@import './${file}';`, STYLES) });
    }
  },
});

// React Server Components: every browser module that renders or calls hooks starts with "use client", so a Next.js
// server component can render <PurseProvider> and the components directly. Added at build time (the sources stay
// framework-neutral) and kept in dist because each module stays a file of its own (rolldown keeps directives only then).
const CLIENT_IMPORT = /^\s*import\s+(?!type\b)[^;]*?from\s+['"](?:react|react-dom|@tanstack\/react-query|react-hook-form)(?:\/[^'"]*)?['"]/m;
const isClientModule = (id: string, code: string) =>
  /[\\/]src[\\/]react[\\/]/.test(id) && (id.endsWith('.tsx') || CLIENT_IMPORT.test(code));
const clientDirective = (): Plugin => ({
  name: 'purse-use-client',
  apply: 'build',
  enforce: 'pre',
  transform(code, id) {
    if (!isClientModule(id, code) || /^\s*['"]use client['"]/.test(code)) return null;
    return { code: `'use client';\n${code}`, map: null };
  },
});

export default defineConfig({
  plugins: [clientDirective(), react(), emitStyles()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        // Browser entries: the root (every component), and one per component so a page can import only its own
        // (purse-react-kit/checkout…). A new one also goes in package.json "exports" (check-dist and the API
        // reports read that list) and gets a row in .size-limit.js and bench/sizes.ts.
        // Public parts a component loads with import() are entries of their own, `<entry>/<part>` from src/<entry>/<part>.ts
        // (signup/steps, status/details, core/problem): re-exported by the component's entry, a consumer's bundler
        // that splits code (esbuild) would put them back in the page.
        index: resolve(import.meta.dirname, 'src/index.ts'),
        checkout: resolve(import.meta.dirname, 'src/checkout.ts'),
        status: resolve(import.meta.dirname, 'src/status.ts'),
        'status/details': resolve(import.meta.dirname, 'src/status/details.ts'),
        signup: resolve(import.meta.dirname, 'src/signup.ts'),
        'signup/steps': resolve(import.meta.dirname, 'src/signup/steps.ts'),
        'customer-purse': resolve(import.meta.dirname, 'src/customer-purse.ts'),
        'xco-account': resolve(import.meta.dirname, 'src/xco-account.ts'),
        core: resolve(import.meta.dirname, 'src/core/index.ts'),
        'core/problem': resolve(import.meta.dirname, 'src/core/problem.ts'),
        server: resolve(import.meta.dirname, 'src/server/index.ts'),
        'mock-server': resolve(import.meta.dirname, 'src/mock-server/index.ts'),
        // Playwright helpers for merchants' own E2E against the mock (Node only).
        testing: resolve(import.meta.dirname, 'src/testing/index.ts'),
        // `npx purse-mock-server --port 4010 --test-mode`: the emulator for merchants' own dev and E2E.
        'mock-server-cli': resolve(import.meta.dirname, 'src/mock-server/cli.ts'),
      },
    },
    rolldownOptions: {
      external: isExternal,
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
});
