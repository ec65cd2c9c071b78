// Playwright global setup of the docs-page check: serves the built Storybook (storybook-static/) on a free loopback
// port, so parallel runs never share or fight over a port.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export const STORYBOOK_DIR = 'storybook-static';

export default async function serveBuiltStorybook() {
  if (!existsSync(`${STORYBOOK_DIR}/index.json`)) {
    throw new Error(`No built Storybook in ${STORYBOOK_DIR}/: run \`npm run build-storybook\` first (or \`npm run test:storybook-build\`).`);
  }
  const server = createServer(sirv(STORYBOOK_DIR));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.STORYBOOK_DOCS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
