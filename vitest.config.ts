import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunch } from './chromium.ts';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'demo/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.browser.test.{ts,tsx}', 'node_modules/**'],
          setupFiles: ['src/test/setup.ts'],
          // Most tests run the real in-process stack (RS256 signing, WebCrypto, three layers per request): on 2 shared
          // cores under `npm test`'s parallel lanes, a test that takes 1 s alone can take 10. A hang still fails.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // A real redis-server for the Redis store's tests (Debian's redis-server package).
          globalSetup: ['src/test/redis-global-setup.ts'],
        },
      },
      {
        // Server render (global setup, in Node) hydrated in Chromium: no hydration mismatch in any component.
        plugins: [react()],
        test: {
          name: 'hydration',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['src/test/ssr-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunch }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        publicDir: 'public',
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunch }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
