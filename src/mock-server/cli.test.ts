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
    const response = await handler(new Request('https://shop.test/api/purse/xco/users/exists?email=existing%40example.com'));
    expect(await response.json()).toEqual({ exists: true, token_count: 2 });
  });
});
