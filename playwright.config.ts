import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunch,
    trace: 'retain-on-failure',
  },
  webServer: {
    // The production build of the storefront: what shoppers get (and no dev-server transforms to wait for).
    command: `npx tsx demo/server.ts --port ${port} --host 127.0.0.1 --prod`,
    url: `http://127.0.0.1:${port}/healthz`,
    env: { PURSE_MOCK_RESEND_THROTTLE_MS: '3000' },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
