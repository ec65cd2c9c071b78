import { describe, expect, it } from 'vitest';
import type { ShopperDeposit, ShopperDepositPage } from '../backend/customer-purse.ts';
import type { PurseKitError } from '../errors.ts';
import { complianceTone, depositTone, formatDepositAmount } from './format.ts';
import { customerPurseReducer as reduce, initialCustomerPurseState } from './machine.ts';
import type { CustomerPurseState } from './types.ts';

const deposit = (id: string): ShopperDeposit => ({
  id,
  amount: 0.5,
  currency: 'BTC',
  transactionState: 'MEM_POOL_FOUND',
  complianceState: 'UNCHECKED',
  createdDate: '2025-01-01T00:00:00Z',
});
const page = (ids: string[], n = 0, total = 3): ShopperDepositPage => ({ result: ids.map(deposit), page: n, size: 2, total, totalElements: total * 2 });
const purse = { blocked: false, addresses: [{ id: 'p1', address: 'bc1qxyz', currencies: ['BTC'], createdDate: '2025-01-01T00:00:00Z' }] };
const network: PurseKitError = { kind: 'network', message: 'offline', timeout: false };

function ready(): CustomerPurseState {
  let s = initialCustomerPurseState({ purseKey: 'p', depositsKey: 'd' }, 2);
  s = reduce(s, { type: 'PURSE_LOADED', requestKey: 'p', purse });
  return reduce(s, { type: 'DEPOSITS_LOADED', requestKey: 'd', data: page(['a', 'b']) });
}

describe('customerPurseReducer', () => {
  it('loads the addresses and the first page at once; a blocked purse is its own state', () => {
    const start = initialCustomerPurseState({ purseKey: 'p', depositsKey: 'd' }, 2);
    expect(start).toMatchObject({ status: 'loading', requestKey: 'p', deposits: { page: 0, size: 2, requestKey: 'd' } });
    expect(reduce(start, { type: 'PURSE_LOADED', requestKey: 'p', purse: { blocked: true, addresses: [] } }).status).toBe('blocked');
    expect(ready()).toMatchObject({ status: 'ready', deposits: { data: { page: 0 }, known: ['a', 'b'] }, arrived: [] });
    expect(ready().deposits.requestKey).toBeUndefined();
  });

  it('deposits of another owner (another shopper signed in) start the view again; a first page listed before the purse existed does not', () => {
    const owned = { ...purse, owner: 'cust-a' };
    let s = initialCustomerPurseState({ purseKey: 'p', depositsKey: 'd' }, 2);
    s = reduce(s, { type: 'PURSE_LOADED', requestKey: 'p', purse: owned });
    // First visit: the deposits were listed before the purse was created (no owner yet).
    s = reduce(s, { type: 'DEPOSITS_LOADED', requestKey: 'd', data: page([], 0, 0) });
    expect(s.status).toBe('ready');
    s = reduce(reduce(s, { type: 'POLL', requestKey: 'q' }), { type: 'DEPOSITS_LOADED', requestKey: 'q', data: { ...page(['a']), owner: 'cust-a' } });
    expect(s).toMatchObject({ status: 'ready', deposits: { known: ['a'] } });
    for (const owner of ['cust-b', undefined]) {
      const polled = reduce(s, { type: 'POLL', requestKey: 'r' });
      const again = reduce(polled, { type: 'DEPOSITS_LOADED', requestKey: 'r', data: { ...page(['z']), ...(owner ? { owner } : {}) } });
      expect(again).toEqual(initialCustomerPurseState({ purseKey: 'rp', depositsKey: 'rd' }, 2));
    }
  });

  it('ignores answers to requests it no longer waits for (same object back)', () => {
    const s = ready();
    expect(reduce(s, { type: 'DEPOSITS_LOADED', requestKey: 'd', data: page(['z']) })).toBe(s);
    expect(reduce(s, { type: 'PURSE_FAILED', requestKey: 'p', error: network })).toBe(s);
    const paging = reduce(s, { type: 'SHOW_PAGE', page: 1, requestKey: 'x' });
    expect(reduce(paging, { type: 'DEPOSITS_LOADED', requestKey: 'old', data: page(['c']) })).toBe(paging);
  });

  it('a poll refreshes the shown page once; a deposit new on the first page is announced, not those of other pages', () => {
    let s = reduce(ready(), { type: 'POLL', requestKey: 'q1' });
    expect(reduce(s, { type: 'POLL', requestKey: 'q2' })).toBe(s);
    s = reduce(s, { type: 'DEPOSITS_LOADED', requestKey: 'q1', data: page(['new', 'a']) });
    expect(s.arrived).toEqual(['new']);
    s = reduce(s, { type: 'SHOW_PAGE', page: 1, requestKey: 'p1' });
    expect(s.deposits).toMatchObject({ page: 1, data: { page: 0 } });
    s = reduce(s, { type: 'DEPOSITS_LOADED', requestKey: 'p1', data: page(['b', 'old'], 1) });
    expect(s.arrived).toEqual(['new']);
  });

  it('keeps pages within what exists', () => {
    const s = ready();
    expect(reduce(s, { type: 'SHOW_PAGE', page: 3, requestKey: 'x' })).toBe(s);
    expect(reduce(s, { type: 'SHOW_PAGE', page: -1, requestKey: 'x' })).toBe(s);
    expect(reduce(s, { type: 'SHOW_PAGE', page: 2, requestKey: 'x' }).deposits).toMatchObject({ page: 2, requestKey: 'x' });
  });

  it('a failed purse load is retried; failed deposits are retried, keeping what was shown', () => {
    const start = initialCustomerPurseState({ purseKey: 'p', depositsKey: 'd' }, 2);
    const failed = reduce(start, { type: 'PURSE_FAILED', requestKey: 'p', error: network });
    expect(failed).toMatchObject({ status: 'failed', error: network });
    expect(reduce(failed, { type: 'POLL', requestKey: 'q' })).toBe(failed);
    expect(reduce(failed, { type: 'RETRY', purseKey: 'p2', depositsKey: 'd2' })).toMatchObject({ status: 'loading', requestKey: 'p2', deposits: { requestKey: 'd' } });

    const polled = reduce(ready(), { type: 'POLL', requestKey: 'q' });
    const depositsFailed = reduce(polled, { type: 'DEPOSITS_FAILED', requestKey: 'q', error: network });
    expect(depositsFailed.deposits).toMatchObject({ error: network, data: { result: [{ id: 'a' }, { id: 'b' }] } });
    expect(reduce(ready(), { type: 'RETRY', purseKey: 'x', depositsKey: 'y' })).toEqual(ready());
    expect(reduce(depositsFailed, { type: 'RETRY', purseKey: 'x', depositsKey: 'y' }).deposits).toMatchObject({ requestKey: 'y' });
  });
});

describe('deposit formatting', () => {
  it("shows up to the currency's own decimals (BTC 8, USDT 6), cut, never rounded up, per locale", () => {
    // 11 decimals are more than a BTC amount has (1 satoshi = 0.00000001): the rest is cut, not rounded up.
    expect(formatDepositAmount(0.00012345678, 'BTC', 'en')).toBe('0.00012345 BTC');
    expect(formatDepositAmount(1250.5, 'USDT', 'fr')).toBe('1\u202f250,5 USDT');
    expect(formatDepositAmount(1.9999999, 'USDT', 'en')).toBe('1.999999 USDT');
    expect(formatDepositAmount(0, 'ETH', 'en')).toBe('0 ETH');
  });

  it('shows an ETH amount to its last received decimal (ETH has 18): never more than received, never 0 for dust', () => {
    // Rounded to 8 decimals, these read 0.12345679 (more than received) and 0.
    expect(formatDepositAmount(0.123456789999, 'ETH', 'en')).toBe('0.123456789999 ETH');
    expect(formatDepositAmount(1e-9, 'ETH', 'en')).toBe('0.000000001 ETH');
    expect(formatDepositAmount(2.5e-17, 'ETH', 'fr')).toBe('0,000000000000000025 ETH');
    expect(formatDepositAmount(1234.5678912345, 'ETH', 'de')).toBe('1.234,5678912345 ETH');
    // The shortest decimal the number reads back as, not its binary expansion (0.1 is 0.1000000000000000055… in binary).
    expect(formatDepositAmount(0.1, 'ETH', 'en')).toBe('0.1 ETH');
  });

  it("says an amount below the currency's smallest unit is less than it, rather than 0 or that unit", () => {
    expect(formatDepositAmount(9e-9, 'BTC', 'en')).toBe('< 0.00000001 BTC');
    expect(formatDepositAmount(4e-7, 'USDC', 'fr')).toBe('< 0,000001 USDC');
  });

  it('shows a currency it does not know at the full precision received', () => {
    expect(formatDepositAmount(0.123456789012, 'SOL', 'en')).toBe('0.123456789012 SOL');
    expect(formatDepositAmount(3e-15, 'TRX', 'it')).toBe('0,000000000000003 TRX');
  });

  it('never guesses the tone of a state it does not know', () => {
    expect(depositTone('CONFIRMED')).toBe('success');
    expect(complianceTone('DECLINE')).toBe('failure');
    expect(depositTone('REFUNDED')).toBe('unknown');
    expect(depositTone('toString')).toBe('unknown');
  });
});
