// Launch options shared by Playwright and Vitest browser mode. Debian's Chromium (or CHROMIUM_PATH) when present;
// otherwise Playwright's own browser, as installed by `npx playwright install chromium` on a machine with internet.
import { existsSync } from 'node:fs';

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumLaunch = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
