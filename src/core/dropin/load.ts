// The hardened drop-in script loader: one script per URL per page, origin allow-list, CSP nonce, SRI, timeout, retry
// after failure, and no DOM access until called (safe to import during server rendering).
import { PurseKitFailure } from '../errors.ts';
import { createDriver } from './drivers.ts';
import type { DropinDriver, DropinWindow, LoadDropinOptions } from './types.ts';

/** Purse's script CDNs (production and sandbox): the default allow-list. */
export const PURSE_SCRIPT_ORIGINS: readonly string[] = ['https://cdn.purse-secure.com', 'https://cdn.purse-sandbox.com'];

// Per document, keyed by origin + path: the globals are page-wide, so a query-string variant is the same script.
let loads = new WeakMap<Document, Map<string, Promise<DropinDriver>>>();

const noop = () => {};

const configFailure = (message: string) => new PurseKitFailure({ kind: 'config', message });

/**
 * Parses `url` and checks its origin against `allowedOrigins` (exact scheme, host and port). Only http(s) URLs pass;
 * plain http only when that http origin is itself listed (a local mock server). Throws a `config` PurseKitFailure.
 * Also suited to checking a hosted-page URL before navigating to it.
 */
export function checkOrigin(url: string, allowedOrigins: readonly string[], what = 'Drop-in script'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw configFailure(`${what} URL "${url}" is not a valid absolute URL.`);
  }
  const { origin, protocol } = parsed;
  const allowed = allowedOrigins.some((entry) => {
    try {
      return new URL(entry).origin === origin;
    } catch {
      return false;
    }
  });
  if (!allowed || (protocol !== 'https:' && protocol !== 'http:')) {
    throw configFailure(
      `${what} origin "${origin}" is not allowed (allowed: ${allowedOrigins.join(', ')}): add it to the allowed origins.`,
    );
  }
  return parsed;
}

/**
 * Loads a client session's drop-in script (`widget.js_url`) once per page and resolves to a driver for whichever
 * generation it defined. Rejects with a `PurseKitFailure`: kind `config` for a refused URL or no document, kind
 * `script_load` for a network error, a timeout or a script without its global. A failed load can be retried.
 */
export function loadDropin(jsUrl: string, options: LoadDropinOptions = {}): Promise<DropinDriver> {
  let url: URL;
  try {
    url = checkOrigin(jsUrl, options.allowedOrigins ?? PURSE_SCRIPT_ORIGINS);
  } catch (failure) {
    return Promise.reject(failure);
  }
  const doc = options.document ?? globalThis.document;
  if (!doc) {
    return Promise.reject(configFailure('loadDropin needs a document: call it in the browser.'));
  }
  const key = url.origin + url.pathname;
  const { integrity } = options;
  // Asked for integrity: a script in the page (loading or loaded, ours or not) without it is refused, never used.
  if (integrity && (findScript(doc, key)?.integrity ?? integrity) !== integrity) {
    return Promise.reject(configFailure(`${url.href} is in the page without integrity ${integrity}`));
  }
  const cache = loads.get(doc) ?? new Map<string, Promise<DropinDriver>>();
  loads.set(doc, cache);
  let shared = cache.get(key);
  if (!shared) {
    shared = inject(doc, url, key, options, () => cache.delete(key));
    // Observed here so a failure nobody awaits is never an unhandled rejection; callers still receive it.
    shared.catch(noop);
    cache.set(key, shared);
  }
  return untilAborted(shared, options.signal);
}

function inject(doc: Document, url: URL, key: string, options: LoadDropinOptions, forget: () => void): Promise<DropinDriver> {
  return new Promise((resolve, reject) => {
    const win = doc.defaultView as (Window & DropinWindow) | null;
    const ready = () => {
      const driver = win && createDriver(win, url);
      if (driver) resolve(driver);
      return driver;
    };
    const existing = findScript(doc, key);
    if (existing && ready()) return;

    const script = existing ?? doc.createElement('script');
    const done = () => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
    };
    const fail = (why: string) => {
      done();
      // A dead tag would be "reused" by the next attempt: remove it so a retry injects a fresh one.
      script.remove();
      forget();
      reject(new PurseKitFailure({ kind: 'script_load', message: `Purse's drop-in script ${url.href} ${why}.`, url: url.href }));
    };
    const onLoad = () => {
      done();
      if (!ready()) fail('defined neither window.Purse nor window.UpStreamPay');
    };
    const onError = () => fail('could not be loaded (network or CSP)');
    const timeoutMs = options.timeoutMs ?? 15_000;
    const timer = setTimeout(() => fail(`did not load within ${timeoutMs} ms`), timeoutMs);
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    if (existing) return;

    script.src = url.href;
    script.async = true;
    if (options.nonce) script.nonce = options.nonce;
    if (options.integrity) script.integrity = options.integrity;
    const crossOrigin = options.crossOrigin ?? (options.integrity ? 'anonymous' : undefined);
    if (crossOrigin) script.crossOrigin = crossOrigin;
    doc.head.appendChild(script);
  });
}

/** A script already in the page with the same origin and path (`script.src` is absolute), whoever added it. */
function findScript(doc: Document, key: string): HTMLScriptElement | undefined {
  for (const script of doc.scripts) if (script.src.split(/[?#]/)[0] === key) return script;
  return undefined;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal
    ? new Promise((resolve, reject) => {
        signal.throwIfAborted();
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        // then(resolve, reject) never rejects, so this chain cannot leave an unhandled rejection.
        void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      })
    : promise;
}

/**
 * Adds `<link rel="preconnect">` for the origin of `target` (a URL or an origin), once per document. Pass
 * `crossOrigin` when the script will load with `integrity` (CORS), so the warmed connection is the one used.
 * A hint: does nothing without a document or for an unparsable target.
 */
export function preconnect(target: string, options: { document?: Document; crossOrigin?: 'anonymous' | 'use-credentials' } = {}): void {
  const doc = options.document ?? globalThis.document;
  let origin: string;
  try {
    origin = new URL(target).origin;
  } catch {
    return;
  }
  if (!doc || origin === 'null') return;
  for (const link of doc.querySelectorAll('link[rel="preconnect"]')) {
    if (link.getAttribute('href') === origin && link.getAttribute('crossorigin') === (options.crossOrigin ?? null)) return;
  }
  const link = doc.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  if (options.crossOrigin) link.crossOrigin = options.crossOrigin;
  doc.head.appendChild(link);
}

/**
 * Starts downloading a drop-in script early (e.g. while the client session is being created) so the drop-in is ready
 * in about max(session, script) time. Never rejects: a failure surfaces on the later `loadDropin` call, which can
 * retry. Does nothing on the server.
 */
export function preloadDropin(jsUrl: string, options: LoadDropinOptions = {}): void {
  if (!(options.document ?? globalThis.document)) return;
  loadDropin(jsUrl, options).catch(noop);
}

/** Test and dev helper: forgets every load so the next `loadDropin` starts afresh. Does not remove script tags. */
export function __resetDropinCache(): void {
  loads = new WeakMap();
}
