// The four example stacks, each against its own Purse mock (start-stacks.mjs); one project per stack runs the shared
// smoke test and the stack's own checks. Tests that use a mock never run beside another test of the same mock.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { mockOrigin, ports } from './ports.mjs';

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: '.',
  testIgnore: ['**/node_modules/**'],
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list']],
  use: { launchOptions, trace: 'retain-on-failure' },
  // All four stacks and their mocks, started at once by start-stacks.mjs.
  webServer: { command: 'node start-stacks.mjs', wait: { stdout: /example stacks ready/ }, timeout: 120_000, reuseExistingServer: false, stdout: 'pipe' },
  projects: [
    { name: 'next-app', testMatch: ['smoke.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.next.app}`, mockUrl: mockOrigin(ports.next.mock) } },
    { name: 'vite-spa', testMatch: ['smoke.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.vite.app}`, mockUrl: mockOrigin(ports.vite.mock) } },
    // The same stack and mock as vite-spa: after its smoke test, never beside it (each test resets the mock).
    { name: 'vite-spa helpers', dependencies: ['vite-spa'], testMatch: ['vite-spa/*.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.vite.app}`, mockUrl: mockOrigin(ports.vite.mock) } },
    { name: 'express', testMatch: ['smoke.spec.ts', 'express/*.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.express.app}`, mockUrl: mockOrigin(ports.express.mock) } },
    { name: 'hono', testMatch: ['smoke.spec.ts', 'hono/*.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.hono.app}`, mockUrl: mockOrigin(ports.hono.mock) } },
  ],
});
