import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
// The several-instances demo (npm run start:cluster): its own storefront, mock Purse and Redis.
const clusterPort = Number(process.env.E2E_CLUSTER_PORT ?? port + 1);
const env = { PURSE_MOCK_RESEND_THROTTLE_MS: '3000' };

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  // One worker per project (each project's tests share one mock Purse), the two projects side by side.
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    launchOptions: chromiumLaunch,
    // The storefront speaks the browser's language (locale="auto"): English unless a test says otherwise.
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'one instance', testIgnore: 'cluster/**', workers: 1, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: 'several instances', testDir: 'e2e/cluster', workers: 1, use: { baseURL: `http://127.0.0.1:${clusterPort}` } },
  ],
  webServer: [
    {
      // The production build of the storefront: what shoppers get (and no dev-server transforms to wait for).
      command: `npx tsx demo/server.ts --port ${port} --host 127.0.0.1 --prod`,
      url: `http://127.0.0.1:${port}/healthz`,
      env,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // Vite's dev server: the production build above writes one output folder, which a second build would race.
      command: `npx tsx demo/cluster.ts --port ${clusterPort} --host 127.0.0.1 --instances 3`,
      url: `http://127.0.0.1:${clusterPort}/healthz`,
      env: { ...env, PURSE_MOCK_PENDING_SETTLE_MS: '600000' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
  ],
});
