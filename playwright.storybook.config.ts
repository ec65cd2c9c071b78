// The docs pages of the built Storybook (npm run test:storybook-build builds it, then runs this).
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './chromium.ts';

export default defineConfig({
  testDir: 'stories/built',
  // Not test-results/: the E2E run, beside it in npm test, empties that folder when it starts.
  outputDir: 'test-results-storybook',
  globalSetup: './stories/built/serve.ts',
  // A docs page's first load compiles the whole Storybook bundle (1.1 MB) while npm test's other lanes hold both
  // cores: 5 s (Playwright's default) was not enough in CI. A page that never renders still fails.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: { launchOptions: chromiumLaunch, locale: 'en-US', trace: 'retain-on-failure' },
});
