#!/usr/bin/env node
// Runs the Purse mock over HTTP for a merchant's own development or E2E:
//   npx purse-mock-server --port 4010 [--host 127.0.0.1] [--test-mode] [--print-otp] [--help]   (in this repo: npx tsx src/mock-server/cli.ts …)
// --test-mode enables /__mock/* (codes, state, faults, reset); --print-otp prints each one-time code sent.
// Prints the mock's URL on the first line, then the PURSE_* lines that point createMerchantHandler at it.
import { parseArgs } from 'node:util';
import { mockPurseEnv } from './env.ts';
import { startMockPurseServer } from './node.ts';

const USAGE = `Usage: purse-mock-server [--port 4010] [--host 127.0.0.1] [--test-mode] [--print-otp]
  --port       the port to listen on (0: a free one); default 4010
  --host       the address to listen on; default 127.0.0.1
  --test-mode  serve /__mock/* (one-time codes, state, faults, reset), as purse-react-kit/testing uses it
  --print-otp  print each one-time code sent
Prints the mock's URL, then the PURSE_* lines that point createMerchantHandler at it.`;

// A typo'd option gets the usage, not a stack trace.
const values = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'test-mode': { type: 'boolean', default: false },
        'print-otp': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

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
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`${values.host}:${port} is already in use (another mock still running?): stop it, or pass another --port (0 for a free one).`);
  process.exit(1);
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
