// @vitest-environment node
// The testing helpers against a real mock over real HTTP, as a merchant's Playwright suite reaches it.
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, startMockPurseServer, type MockPurseServer } from '../mock-server/index.ts';
import { createPurseClient } from '../server/index.ts';
import { connectPurseMock } from './index.ts';

let server: MockPurseServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(testMode = true) {
  server = await startMockPurseServer({ testMode });
  const purse = createPurseClient({
    ...MOCK_CREDENTIALS,
    tokenUrl: `${server.url}/oauth2/token`,
    xcoApiUrl: server.url,
    paymentApiUrl: `${server.url}/payment`,
  });
  return { mock: connectPurseMock(server.url), purse, url: server.url };
}

describe('connectPurseMock', () => {
  it('reads the latest code for an email or a phone, waiting for one that is still being sent', async () => {
    const { mock, purse } = await start();
    const pending = mock.latestCode('existing@example.com');
    await new Promise((resolve) => setTimeout(resolve, 250));
    await purse.startPasswordless({ email: 'existing@example.com' }, '203.0.113.9');
    const code = await pending;
    expect(code).toMatch(/^\d{6}$/);
    const verified = await purse.verifyPasswordless({ email: 'existing@example.com', verification_code: code }, '203.0.113.9');
    expect(verified.consent_challenge_id).toEqual(expect.any(String));

    await purse.startPasswordless({ phone_number: '+33612345678' }, '203.0.113.9');
    expect(await mock.latestCode('+33 6 12 34 56 78')).toMatch(/^\d{6}$/);
    expect(await mock.latestCode({ phone_number: '+33612345678' })).toMatch(/^\d{6}$/);
  });

  it('gives up with a clear error when no code is sent', async () => {
    const { mock } = await start();
    await expect(mock.latestCode('nobody@example.com', { timeoutMs: 300 })).rejects.toThrow(
      'No one-time code was sent to nobody@example.com within 300 ms.',
    );
  });

  it('injects a fault and latency, lists what Purse received, and resets', async () => {
    const { mock, purse } = await start();
    await mock.fault({ path: '/v1/users/exists', status: 503, times: 1 });
    await expect(purse.checkUser({ email: 'existing@example.com' }, '203.0.113.9')).rejects.toMatchObject({ status: 503 });
    expect(await purse.checkUser({ email: 'existing@example.com' }, '203.0.113.9')).toEqual({ exists: true, token_count: 2 });

    await mock.latency('/v1/users/*', 400, { times: 1 });
    const started = Date.now();
    await purse.checkUser({ email: 'existing@example.com' }, '203.0.113.9');
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);

    const state = await mock.state();
    expect(state.requests.filter((r) => r.path === '/v1/users/exists')).toHaveLength(3);
    await mock.reset();
    expect((await mock.state()).requests).toEqual([]);
  });

  it('switches the drop-in generation of new sessions', async () => {
    const { mock, purse } = await start();
    await mock.setDropinGeneration('widget-v3');
    const session = await purse.createClientSession({
      amount: 100,
      currency: 'EUR',
      order: { reference: 'o-1' },
      shopper_redirection_url: 'https://shop.test/return',
      integration_mode: 'EMBEDDED',
    } as Parameters<typeof purse.createClientSession>[0]);
    expect(session.widget?.js_url).toMatch(/\/dropin\/v3-stable\/purse\.js$/);
  });

  it('says how to fix a mock without test mode, or no mock at all', async () => {
    const { mock, url } = await start(false);
    await expect(mock.reset()).rejects.toThrow(`The Purse mock at ${url} has no /__mock/reset: start it in test mode`);
    await server!.close();
    server = undefined;
    await expect(connectPurseMock({ url }).state()).rejects.toThrow(`The Purse mock at ${url} did not answer GET /__mock/state: is it running?`);
  });
});
