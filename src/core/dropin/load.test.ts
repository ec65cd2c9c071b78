// The loader against a fake CDN: happy-dom really fetches the <script> (through its fetch interceptor, which stands
// in for Purse's CDN and lets each test decide when and how a request answers) and really runs the body we serve.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPurseKitFailure, type PurseKitError } from '../errors.ts';
import { fakeCdn, resetPage, type CdnRequest } from '../../test/fake-cdn.ts';
import { countingSignal } from '../../test/counting-signal.ts';
import { __resetDropinCache, loadDropin, preconnect, preloadDropin } from './index.ts';

const CDN = 'https://cdn.purse-secure.com';
const CHECKOUT_URL = `${CDN}/dropin-checkout/stable/purse.js`;
const WIDGET_URL = `${CDN}/dropin/v3-stable/purse.js`;
/** Script bodies that define each generation's global, as Purse's scripts do. */
const DEFINES_PURSE = 'window.Purse = { createDropinCheckout: function () { return Promise.resolve({}); } };';
const DEFINES_UPSTREAMPAY =
  'window.UpStreamPay = { WidgetManager: { buildForWidgetData: function () { return Promise.resolve({}); } } };';

let requests: CdnRequest[] = [];

beforeEach(() => {
  requests = fakeCdn({ hold: true }).requests;
});

afterEach(async () => {
  vi.useRealTimers();
  for (const request of requests) request.respond('');
  await settle();
  resetPage();
});

/** Lets happy-dom finish fetching and running what was answered. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const scriptTags = () => Array.from(document.querySelectorAll('script'));

async function failureOf(promise: Promise<unknown>): Promise<PurseKitError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  if (!isPurseKitFailure(error)) throw error;
  return error.error;
}

describe('origin allow-list', () => {
  it.each([
    ['plain http on a Purse host', 'http://cdn.purse-secure.com/dropin-checkout/stable/purse.js', 'http://cdn.purse-secure.com'],
    ['another host', 'https://evil.example/purse.js', 'https://evil.example'],
    ['a look-alike host', 'https://cdn.purse-secure.com.evil.example/purse.js', 'https://cdn.purse-secure.com.evil.example'],
    ['another port', 'https://cdn.purse-secure.com:8443/purse.js', 'https://cdn.purse-secure.com:8443'],
  ])('refuses %s with a config error naming the origin and the fix', async (_, url, origin) => {
    const error = await failureOf(loadDropin(url));
    expect(error.kind).toBe('config');
    expect(error.message).toContain(`"${origin}" is not allowed`);
    expect(error.message).toContain('add');
    expect(error.message).toContain('allowed origins');
    expect(scriptTags()).toHaveLength(0);
    expect(requests).toHaveLength(0);
  });

  it.each([
    'not a url',
    '/relative/purse.js',
    'javascript:alert(1)',
    'data:text/javascript,alert(1)',
    // a blob: URL carries the origin of the page that made it: the scheme itself must be http(s)
    'blob:https://cdn.purse-secure.com/8a1f0c52-4bd4-4e62-9d3e-0d6f1f0e7c11',
  ])(
    'refuses %s',
    async (url) => {
      const error = await failureOf(loadDropin(url, { allowedOrigins: [CDN, 'null'] }));
      expect(error.kind).toBe('config');
      expect(scriptTags()).toHaveLength(0);
    },
  );

  it('accepts a plain-http origin only when that exact origin is configured (a local mock server)', async () => {
    const mock = 'http://127.0.0.1:4010';
    expect((await failureOf(loadDropin(`${mock}/dropin-checkout/purse.js`))).kind).toBe('config');

    const loading = loadDropin(`${mock}/dropin-checkout/purse.js`, { allowedOrigins: [mock] });
    await settle();
    expect(requests.map((r) => r.url)).toEqual([`${mock}/dropin-checkout/purse.js`]);
    requests[0]!.respond(DEFINES_PURSE);
    await expect(loading).resolves.toMatchObject({ generation: 'dropin-checkout' });
  });

  it('uses Purse sandbox CDN by default too', async () => {
    const loading = loadDropin('https://cdn.purse-sandbox.com/dropin/latest/purse.js');
    await settle();
    requests[0]!.respond(DEFINES_UPSTREAMPAY);
    await expect(loading).resolves.toMatchObject({ generation: 'widget-v3' });
  });
});

describe('one script per URL per page', () => {
  it('gives three concurrent callers one tag, one request and one promise', async () => {
    const calls = [loadDropin(CHECKOUT_URL), loadDropin(CHECKOUT_URL), loadDropin(`${CHECKOUT_URL}?v=2`)];
    expect(calls[1]).toBe(calls[0]);
    expect(calls[2]).toBe(calls[0]);
    expect(scriptTags()).toHaveLength(1);
    await settle();
    expect(requests).toHaveLength(1);
    requests[0]!.respond(DEFINES_PURSE);
    const drivers = await Promise.all(calls);
    expect(drivers.map((d) => d.generation)).toEqual(['dropin-checkout', 'dropin-checkout', 'dropin-checkout']);

    // Later callers get the loaded script without a new request.
    await expect(loadDropin(CHECKOUT_URL)).resolves.toMatchObject({ generation: 'dropin-checkout' });
    await settle();
    expect(scriptTags()).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it('waits for a matching <script> the page already has instead of adding one', async () => {
    const own = document.createElement('script');
    own.src = `${WIDGET_URL}?cache=1`;
    own.async = true;
    document.head.appendChild(own);
    await settle();
    expect(requests).toHaveLength(1);

    const loading = loadDropin(WIDGET_URL);
    await settle();
    expect(scriptTags()).toEqual([own]);
    requests[0]!.respond(DEFINES_UPSTREAMPAY);
    await expect(loading).resolves.toMatchObject({ generation: 'widget-v3' });
    expect(requests).toHaveLength(1);
  });

  it('resolves at once from a matching <script> whose global is already defined', async () => {
    const own = document.createElement('script');
    own.src = CHECKOUT_URL;
    own.async = true;
    document.head.appendChild(own);
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    await settle();

    await expect(loadDropin(CHECKOUT_URL)).resolves.toMatchObject({ generation: 'dropin-checkout' });
    expect(scriptTags()).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it('starts the download with preloadDropin, and loadDropin then reuses it', async () => {
    preloadDropin(CHECKOUT_URL);
    expect(scriptTags()).toHaveLength(1);
    const loading = loadDropin(CHECKOUT_URL);
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    await expect(loading).resolves.toMatchObject({ generation: 'dropin-checkout' });
    expect(requests).toHaveLength(1);
  });

  it('forgets every load after __resetDropinCache', async () => {
    const first = loadDropin(CHECKOUT_URL);
    __resetDropinCache();
    expect(loadDropin(CHECKOUT_URL)).not.toBe(first);
  });
});

describe('failures', () => {
  it('rejects a network error as script_load with the URL, removes the tag, and lets a retry inject again', async () => {
    const failing = loadDropin(CHECKOUT_URL);
    await settle();
    requests[0]!.respond('Not found', 404);
    const error = await failureOf(failing);
    expect(error).toMatchObject({ kind: 'script_load', url: CHECKOUT_URL });
    expect(error.message).toContain('could not be loaded');
    expect(scriptTags()).toHaveLength(0);

    const retry = loadDropin(CHECKOUT_URL);
    expect(retry).not.toBe(failing);
    expect(scriptTags()).toHaveLength(1);
    await settle();
    expect(requests).toHaveLength(2);
    requests[1]!.respond(DEFINES_PURSE);
    await expect(retry).resolves.toMatchObject({ generation: 'dropin-checkout' });
  });

  it('rejects a script that loads without defining its global, and cleans up', async () => {
    const loading = loadDropin(WIDGET_URL);
    await settle();
    requests[0]!.respond('window.SomethingElse = {};');
    const error = await failureOf(loading);
    expect(error).toMatchObject({ kind: 'script_load', url: WIDGET_URL });
    expect(error.message).toContain('defined neither window.Purse nor window.UpStreamPay');
    expect(scriptTags()).toHaveLength(0);
  });

  it('times out clearly, removes the tag and clears the cache', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const loading = loadDropin(CHECKOUT_URL, { timeoutMs: 5000 });
    let settled = false;
    loading.then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await failureOf(loading);
    expect(error).toMatchObject({ kind: 'script_load', url: CHECKOUT_URL });
    expect(error.message).toContain('did not load within 5000 ms');
    expect(scriptTags()).toHaveLength(0);
    loadDropin(CHECKOUT_URL).catch(() => {});
    expect(scriptTags()).toHaveLength(1);
  });

  it('a timed-out script answering late neither settles nor removes the retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = loadDropin(CHECKOUT_URL, { timeoutMs: 100 });
    const [stale] = scriptTags();
    await vi.advanceTimersByTimeAsync(100);
    expect((await failureOf(first)).kind).toBe('script_load');
    const retry = loadDropin(CHECKOUT_URL);
    const [fresh] = scriptTags();
    expect(fresh).not.toBe(stale);
    // The old tag's late events (it defined no global) must not touch the retry's tag or promise.
    stale!.dispatchEvent(new Event('load'));
    stale!.dispatchEvent(new Event('error'));
    expect(scriptTags()).toEqual([fresh]);
    expect(loadDropin(CHECKOUT_URL)).toBe(retry);
    vi.useRealTimers();
    await settle();
    requests.at(-1)!.respond(DEFINES_PURSE);
    await expect(retry).resolves.toMatchObject({ generation: 'dropin-checkout' });
  });

  it('times out after 15 s by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const loading = loadDropin(CHECKOUT_URL);
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await failureOf(loading)).message).toContain('15000 ms');
  });

  it('never leaves an unhandled rejection when nobody awaits a failing load', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      preloadDropin(CHECKOUT_URL);
      void loadDropin(WIDGET_URL).catch(() => {});
      void loadDropin(WIDGET_URL);
      await settle();
      for (const request of requests) request.respond('', 500);
      await settle();
      await settle();
      expect(scriptTags()).toHaveLength(0);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('stops waiting for a caller whose signal aborts, while the shared load goes on for others', async () => {
    const controller = new AbortController();
    const aborted = loadDropin(CHECKOUT_URL, { signal: controller.signal });
    const other = loadDropin(CHECKOUT_URL);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    await expect(other).resolves.toMatchObject({ generation: 'dropin-checkout' });

    await expect(loadDropin(CHECKOUT_URL, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("lets go of a caller's signal once the load settles (a long-lived signal keeps no listener per load)", async () => {
    const { signal, live: listeners } = countingSignal();
    const loaded = loadDropin(CHECKOUT_URL, { signal });
    expect(listeners.size).toBe(1);
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    await expect(loaded).resolves.toMatchObject({ generation: 'dropin-checkout' });
    expect(listeners.size).toBe(0);
  });
});

describe('script tag attributes', () => {
  it('is async, carries the CSP nonce, and no crossorigin without integrity', () => {
    void loadDropin(CHECKOUT_URL, { nonce: 'r4nd0m' }).catch(() => {});
    const [script] = scriptTags();
    expect(script!.src).toBe(CHECKOUT_URL);
    expect(script!.async).toBe(true);
    expect(script!.nonce).toBe('r4nd0m');
    expect(script!.integrity).toBe('');
    expect(script!.getAttribute('crossorigin')).toBeNull();
    expect(script!.parentElement).toBe(document.head);
  });

  it('sets integrity with crossorigin=anonymous by default', () => {
    void loadDropin(CHECKOUT_URL, { integrity: 'sha384-abc' }).catch(() => {});
    const [script] = scriptTags();
    expect(script!.integrity).toBe('sha384-abc');
    expect(script!.getAttribute('crossorigin')).toBe('anonymous');
  });

  it('uses the crossorigin mode given', () => {
    void loadDropin(WIDGET_URL, { integrity: 'sha384-abc', crossOrigin: 'use-credentials' }).catch(() => {});
    expect(scriptTags()[0]!.getAttribute('crossorigin')).toBe('use-credentials');
  });
});

describe('integrity: a script loaded without it is never handed to a caller who asked for it', () => {
  const SRI = 'sha384-the-expected-digest';

  it('refuses to share an in-flight load made without integrity, and a finished one', async () => {
    const plain = loadDropin(CHECKOUT_URL);
    const error = await failureOf(loadDropin(CHECKOUT_URL, { integrity: SRI }));
    expect(error).toMatchObject({ kind: 'config' });
    expect(error.message).toContain(`without integrity ${SRI}`);
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    await expect(plain).resolves.toMatchObject({ generation: 'dropin-checkout' });
    expect((await failureOf(loadDropin(CHECKOUT_URL, { integrity: SRI }))).kind).toBe('config');
    expect((await failureOf(loadDropin(CHECKOUT_URL, { integrity: 'sha384-another-digest' }))).kind).toBe('config');
    expect(scriptTags()).toHaveLength(1);
  });

  it('refuses a tag already in the page without integrity (added by someone else)', async () => {
    const foreign = document.createElement('script');
    foreign.async = true;
    foreign.src = CHECKOUT_URL;
    document.head.appendChild(foreign);
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    await settle();
    expect((await failureOf(loadDropin(CHECKOUT_URL, { integrity: SRI }))).kind).toBe('config');
    expect(scriptTags()).toEqual([foreign]);
  });

  it('the other order: a load made with integrity is shared with a caller who asks for none', async () => {
    const verified = loadDropin(CHECKOUT_URL, { integrity: SRI });
    const plain = loadDropin(CHECKOUT_URL);
    expect(scriptTags().map((s) => s.integrity)).toEqual([SRI]);
    await settle();
    requests[0]!.respond(DEFINES_PURSE);
    const [a, b] = await Promise.all([verified, plain]);
    expect(b).toBe(a);
    await expect(loadDropin(CHECKOUT_URL, { integrity: SRI })).resolves.toBe(a);
  });
});

describe('preconnect', () => {
  const links = () => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]'));

  it('adds one preconnect link per origin and mode', () => {
    preconnect(CHECKOUT_URL);
    preconnect(CDN);
    expect(links().map((l) => [l.getAttribute('href'), l.getAttribute('crossorigin')])).toEqual([[CDN, null]]);
    preconnect(CHECKOUT_URL, { crossOrigin: 'anonymous' });
    preconnect(CHECKOUT_URL, { crossOrigin: 'anonymous' });
    expect(links().map((l) => [l.getAttribute('href'), l.getAttribute('crossorigin')])).toEqual([
      [CDN, null],
      [CDN, 'anonymous'],
    ]);
  });

  it('ignores what is not a URL', () => {
    preconnect('not a url');
    preconnect('data:text/plain,hi');
    expect(links()).toHaveLength(0);
  });
});
