import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMockPurse, MOCK_CUSTOMER_PURSE_CREDENTIALS as KEYS } from '../index.ts';

const ADA = '5b0e6a4c-2f1d-4c8e-9a7b-3d2e1f0a9b01';
const NOW = Date.parse('2025-03-01T10:00:00Z');

function mock() {
  let clock = NOW;
  const purse = createMockPurse({ testMode: true, now: () => clock });
  /** Sends `body` (a string is sent as is) signed with `secret`, exactly as a client would. */
  const send = async (path: string, body: unknown, init: { key?: string; secret?: string; sign?: (s: string) => string; contentType?: string } = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const sign = createHmac('sha512', init.secret ?? KEYS.secretKey).update(text).digest('hex');
    const response = await purse.fetch(
      new Request(`http://calypso.test/api/v1/customer-purse/${path}`, {
        method: 'POST',
        headers: { key: init.key ?? KEYS.apiKey, sign: init.sign ? init.sign(sign) : sign, 'content-type': init.contentType ?? 'application/json' },
        body: text,
      }),
    );
    return { status: response.status, date: response.headers.get('date'), body: (await response.json()) as Record<string, unknown> };
  };
  const envelope = (payload?: unknown, timestamp = clock) => ({ account: KEYS.account, timestamp, ...(payload ? { payload } : {}) });
  return { purse, send, envelope, advance: (ms: number) => (clock += ms) };
}

describe('Customer Purse mock: who may call', () => {
  it('accepts a correctly signed request and answers with its clock in Date', async () => {
    const { send, envelope } = mock();
    const answer = await send('customer/get', envelope({ customerId: ADA }));
    expect(answer).toMatchObject({ status: 200, body: { id: ADA, externalId: 'cust_seed_ada', blocked: false } });
    expect(answer.date).toBe(new Date(NOW).toUTCString());
  });

  it('refuses an unknown key, a wrong or uppercase signature, and a body changed after signing', async () => {
    const { send, envelope } = mock();
    const body = envelope({ customerId: ADA });
    expect(await send('customer/get', body, { key: 'someone-else' })).toMatchObject({ status: 401, body: { code: 'UNKNOWN_KEY' } });
    expect(await send('customer/get', body, { secret: 'not-the-secret' })).toMatchObject({ status: 401, body: { code: 'INVALID_SIGNATURE' } });
    expect(await send('customer/get', body, { sign: (s) => s.toUpperCase() })).toMatchObject({ status: 401, body: { code: 'INVALID_SIGNATURE' } });
    // Re-serialised with other whitespace: same JSON value, other bytes, so another signature.
    const text = JSON.stringify(body);
    const signedFor = createHmac('sha512', KEYS.secretKey).update(text).digest('hex');
    expect(await send('customer/get', JSON.stringify(body, null, 1), { sign: () => signedFor })).toMatchObject({ status: 401, body: { code: 'INVALID_SIGNATURE' } });
  });

  it('refuses a timestamp more than 3 minutes away, either side, and accepts one at the edge', async () => {
    const { send, envelope } = mock();
    expect(await send('customer/get', envelope({ customerId: ADA }, NOW - 3 * 60_000 - 1))).toMatchObject({ status: 400, body: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
    expect(await send('customer/get', envelope({ customerId: ADA }, NOW + 3 * 60_000 + 1))).toMatchObject({ status: 400, body: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
    expect((await send('customer/get', envelope({ customerId: ADA }, NOW - 3 * 60_000))).status).toBe(200);
  });

  it('refuses a replayed body, and forgets it once its timestamp is out of the window anyway', async () => {
    const { send, envelope, advance } = mock();
    const body = envelope({ customerId: ADA });
    expect((await send('customer/get', body)).status).toBe(200);
    expect(await send('customer/get', body)).toMatchObject({ status: 400, body: { code: 'REPLAYED_REQUEST' } });
    advance(3 * 60_000 + 1);
    expect(await send('customer/get', body)).toMatchObject({ status: 400, body: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
  });

  it('refuses another account, a missing timestamp, a body that is not JSON and another content type', async () => {
    const { send, envelope } = mock();
    expect(await send('customer/get', { ...envelope({ customerId: ADA }), account: '0xother' })).toMatchObject({ status: 403, body: { code: 'ACCOUNT_MISMATCH' } });
    expect(await send('customer/get', { account: KEYS.account, payload: { customerId: ADA } })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await send('customer/get', 'not json')).toMatchObject({ status: 400, body: { code: 'INVALID_BODY' } });
    expect(await send('customer/get', envelope({ customerId: ADA }), { contentType: 'text/plain' })).toMatchObject({ status: 400, body: { code: 'INVALID_CONTENT_TYPE' } });
  });
});

describe('Customer Purse mock: the seeded world and its controls', () => {
  it('has a blocked customer and a customer with no address yet', async () => {
    const { send, envelope } = mock();
    const blocked = await send('customer/external/get', envelope({ externalId: 'cust_seed_blocked' }));
    expect(blocked.body).toEqual([expect.objectContaining({ blocked: true, description: 'Blocked by compliance review' })]);
    const [fresh] = (await send('customer/external/get', envelope({ externalId: 'cust_seed_new' }))).body as unknown as { id: string }[];
    expect((await send('purse/get-all', envelope({ customerId: fresh!.id }))).body).toEqual([]);
  });

  it('a deposit arrives for a customer by externalId, shows first in transaction/find, then is confirmed', async () => {
    const { purse, send, envelope } = mock();
    const deposit = await purse.fetch(
      new Request('http://calypso.test/__mock/customer-purse/deposits', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ externalId: 'cust_seed_ada', currency: 'USDT', amount: 42.5 }),
      }),
    );
    expect(deposit.status).toBe(201);
    const transaction = (await deposit.json()) as { id: string };
    const page = (await send('transaction/find', envelope({ customerId: ADA, pageSize: 1 }))).body;
    expect(page).toMatchObject({ totalElements: 13, result: [{ id: transaction.id, amount: 42.5, currency: 'USDT', transactionState: 'MEM_POOL_FOUND', complianceState: 'UNCHECKED' }] });
    purse.control.customerPurse.setTransactionState(transaction.id, 'CONFIRMED');
    expect((await send('transaction/get', envelope({ transactionId: transaction.id }))).body).toMatchObject({
      transactionState: 'CONFIRMED',
      complianceState: 'CHECKED',
      translationToAccountCompleted: true,
    });
    // The deposit went to Ada's existing Ethereum-family address.
    expect(purse.control.customerPurse.purses().filter((p) => p.customerId === ADA)).toHaveLength(2);
  });

  it('refuses a deposit for nobody, and reset brings the seeded world back', async () => {
    const { purse } = mock();
    expect(() => purse.control.customerPurse.addDeposit({ externalId: 'nobody', currency: 'BTC', amount: 1 })).toThrow(/no customer/);
    expect(() => purse.control.customerPurse.addDeposit({ customerId: ADA, currency: 'DOGE', amount: 1 })).toThrow(/currency/);
    purse.control.customerPurse.addDeposit({ customerId: ADA, currency: 'BTC', amount: 1 });
    expect(purse.control.customerPurse.transactions()).toHaveLength(15);
    purse.control.reset();
    expect(purse.control.customerPurse.transactions()).toHaveLength(14);
  });

  it('faults apply to its paths like to any other', async () => {
    const { purse, send, envelope } = mock();
    purse.control.setFault({ path: '/api/v1/customer-purse/*', status: 503, times: 1 });
    expect((await send('customer/get', envelope({ customerId: ADA }))).status).toBe(503);
    expect((await send('customer/get', envelope({ customerId: ADA }))).status).toBe(200);
  });
});
