#!/usr/bin/env node
// Runs the Purse mock over HTTP for a merchant's own development or E2E:
//   npx purse-mock-server --port 4010 [--host 127.0.0.1] [--test-mode] [--print-otp]   (in this repo: npx tsx src/mock-server/cli.ts …)
// --test-mode enables /__mock/* (codes, state, faults, reset); --print-otp prints each one-time code sent.
// Prints the mock's URL on the first line, then the PURSE_* lines that point createMerchantHandler at it.
import { parseArgs } from 'node:util';
import { mockPurseEnv } from './env.ts';
import { startMockPurseServer } from './node.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'test-mode': { type: 'boolean', default: false },
    'print-otp': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer between 0 and 65535, got "${values.port}".`);
  process.exit(2);
}

const server = await startMockPurseServer({
  port,
  host: values.host,
  testMode: values['test-mode'],
  ...(values['print-otp']
    ? {
        onOtp: ({ identifier, code }) =>
          console.log(`[purse mock] code for ${identifier.email ?? identifier.phone_number}: ${code}`),
      }
    : {}),
});

console.log(server.url);
console.log(
  `[purse mock] Purse emulator at ${server.url}` +
    (values['test-mode'] ? ' (test mode: /__mock/* for codes, faults, state and reset)' : '') +
    '. Point createMerchantHandler at it with these environment lines (e.g. in .env.local):',
);
for (const [name, value] of Object.entries(mockPurseEnv(server.url))) console.log(`${name}=${value}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
