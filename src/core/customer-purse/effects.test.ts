// The runner over the real in-process stack (browser adapter → merchant handler → mock), with fake timers for polls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import type { ShopperDeposit } from '../backend/customer-purse.ts';
import { createCustomerPurseRunner } from './effects.ts';

const requestsTo = (stack: ReturnType<typeof createTestStack>, path: string) =>
  stack.purse.control.requests().filter((r) => r.path === `/api/v1/customer-purse/${path}`).length;

async function settle() {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

describe('createCustomerPurseRunner', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('loads the addresses and the deposits once attached, then polls the shown page and announces arrivals', async () => {
    const stack = createTestStack({ customerReference: 'cust_seed_ada' });
    const arrived: ShopperDeposit[] = [];
    const runner = createCustomerPurseRunner({ backend: stack.backend, pageSize: 5, pollIntervalMs: 1000, onDeposit: (d) => arrived.push(d) });
    await settle();
    expect(requestsTo(stack, 'transaction/find')).toBe(0);
    runner.attach();
    await settle();
    const state = runner.getState();
    expect(state.status).toBe('ready');
    expect(state.deposits.data).toMatchObject({ totalElements: 12, total: 3 });

    stack.purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_ada', currency: 'BTC', amount: 0.3 });
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(runner.getState().deposits.data?.result[0]).toMatchObject({ amount: 0.3, transactionState: 'MEM_POOL_FOUND' });
    expect(arrived).toEqual([expect.objectContaining({ amount: 0.3 })]);
    expect(requestsTo(stack, 'transaction/find')).toBe(2);
  });

  it('a StrictMode detach/attach sends each request once; a real unmount stops polling', async () => {
    const stack = createTestStack({ customerReference: 'cust_seed_ada' });
    const runner = createCustomerPurseRunner({ backend: stack.backend, pollIntervalMs: 1000 });
    runner.attach();
    runner.detach();
    runner.attach();
    await settle();
    expect(requestsTo(stack, 'customer/get')).toBe(1);
    expect(requestsTo(stack, 'transaction/find')).toBe(1);
    runner.detach();
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(requestsTo(stack, 'transaction/find')).toBe(1);
  });

  it('skips polls while hidden; a failed purse load is reported and retried', async () => {
    const stack = createTestStack({ customerReference: 'cust_seed_ada' });
    let visible = false;
    const errors: string[] = [];
    stack.purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', status: 400, body: { code: 'X', message: 'no' }, times: 1 });
    const runner = createCustomerPurseRunner({ backend: stack.backend, pollIntervalMs: 1000, isVisible: () => visible, onError: (e) => errors.push(e.kind) });
    runner.attach();
    await settle();
    expect(runner.getState().status).toBe('failed');
    expect(errors).toEqual(['request']);
    runner.retry();
    await settle();
    expect(runner.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(3000);
    await settle();
    expect(requestsTo(stack, 'transaction/find')).toBe(1);
    visible = true;
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(requestsTo(stack, 'transaction/find')).toBe(2);
  });
});
