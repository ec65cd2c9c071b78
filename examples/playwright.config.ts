// The four example stacks, each with its own Purse mock (started from the installed package's `purse-mock-server`
// bin), all started at once; one project per stack runs the shared smoke test and the stack's own checks.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { mockPurseEnv } from 'purse-react-kit/mock-server';
import { mockOrigin, ports } from './ports.mjs';

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

const mock = (port: number) => ({
  command: `npx purse-mock-server --port ${port} --test-mode`,
  url: `${mockOrigin(port)}/__mock/state`,
  reuseExistingServer: false,
  timeout: 30_000,
});
const app = (command: string, cwd: string, port: number, env: Record<string, string>) => ({
  command,
  cwd,
  // Ready when it accepts connections (the API server of vite-spa has no page at /).
  port,
  env,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'pipe' as const,
});
const stack = (mockPort: number) => ({ ...mockPurseEnv(mockOrigin(mockPort)), PURSE_MOCK_ORIGIN: mockOrigin(mockPort) });

export default defineConfig({
  testDir: '.',
  testIgnore: ['**/node_modules/**'],
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list']],
  use: { launchOptions, trace: 'retain-on-failure' },
  webServer: [
    mock(ports.next.mock),
    app(`npx next start -p ${ports.next.app} -H 127.0.0.1`, 'next-app', ports.next.app, stack(ports.next.mock)),
    mock(ports.vite.mock),
    app(`npx tsx server.ts`, 'vite-spa', ports.vite.api, { ...stack(ports.vite.mock), API_PORT: String(ports.vite.api) }),
    app(`npx vite preview --port ${ports.vite.app} --host 127.0.0.1 --strictPort`, 'vite-spa', ports.vite.app, { API_PORT: String(ports.vite.api) }),
    mock(ports.express.mock),
    app('npx tsx server.ts', 'express', ports.express.app, { ...stack(ports.express.mock), PORT: String(ports.express.app) }),
    mock(ports.hono.mock),
    app('npx tsx server.ts', 'hono', ports.hono.app, { ...stack(ports.hono.mock), PORT: String(ports.hono.app) }),
  ],
  projects: [
    { name: 'next-app', testMatch: ['smoke.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.next.app}`, mockUrl: mockOrigin(ports.next.mock) } },
    { name: 'vite-spa', testMatch: ['smoke.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.vite.app}`, mockUrl: mockOrigin(ports.vite.mock) } },
    { name: 'express', testMatch: ['smoke.spec.ts', 'express/*.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.express.app}`, mockUrl: mockOrigin(ports.express.mock) } },
    { name: 'hono', testMatch: ['smoke.spec.ts', 'hono/*.spec.ts'], use: { baseURL: `http://127.0.0.1:${ports.hono.app}`, mockUrl: mockOrigin(ports.hono.mock) } },
  ],
});
