import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMockPurse, MOCK_CUSTOMER_PURSE_CREDENTIALS } from '../../mock-server/index.ts';
import { customerPurseConfigFromEnv } from './customer-purse-config.ts';
import { signCustomerPurseBody } from './customer-purse-sign.ts';
import { createCustomerPurseClient, type CustomerPurseClientOptions } from './customer-purse.ts';
import { isPurseApiError, type PurseApiError } from './error.ts';

const ADA = '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b01';

/** The real mock in process, every request the client sent kept as it went on the wire. */
function world(overrides: Partial<CustomerPurseClientOptions> = {}, mockClock?: () => number) {
  const purse = createMockPurse({ testMode: true, ...(mockClock ? { now: mockClock } : {}) });
  const sent: { url: string; headers: Headers; body: string }[] = [];
  const client = createCustomerPurseClient({
    ...MOCK_CUSTOMER_PURSE_CREDENTIALS,
    apiUrl: 'http://calypso.test',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, headers: request.headers, body: await request.clone().text() });
      return purse.fetch(request);
    },
    ...overrides,
  });
  return { purse, client, sent };
}

const failure = async (promise: Promise<unknown>): Promise<PurseApiError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isPurseApiError(error)) throw new Error(`expected a PurseApiError, got ${String(error)}`);
  return error;
};

describe('Customer Purse signature', () => {
  it("matches Calypso's published test vector", async () => {
    expect(await signCustomerPurseBody('b823a6b9ea72408583cef9ec8d67fa52', '{"timestamp":1}')).toBe(
      'b16e9d45f49f2069becbc4f108b237bee588cfc353fe9501df103e692acbc68d482a10d34c12bea22fedde7e28e1b8e57a6a0a373b0e9a27c5257bd8b36e13b9',
    );
  });

  it('signs the exact bytes it sends: Key, lowercase hex Sign, JSON content type, account and a ms timestamp', async () => {
    const { client, sent } = world();
    const before = Date.now();
    await client.getCustomer(ADA);
    const [request] = sent;
    expect(request!.url).toBe('http://calypso.test/api/v1/customer-purse/customer/get');
    expect(request!.headers.get('key')).toBe(MOCK_CUSTOMER_PURSE_CREDENTIALS.apiKey);
    expect(request!.headers.get('content-type')).toBe('application/json');
    const expected = createHmac('sha512', MOCK_CUSTOMER_PURSE_CREDENTIALS.secretKey).update(request!.body).digest('hex');
    expect(request!.headers.get('sign')).toBe(expected);
    const body = JSON.parse(request!.body) as { account: string; timestamp: number; payload: unknown };
    expect(body.account).toBe(MOCK_CUSTOMER_PURSE_CREDENTIALS.account);
    expect(body.payload).toEqual({ customerId: ADA });
    expect(body.timestamp).toBeGreaterThanOrEqual(before);
    expect(body.timestamp).toBeLessThanOrEqual(Date.now());
  });

  it('never sends the same body twice, even within one millisecond (the API refuses a replay)', async () => {
    const { client, sent } = world({ now: () => Date.parse('2025-03-01T10:00:00Z') }, () => Date.parse('2025-03-01T10:00:00Z'));
    await Promise.all([client.getCustomer(ADA), client.getCustomer(ADA), client.getCustomer(ADA)]);
    expect(new Set(sent.map((r) => r.body)).size).toBe(3);
  });

  it('two instances asking the same thing in the same millisecond both get their answer (one is refused as a replay, then signed anew)', async () => {
    const at = () => Date.parse('2025-03-01T10:00:00Z');
    const purse = createMockPurse({ testMode: true, now: at });
    const instance = () =>
      createCustomerPurseClient({ ...MOCK_CUSTOMER_PURSE_CREDENTIALS, apiUrl: 'http://calypso.test', now: at, fetch: (input, init) => purse.fetch(new Request(input, init)) });
    const [a, b] = [instance(), instance()];
    const [fromA, fromB] = await Promise.all([a.findCustomersByExternalId('cust_two_tabs'), b.findCustomersByExternalId('cust_two_tabs')]);
    expect(fromA).toEqual(fromB);
  });
});

describe('Customer Purse client: the ten endpoints against the mock', () => {
  it('creates, finds, reads, updates, blocks and unblocks a customer', async () => {
    const { client } = world();
    const created = await client.createCustomer({ externalId: 'cust_42', email: 'ada@example.org', description: 'VIP' });
    expect(created).toMatchObject({ externalId: 'cust_42', email: 'ada@example.org', blocked: false });
    expect(await client.findCustomersByExternalId('cust_42')).toEqual([created]);
    expect(await client.findCustomersByExternalId('cust_4')).toEqual([]);
    expect(await client.getCustomer(created.id)).toEqual(created);
    expect(await client.updateCustomer({ customerId: created.id, description: 'Regular' })).toMatchObject({ description: 'Regular', email: 'ada@example.org' });
    expect((await client.blockCustomer(created.id)).blocked).toBe(true);
    expect((await client.getCustomer(created.id)).blocked).toBe(true);
    expect((await client.unblockCustomer(created.id)).blocked).toBe(false);
  });

  it('gives one address per currency family, lists them, and pages the transactions newest first', async () => {
    const { client } = world();
    const { id } = await client.createCustomer({ externalId: 'cust_43' });
    const btc = await client.getAddress(id, 'BTC');
    expect(btc.address).toMatch(/^bc1q[a-z0-9]{38}$/);
    expect(await client.getAddress(id, 'BTC')).toEqual(btc);
    const usdt = await client.getAddress(id, 'USDT');
    expect(usdt.currencies).toEqual(['ETH', 'USDT', 'USDC']);
    expect(usdt.address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(await client.getPurses(id)).toEqual([btc, usdt]);

    const first = await client.findTransactions({ customerId: ADA, pageNumber: 0, pageSize: 5, sort: 'DESC', properties: 'createdDate' });
    expect(first).toMatchObject({ page: 0, size: 5, total: 3, totalElements: 12 });
    expect(first.result.map((t) => t.transactionState).slice(0, 2)).toEqual(['MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK']);
    const last = await client.findTransactions({ customerId: ADA, pageNumber: 2, pageSize: 5 });
    expect(last.result).toHaveLength(2);
    const declined = await client.findTransactions({ customerId: ADA, transactionStateFilter: { equals: 'DECLINED' } });
    expect(declined.result.every((t) => t.complianceState === 'DECLINE')).toBe(true);
    expect(await client.getTransaction(first.result[0]!.id)).toEqual(first.result[0]);
    expect((await client.findTransactions({ customerId: id })).totalElements).toBe(0);
  });
});

describe('Customer Purse client: failures', () => {
  it('a wrong secret key or an unknown key is an auth error naming the cause', async () => {
    const wrongSecret = await failure(world({ secretKey: '00000000000000000000000000000000' }).client.getCustomer(ADA));
    expect(wrongSecret).toMatchObject({ kind: 'auth', status: 401, problem: { code: 'INVALID_SIGNATURE' } });
    expect(wrongSecret.message).toMatch(/API key, the secret key and the account/);
    expect(await failure(world({ apiKey: 'nope' }).client.getCustomer(ADA))).toMatchObject({ kind: 'auth', problem: { code: 'UNKNOWN_KEY' } });
  });

  it("a refusal keeps the API's code and message; an unknown id is an http error", async () => {
    const error = await failure(world().client.getTransaction('123e4567-e89b-12d3-a456-426614174000'));
    expect(error).toMatchObject({ kind: 'http', status: 400, problem: { code: 'TRANSACTION_NOT_FOUND', title: 'No transaction has this id.' } });
  });

  it('learns the clock of the API from its Date header: a skewed request is signed again once, then never refused', async () => {
    const ahead = Date.now() + 10 * 60_000;
    const { client, sent } = world({}, () => ahead);
    expect((await client.getCustomer(ADA)).id).toBe(ADA);
    expect(sent).toHaveLength(2);
    expect(Math.abs(client.clockOffsetMs() - 10 * 60_000)).toBeLessThan(3_000);
    await client.getCustomer(ADA);
    expect(sent).toHaveLength(3);
  });

  it('a refusal that is not about the clock is not retried', async () => {
    const { client, sent } = world();
    await failure(client.getAddress(ADA, 'DOGE'));
    expect(sent).toHaveLength(1);
  });

  it('faults: a 500 is an http error; a body that is not JSON is invalid_response; a dropped connection is network', async () => {
    const { client, purse } = world();
    purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', status: 500, body: { code: 'INTERNAL', message: 'boom' }, times: 1 });
    expect(await failure(client.getCustomer(ADA))).toMatchObject({ kind: 'http', status: 500, problem: { code: 'INTERNAL' } });
    purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', malformed: true, times: 1 });
    expect(await failure(client.getCustomer(ADA))).toMatchObject({ kind: 'invalid_response' });
    purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', drop: true, times: 1 });
    expect(await failure(client.getCustomer(ADA))).toMatchObject({ kind: 'network', status: 0 });
  });

  it('an answer of the wrong shape is invalid_response', async () => {
    const { client, purse } = world();
    purse.control.setFault({ path: '/api/v1/customer-purse/address/get', status: 200, body: { address: 42 }, times: 1 });
    expect(await failure(client.getAddress(ADA, 'BTC'))).toMatchObject({ kind: 'invalid_response' });
  });

  it('refuses bad options and missing ids before any request', () => {
    expect(() => createCustomerPurseClient({ ...MOCK_CUSTOMER_PURSE_CREDENTIALS, apiUrl: 'calypso' })).toThrow(/apiUrl must be an absolute/);
    expect(() => createCustomerPurseClient({ apiUrl: 'https://x.test' } as CustomerPurseClientOptions)).toThrow(/apiKey, secretKey, account/);
    const { client, sent } = world();
    expect(() => client.getCustomer('')).toThrow(/customerId/);
    expect(sent).toHaveLength(0);
  });
});

describe('customerPurseConfigFromEnv', () => {
  it('null when nothing is set, the options when all are, and names what is missing otherwise', () => {
    expect(customerPurseConfigFromEnv({})).toBeNull();
    expect(customerPurseConfigFromEnv({ CALYPSO_API_URL: 'https://api.calypso.finance', CALYPSO_API_KEY: 'k', CALYPSO_SECRET_KEY: 's', CALYPSO_ACCOUNT: 'a' })).toEqual({
      apiUrl: 'https://api.calypso.finance',
      apiKey: 'k',
      secretKey: 's',
      account: 'a',
    });
    expect(() => customerPurseConfigFromEnv({ CALYPSO_API_KEY: 'k', CALYPSO_ACCOUNT: ' ' })).toThrow(
      'Incomplete Customer Purse configuration: CALYPSO_API_URL, CALYPSO_SECRET_KEY, CALYPSO_ACCOUNT are not set.',
    );
  });
});
