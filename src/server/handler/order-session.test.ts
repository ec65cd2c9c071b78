// One payable session per order, attacked: two tabs at the same moment, a retry after a half-stored answer, a payment
// made in the order's earlier session while its new one is created.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { routes } from '../../core/backend/routes.ts';
import { createPurseClient } from '../purse/client.ts';
import { checkoutShop, purseWorld } from '../test-support.ts';
import type { FetchLike } from '../purse/transport-util.ts';
import { createMemoryStore, StoreError, type HandlerStore } from './store.ts';

const SESSIONS = '/payment/v2/client-sessions';
const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as CheckoutSession });

/** A Purse that takes a few ms to answer each call, as any real one does: the window two requests race in. */
function slowPurse() {
  const world: ReturnType<typeof purseWorld> = purseWorld({
    fetch: (async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return world.purse.fetch(new Request(input, init));
    }) as FetchLike,
  });
  return world;
}

/** Purse's sessions still open (CREATED): each one can take a payment. */
const payable = (s: { purse: ReturnType<typeof purseWorld>['purse'] }) => s.purse.control.sessions().filter((x) => x.status === 'CREATED');

describe('one payable session per order, under attack', () => {
  it('two tabs asking for the same order at the same moment: one payable session, not two', async () => {
    const s = checkoutShop({}, slowPurse());
    const answers = await Promise.all([
      s.post(routes.createSession, {}, { customer: 'cust_1' }),
      s.post(routes.createSession, {}, { customer: 'cust_1' }),
    ]);
    expect(answers.map((a) => a.status).every((status) => status === 201 || status === 200)).toBe(true);
    expect(payable(s)).toHaveLength(1);
  });

  it('three tabs at once, none payable but the last one the order remembers', async () => {
    const s = checkoutShop({}, slowPurse());
    const answers = await Promise.all([1, 2, 3].map(() => s.post(routes.createSession, {}, { customer: 'cust_1' })));
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as CheckoutSession).id));
    expect(payable(s)).toHaveLength(1);
    // The one left payable is one a tab holds, and the next visit supersedes it.
    expect(ids).toContain(payable(s)[0]!.id);
    const next = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(payable(s).map((x) => x.id)).toEqual([next.body.id]);
  });

  it('a retry after the session was created but only half remembered answers that session, still payable', async () => {
    // The store refuses one write (full, or down for a moment) right after Purse created the session: 503, the
    // browser retries with the same Idempotency-Key, Purse replays the same session.
    const world = purseWorld();
    const memory = createMemoryStore({ now: world.now });
    let failOwner = true;
    const store: HandlerStore = {
      ...memory,
      async set(key, value, ttlMs) {
        if (failOwner && key.startsWith('purse-kit:checkout:session:')) {
          failOwner = false;
          throw new StoreError('full', 'memory', 'no room');
        }
        return memory.set(key, value, ttlMs);
      },
    };
    const s = checkoutShop({ store }, world);
    const first = await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'intent-1' });
    expect(first.status).toBe(503);
    const retry = await json(await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'intent-1' }));
    expect(retry.status).toBe(201);
    expect(s.purse.control.sessions()).toHaveLength(1);
    expect(s.purse.control.sessions()[0]!.status).toBe('CREATED');
    await s.pay(retry.body);
  });

  it('a payment made in the order’s earlier session while its new one is created: the shopper gets the paid one, nothing else payable', async () => {
    // Tab A pays just as tab B asks for the order: B's handler read A's session open, then Purse took A's payment,
    // and refuses the abort. B's new session must not stay payable beside the authorized one.
    let beforeCreate: (() => Promise<void>) | undefined;
    const world = purseWorld({
      fetch: (async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname === SESSIONS && beforeCreate) {
          const run = beforeCreate;
          beforeCreate = undefined;
          await run();
        }
        return world.purse.fetch(request);
      }) as FetchLike,
    });
    const s = checkoutShop({}, world);
    const tabA = (await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body;
    beforeCreate = async () => {
      await s.pay(tabA);
    };
    const tabB = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(payable(s)).toHaveLength(0);
    expect(tabB).toMatchObject({ status: 200, body: { id: tabA.id, status: 'SUBMITTED' } });
    // And the order stays closed for the next visit.
    expect(await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).toMatchObject({ status: 200, body: { id: tabA.id } });
  });

  it('the same Idempotency-Key after the guard answered the paid session: the same answer, no Purse call', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1');
    const first = await json(await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'reload-1' }));
    const calls = s.purse.control.requests().length;
    const again = await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'reload-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(first);
    expect(first).toMatchObject({ status: 200, body: { id: session.id, status: 'SUBMITTED' } });
    expect(s.purse.control.requests()).toHaveLength(calls);
  });

  it('Purse unable to tell the payment’s outcome: a 5xx to retry, never a second session; the retry finds it paid', async () => {
    const s = checkoutShop();
    const { session, paymentId } = await s.checkout('cust_1');
    s.purse.control.setFault({ path: `/payment/v2/payments/${paymentId}`, method: 'GET', status: 503, times: 1 });
    const failed = await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'reload-2' });
    expect([502, 503, 504]).toContain(failed.status);
    expect(s.purse.control.sessions()).toHaveLength(1);
    expect(await json(await s.post(routes.createSession, {}, { customer: 'cust_1', key: 'reload-2' }))).toMatchObject({
      status: 200,
      body: { id: session.id },
    });
  });

  it('the abort of the order’s earlier session fails once (Purse 503, or its answer lost): tried again, only the new session payable', async () => {
    const s = checkoutShop();
    const first = (await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body;
    s.purse.control.setFault({ path: `${SESSIONS}/${first.id}/abort`, method: 'POST', status: 503, times: 1 });
    const second = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(second.status).toBe(201);
    expect(payable(s).map((x) => x.id)).toEqual([second.body.id]);
    expect(s.purse.control.sessions().find((x) => x.id === first.id)?.status).toBe('ABORTED_BY_MERCHANT');
  });

  it('the abort of the earlier session acted but its answer was lost: the second try carries the first one’s Idempotency-Key, answered as done', async () => {
    const aborts: { path: string; key: string | null }[] = [];
    const world: ReturnType<typeof purseWorld> = purseWorld({
      fetch: (async (input, init) => {
        const request = new Request(input, init);
        const { pathname } = new URL(request.url);
        if (request.method === 'POST' && pathname.endsWith('/abort')) aborts.push({ path: pathname, key: request.headers.get('idempotency-key') });
        return world.purse.fetch(request);
      }) as FetchLike,
    });
    const s = checkoutShop({}, world);
    const first = (await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body;
    s.purse.control.setFault({ path: `${SESSIONS}/${first.id}/abort`, method: 'POST', drop: true, after: true, times: 1 });
    const second = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(second.status).toBe(201);
    expect(payable(s).map((x) => x.id)).toEqual([second.body.id]);
    const tries = aborts.filter((a) => a.path === `${SESSIONS}/${first.id}/abort`);
    expect(tries).toHaveLength(2);
    expect(tries[0]!.key).toBeTruthy();
    expect(tries[1]!.key).toBe(tries[0]!.key);
    // Not reported as a failure: the second try was answered.
    expect(s.logs).toEqual([]);
  });

  it('the shopper cancels the earlier session just before the guard aborts it (another tab): no warning that it stays payable', async () => {
    const first: { id?: string } = {};
    const world: ReturnType<typeof purseWorld> = purseWorld({
      fetch: (async (input, init) => {
        const request = new Request(input, init);
        const guardAbort = request.method === 'POST' && new URL(request.url).pathname === `${SESSIONS}/${first.id}/abort`;
        // The shopper's cancel in the first tab lands between the guard's read of the session (open) and its abort.
        if (guardAbort && ((await request.clone().json()) as { status: string }).status === 'ABORTED_BY_MERCHANT') {
          expect((await s.post(`${routes.session}${first.id}/abort`, {}, { customer: 'cust_1' })).status).toBe(200);
        }
        return world.purse.fetch(request);
      }) as FetchLike,
    });
    const s = checkoutShop({}, world);
    first.id = (await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body.id;
    const second = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(second.status).toBe(201);
    expect(s.purse.control.sessions().find((x) => x.id === first.id)?.status).toBe('ABORTED_BY_CUSTOMER');
    expect(payable(s).map((x) => x.id)).toEqual([second.body.id]);
    // Purse refused the guard's abort (aborted already): not worth a line saying the session stays payable.
    expect(s.logs).toEqual([]);
  });

  it('Purse rate-limits the abort once (429, which asking again can change): tried again, only the new session payable', async () => {
    const s = checkoutShop();
    const first = (await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body;
    s.purse.control.setFault({ path: `${SESSIONS}/${first.id}/abort`, method: 'POST', status: 429, times: 1 });
    const second = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(payable(s).map((x) => x.id)).toEqual([second.body.id]);
  });

  it('an order paid, its cart changed (a session for the new amount), then changed back: the paid session, and the other one no longer payable', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1');
    s.orders.set('cust_1', { amount: 9999, currency: 'EUR', order: { reference: 'order-cust_1' } });
    const other = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(other).toMatchObject({ status: 201, body: { amount: 9999, status: 'CREATED' } });
    s.orders.delete('cust_1');
    const back = await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }));
    expect(back).toMatchObject({ status: 200, body: { id: session.id, status: 'SUBMITTED' } });
    // The order is paid: the session opened for the other amount (another tab may still show it) cannot be paid too.
    expect(payable(s)).toEqual([]);
  });

  it('an order paid, then asked for another amount and back, while Purse cannot read the other session: still the paid one', async () => {
    const s = checkoutShop();
    const { session } = await s.checkout('cust_1');
    s.orders.set('cust_1', { amount: 9999, currency: 'EUR', order: { reference: 'order-cust_1' } });
    const other = (await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).body;
    s.orders.delete('cust_1');
    s.purse.control.setFault({ path: `${SESSIONS}/${other.id}`, method: 'GET', status: 503, times: 1 });
    expect(await json(await s.post(routes.createSession, {}, { customer: 'cust_1' }))).toMatchObject({ status: 200, body: { id: session.id } });
  });

  describe('the order’s lock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is let go when the request fails, so the order can be paid after a Purse failure', async () => {
      const s = checkoutShop();
      s.purse.control.setFault({ path: SESSIONS, method: 'POST', status: 500, times: 1 });
      expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBeGreaterThanOrEqual(500);
      expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201);
    });

    it('is kept while its request runs longer than the lock would live (a slow Purse): no second request runs beside it', async () => {
      vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
      const world = purseWorld({ timeoutMs: 600_000 });
      // The store, counting the requests' tries to take the order's lock.
      const memory = createMemoryStore({ now: Date.now });
      let lockTries = 0;
      const store: HandlerStore = {
        ...memory,
        add: (key, value, ttlMs) => {
          if (key.includes(':order-lock:')) lockTries += 1;
          return memory.add(key, value, ttlMs);
        },
      };
      const s = checkoutShop({ store }, world);
      /** Lets the requests' real work (WebCrypto) run, the fake clock standing still, until `done` (15 s at most). */
      const settle = async (done: () => boolean) => {
        for (const end = performance.now() + 15_000; !done() && performance.now() < end; ) await new Promise((resolve) => setImmediate(resolve));
      };
      /** Moves the fake clock by `ms` in steps, letting real work run between them. */
      const pass = async (ms: number) => {
        for (let moved = 0; moved < ms; moved += 100) {
          await new Promise((resolve) => setImmediate(resolve));
          await vi.advanceTimersByTimeAsync(100);
        }
      };
      // The order's first request: Purse takes four minutes to create its session.
      s.purse.control.setFault({ path: SESSIONS, method: 'POST', latencyMs: 240_000, times: 1 });
      let first: Response | undefined;
      void s.post(routes.createSession, {}, { customer: 'cust_1' }).then((answer) => (first = answer));
      await settle(() => lockTries === 1);
      await pass(150_000);
      // A second tab, 150 s in (far past the lock's life of 20 s): it is still held, so the second waits, then gets a 503.
      let second: Response | undefined;
      void s.post(routes.createSession, {}, { customer: 'cust_1' }).then((answer) => (second = answer));
      await settle(() => lockTries > 1);
      await pass(11_000);
      await settle(() => second !== undefined);
      expect(second?.status).toBe(503);
      await pass(100_000);
      await settle(() => first !== undefined);
      expect(first?.status).toBe(201);
      expect(s.purse.control.sessions()).toHaveLength(1);
    });

    it('taken by an instance that died mid-run (its renewals stopped): the order is free 20 s later, not a minute', async () => {
      // Instance A's call to Purse does not come back until the end of the test; B's calls go through.
      let reached!: () => void;
      const reachedPurse = new Promise<void>((resolve) => (reached = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const world: ReturnType<typeof purseWorld> = purseWorld();
      const store = createMemoryStore({ now: world.now });
      const holdFirstCreate: FetchLike = async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname === SESSIONS && reached) {
          const first = reached;
          reached = undefined as never;
          first();
          await held;
        }
        return world.purse.fetch(request);
      };
      const a = checkoutShop({ store, purse: createPurseClient({ ...world.options, fetch: holdFirstCreate, timeoutMs: 120_000 }) }, world);
      const b = checkoutShop({ store }, world);
      // A's timers never fire again: it died holding the order's lock.
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const fromA = a.post(routes.createSession, {}, { customer: 'cust_1' });
      await reachedPurse;
      world.advance(20_001);
      expect((await b.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201);
      release();
      await fromA;
    });

    it('held by an instance that died: a clear 503 to retry (no session created), and the order is free once it expires', async () => {
      const world = purseWorld();
      const store = createMemoryStore({ now: world.now });
      const s = checkoutShop({ store }, world);
      await store.set('purse-kit:checkout:order-lock:c6:cust_1:order-cust_1', 'a dead instance', 60_000);
      vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
      let busy: Response | undefined;
      void s.post(routes.createSession, {}, { customer: 'cust_1' }).then((answer) => (busy = answer));
      // The request's own work (WebCrypto) is not timer-driven: let it run between the clock's steps.
      // Bounded in real time (not faked): on a busy machine the request reaches the lock after many of these steps.
      for (const end = performance.now() + 15_000; !busy && performance.now() < end; ) {
        await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(100);
      }
      if (!busy) throw new Error('no answer after 15 s of real time');
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.json()).toMatchObject({ code: 'order_busy' });
      expect(s.purse.control.sessions()).toHaveLength(0);
      vi.useRealTimers();
      world.advance(60_000);
      expect((await s.post(routes.createSession, {}, { customer: 'cust_1' })).status).toBe(201);
    });
  });
});
