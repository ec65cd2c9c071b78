// The hardened drop-in script loader: one script per URL per page, origin allow-list, CSP nonce, SRI, timeout, retry
// after failure, and no DOM access until called (safe to import during server rendering). Kept small on purpose: a
// page that only loads the drop-in pays for this file, the Drop-in Checkout driver and PurseKitFailure (see
// .size-limit.js). Developer messages are shorter in production builds; tests and development get the full ones.
import { PurseKitFailure } from '../errors.ts';
import { createDriver, scriptLoadFailure } from './drivers.ts';
import type { DropinDriver, DropinWindow, LoadDropinOptions } from './types.ts';

/** Purse's script CDNs (production and sandbox): the default allow-list. */
export const PURSE_SCRIPT_ORIGINS: readonly string[] = ['https://cdn.purse-secure.com', 'https://cdn.purse-sandbox.com'];

// Per document, keyed by origin + path: the globals are page-wide, so a query-string variant is the same script.
let loads = new WeakMap<Document, Map<string, Promise<DropinDriver>>>();

const noop = () => {};

const configFailure = (message: string) => new PurseKitFailure({ kind: 'config', message });

/** The origin of an absolute URL, or undefined. */
const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * Parses `url` and checks its origin against `allowedOrigins` (exact scheme, host and port). Only http(s) URLs pass;
 * plain http only when that http origin is itself listed (a local mock server). Throws a `config` PurseKitFailure.
 * Also suited to checking a hosted-page URL before navigating to it.
 */
export function checkOrigin(url: string, allowedOrigins: readonly string[], what = 'Drop-in script'): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // refused below, naming what was given
  }
  const origin = parsed?.origin;
  // The scheme itself, not the origin: a blob: URL has the origin of the page that made it.
  if (!/^https?:$/.test(parsed?.protocol as string) || !allowedOrigins.some((entry) => originOf(entry) === origin)) {
    throw configFailure(
      `${what} origin "${origin ?? url}" is not allowed` +
        (process.env.NODE_ENV !== 'production' ? ` (allowed: ${allowedOrigins.join(', ')}): add it to the allowed origins.` : ''),
    );
  }
  return parsed!;
}

/**
 * Loads a client session's drop-in script (`widget.js_url`) once per page and resolves to a driver for whichever
 * generation it defined (the Widget v3 driver's own code is downloaded then, and awaited by its `mount`). Rejects with a `PurseKitFailure`: kind `config` for a refused URL or no document, kind
 * `script_load` for a network error, a timeout or a script without its global. A failed load can be retried.
 */
export function loadDropin(jsUrl: string, options: LoadDropinOptions = {}): Promise<DropinDriver> {
  const { integrity, signal } = options;
  const doc = options.document ?? globalThis.document;
  let shared: Promise<DropinDriver>;
  try {
    const url = checkOrigin(jsUrl, options.allowedOrigins ?? PURSE_SCRIPT_ORIGINS);
    if (!doc) throw configFailure('loadDropin needs a document' + (process.env.NODE_ENV !== 'production' ? ': call it in the browser.' : ''));
    const key = url.origin + url.pathname;
    // A script already in the page with the same origin and path (`script.src` is absolute), whoever added it.
    const existing = [...doc.scripts].find((script) => script.src.split(/[?#]/)[0] === key);
    // Asked for integrity: a script in the page (loading or loaded, ours or not) without it is refused, never used.
    if (integrity && (existing?.integrity ?? integrity) !== integrity) throw configFailure(`${key} is in the page without integrity ${integrity}`);
    const cache = loads.get(doc) ?? new Map<string, Promise<DropinDriver>>();
    loads.set(doc, cache);
    shared = cache.get(key) ?? new Promise<DropinDriver>((resolve, reject) => {
      const ready = () => {
        const driver = createDriver(doc.defaultView as (Window & DropinWindow) | null, url);
        if (driver) resolve(driver);
        return driver;
      };
      if (existing && ready()) return;
      const script = existing ?? doc.createElement('script');
      const timeoutMs = options.timeoutMs ?? 15_000;
      const listening = new AbortController();
      const end = (why?: string) => {
        clearTimeout(timer);
        listening.abort();
        if (why === undefined && ready()) return;
        // A dead tag would be "reused" by the next attempt: remove it so a retry injects a fresh one.
        script.remove();
        cache.delete(key);
        reject(
          scriptLoadFailure(
            url,
            why ?? (process.env.NODE_ENV !== 'production' ? 'defined neither window.Purse nor window.UpStreamPay.' : 'defined no global.'),
          ),
        );
      };
      const timer = setTimeout(end, timeoutMs, `did not load within ${timeoutMs} ms.`);
      script.addEventListener('load', () => end(), listening);
      script.addEventListener('error', () => end(`could not be loaded${process.env.NODE_ENV !== 'production' ? ' (network or CSP)' : ''}.`), listening);
      if (existing) return;
      script.src = url.href;
      script.async = true;
      if (options.nonce) script.nonce = options.nonce;
      if (integrity) script.integrity = integrity;
      const crossOrigin = options.crossOrigin ?? (integrity && 'anonymous');
      if (crossOrigin) script.crossOrigin = crossOrigin;
      doc.head.appendChild(script);
    });
    // Observed here so a failure nobody awaits is never an unhandled rejection; callers still receive it.
    shared.catch(noop);
    cache.set(key, shared);
  } catch (failure) {
    return Promise.reject(failure);
  }
  // This caller stops waiting when its signal aborts; the shared load goes on for the others.
  return signal
    ? new Promise((resolve, reject) => {
        signal.throwIfAborted();
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort);
        void shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      })
    : shared;
}

/**
 * Adds `<link rel="preconnect">` for the origin of `target` (a URL or an origin), once per document. Pass
 * `crossOrigin` when the script will load with `integrity` (CORS), so the warmed connection is the one used.
 * A hint: does nothing without a document or for an unparsable target.
 */
export function preconnect(target: string, options: { document?: Document; crossOrigin?: 'anonymous' | 'use-credentials' } = {}): void {
  const doc = options.document ?? globalThis.document;
  const origin = originOf(target);
  const mode = options.crossOrigin;
  if (!doc || !origin || origin === 'null') return;
  for (const link of doc.querySelectorAll('link[rel="preconnect"]')) {
    if (link.getAttribute('href') === origin && link.getAttribute('crossorigin') === (mode ?? null)) return;
  }
  const link = doc.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  if (mode) link.crossOrigin = mode;
  doc.head.appendChild(link);
}

/**
 * Starts downloading a drop-in script early (e.g. while the client session is being created) so the drop-in is ready
 * in about max(session, script) time. Never rejects: a failure surfaces on the later `loadDropin` call, which can
 * retry. Does nothing on the server.
 */
export function preloadDropin(jsUrl: string, options: LoadDropinOptions = {}): void {
  if (options.document ?? globalThis.document) loadDropin(jsUrl, options).catch(noop);
}

/** Test and dev helper: forgets every load so the next `loadDropin` starts afresh. Does not remove script tags. */
export function __resetDropinCache(): void {
  loads = new WeakMap();
}
