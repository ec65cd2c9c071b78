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
  it('shows up to 8 decimals with the currency code, per locale', () => {
    expect(formatDepositAmount(0.00012345678, 'BTC', 'en')).toBe('0.00012346 BTC');
    expect(formatDepositAmount(1250.5, 'USDT', 'fr')).toBe('1\u202f250,5 USDT');
  });

  it('never guesses the tone of a state it does not know', () => {
    expect(depositTone('CONFIRMED')).toBe('success');
    expect(complianceTone('DECLINE')).toBe('failure');
    expect(depositTone('REFUNDED')).toBe('unknown');
    expect(depositTone('toString')).toBe('unknown');
  });
});
