// @vitest-environment node
// `purse-mock-server` as a merchant runs it: the lines it prints are enough to point a handler at it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createMerchantHandler, purseConfigFromEnv } from '../server/index.ts';

let child: ReturnType<typeof spawn> | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

describe('purse-mock-server', () => {
  it('prints its URL, then the PURSE_* lines that configure createMerchantHandler', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/mock-server/cli.ts', '--port', '0', '--test-mode'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const env: Record<string, string> = {};
    let url = '';
    for await (const line of createInterface({ input: child.stdout! })) {
      if (!url) url = line;
      const match = /^(PURSE_[A-Z_]+)=(.*)$/.exec(line);
      if (match) env[match[1]!] = match[2]!;
      if (match?.[1] === 'PURSE_PAYMENT_API_URL') break;
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.PURSE_XCO_API_URL).toBe(url);

    const handler = createMerchantHandler({ purse: () => purseConfigFromEnv(env), resolveCustomer: () => null });
    // The seeded account, found at the mock (its saved methods are told only to the customer it is linked to).
    const response = await handler(new Request('https://shop.test/api/purse/xco/users/exists?email=existing%40example.com'));
    expect(await response.json()).toEqual({ exists: true, token_count: 0 });
    const unknown = await handler(new Request('https://shop.test/api/purse/xco/users/exists?email=nobody%40example.com'));
    expect(await unknown.json()).toEqual({ exists: false, token_count: 0 });
  });

  // These printed a Node stack trace (ERR_PARSE_ARGS_UNKNOWN_OPTION, EADDRINUSE) and no way forward.
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const cli = spawn(process.execPath, ['--import', 'tsx', 'src/mock-server/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      cli.stdout.on('data', (chunk) => (out += chunk));
      cli.stderr.on('data', (chunk) => (out += chunk));
      cli.on('close', (code) => resolve({ code, out }));
    });

  it('prints its usage for --help, and for an unknown option with the option named', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: purse-mock-server \[--port 4010\]/);
    const typo = await run(['--test_mode']);
    expect(typo.code).toBe(2);
    expect(typo.out).toContain("Unknown option '--test_mode'");
    expect(typo.out).toContain('Usage: purse-mock-server');
    expect(typo.out).not.toMatch(/\n\s+at /);
  });

  it('says which port is taken and how to pick another', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const busy = await run(['--port', String(port)]);
      expect(busy.code).toBe(1);
      expect(busy.out).toContain(`127.0.0.1:${port} is already in use`);
      expect(busy.out).toContain('--port');
      expect(busy.out).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });
});
