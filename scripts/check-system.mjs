// Run first by `npm test`: the system programs the tests need, checked up front so a missing one stops the run at once
// with the command that installs it, instead of failing minutes later with a cryptic error.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
const missing = [];

const redis = process.env.REDIS_SERVER_BIN ?? 'redis-server';
if (spawnSync(redis, ['--version'], { stdio: 'ignore' }).status !== 0) {
  missing.push({ what: `redis-server (${redis}): the Redis store tests and the several-instances E2E start one`, pkg: 'redis-server' });
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  let playwrights = '';
  try {
    playwrights = (await import('playwright')).chromium.executablePath();
  } catch {
    // playwright is not installed yet (npm install first): reported below as a missing browser
  }
  if (!playwrights || !existsSync(playwrights)) {
    missing.push({ what: `Chromium (${chromium}, or Playwright's own browser): story tests and E2E run in it`, pkg: 'chromium' });
  }
}

if (missing.length > 0) {
  console.error(`npm test needs:\n${missing.map((m) => `  - ${m.what}`).join('\n')}`);
  console.error(`Install with:\n  ${sudo}apt-get update && ${sudo}apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`);
  process.exit(1);
}
