// The runner over the real in-process stack (browser adapter → merchant handler → mock), with fake timers for polls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import type { ShopperDeposit } from '../backend/customer-purse.ts';
import { createCustomerPurseRunner } from './effects.ts';

const requestsTo = (stack: ReturnType<typeof createTestStack>, path: string) =>
  stack.purse.control.requests().filter((r) => r.path === `/api/v1/customer-purse/${path}`).length;

/** Real turns of the event loop (setImmediate is not faked): WebCrypto signing runs off the loop and takes real time. */
async function until(done: () => boolean) {
  for (let i = 0; i < 20_000 && !done(); i++) {
    await vi.advanceTimersByTimeAsync(0);
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(done()).toBe(true);
}
/** Lets whatever is in flight finish (a fixed number of real turns), for checks that nothing more happened. */
async function settle() {
  for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
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
    await until(() => runner.getState().status === 'ready' && runner.getState().deposits.data !== undefined);
    expect(runner.getState().deposits.data).toMatchObject({ totalElements: 12, total: 3 });

    stack.purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_ada', currency: 'BTC', amount: 0.3 });
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => runner.getState().deposits.data?.result[0]?.amount === 0.3);
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
    await until(() => runner.getState().status === 'ready' && runner.getState().deposits.data !== undefined);
    await settle();
    expect(requestsTo(stack, 'customer/get')).toBe(1);
    expect(requestsTo(stack, 'transaction/find')).toBe(1);
    runner.detach();
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    // No poll was even asked for (a POLL would have set a request key), and none reached Purse.
    expect(runner.getState().deposits.requestKey).toBeUndefined();
    expect(requestsTo(stack, 'transaction/find')).toBe(1);
  });

  it('skips polls while hidden; a failed purse load is reported and retried', async () => {
    const stack = createTestStack({ customerReference: 'cust_seed_ada' });
    let visible = false;
    const errors: string[] = [];
    stack.purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', status: 400, body: { code: 'X', message: 'no' }, times: 1 });
    const runner = createCustomerPurseRunner({ backend: stack.backend, pollIntervalMs: 1000, isVisible: () => visible, onError: (e) => errors.push(e.kind) });
    runner.attach();
    await until(() => runner.getState().status === 'failed');
    expect(errors).toEqual(['request']);
    runner.retry();
    await until(() => runner.getState().status === 'ready' && runner.getState().deposits.data !== undefined);
    await vi.advanceTimersByTimeAsync(3000);
    await settle();
    expect(runner.getState().deposits.requestKey).toBeUndefined();
    expect(requestsTo(stack, 'transaction/find')).toBe(1);
    visible = true;
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => requestsTo(stack, 'transaction/find') === 2);
  });
});
