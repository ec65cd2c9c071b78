import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const externals = [
  ...Object.keys(pkg.peerDependencies),
  ...Object.keys(pkg.dependencies),
];
const isExternal = (id: string) =>
  id.startsWith('node:') || externals.some((dep) => id === dep || id.startsWith(`${dep}/`));

// The stylesheet is a public entry of its own (`purse-react-kit/styles.css`), not imported by any module.
const emitStyles = (): Plugin => ({
  name: 'purse-emit-styles',
  apply: 'build',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'styles.css',
      source: readFileSync(resolve(import.meta.dirname, 'src/react/styles.css'), 'utf8'),
    });
  },
});

export default defineConfig({
  plugins: [react(), emitStyles()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        core: resolve(import.meta.dirname, 'src/core/index.ts'),
        server: resolve(import.meta.dirname, 'src/server/index.ts'),
        'mock-server': resolve(import.meta.dirname, 'src/mock-server/index.ts'),
        // `npx purse-mock-server --port 4010 --test-mode`: the emulator for merchants' own dev and E2E.
        'mock-server-cli': resolve(import.meta.dirname, 'src/mock-server/cli.ts'),
      },
    },
    rolldownOptions: {
      external: isExternal,
    },
  },
});
