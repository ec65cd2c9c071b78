// The hardened drop-in script loader: one script per URL per page, origin allow-list, CSP nonce, SRI, timeout, retry
// after failure, and no DOM access until called (safe to import during server rendering). Kept small on purpose: a
// page that only loads the drop-in pays for this file, the Drop-in Checkout driver and PurseKitFailure (see
// .size-limit.js). Developer messages are shorter in production builds; tests and development get the full ones.
import { PurseKitFailure } from '../errors.ts';
import { abortable } from '../backend/retry.ts';
import { createDriver, noop, preloadMount, scriptLoadFailure } from './drivers.ts';
import type { DropinDriver, DropinWindow, LoadDropinOptions } from './types.ts';

/** Purse's script CDNs (production and sandbox): the default allow-list. */
export const PURSE_SCRIPT_ORIGINS: readonly string[] = ['https://cdn.purse-secure.com', 'https://cdn.purse-sandbox.com'];

// Each load is kept on its script tag (`purseLoad`): a tag found in the page is the load to share, and a failed load
// removes its tag, so a retry (or a component mounted later) injects a fresh one. Query-string variants are the same
// script (the globals are page-wide): tags are matched by origin and path.
type Tag = HTMLScriptElement & { purseLoad?: Promise<DropinDriver> };

/** A `config` PurseKitFailure: a URL, a page or a session the loader (or the checkout) cannot use. */
export const configFailure = (message: string) => new PurseKitFailure({ kind: 'config', message });

/** An absolute URL parsed, or undefined. */
const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    // not an absolute URL
  }
};

/**
 * Parses `url` and checks its origin against `allowedOrigins` (exact scheme, host and port). Only http(s) URLs pass;
 * plain http only when that http origin is itself listed (a local mock server). Throws a `config` PurseKitFailure.
 * Also suited to checking a hosted-page URL before navigating to it.
 */
export function checkOrigin(
  url: string,
  allowedOrigins: readonly string[],
  what = process.env.NODE_ENV !== 'production' ? 'Drop-in script' : 'Script',
): URL {
  const parsed = parse(url);
  const origin = parsed?.origin;
  // The scheme itself, not the origin: a blob: URL has the origin of the page that made it.
  if (/^https?:$/.test(parsed?.protocol as string) && allowedOrigins.some((entry) => parse(entry)?.origin === origin)) return parsed!;
  throw configFailure(
    `${what} origin "${origin ?? url}" is not allowed` + (process.env.NODE_ENV !== 'production' ? ` (allowed: ${allowedOrigins.join(', ')}): add it to the allowed origins.` : ''),
  );
}

/**
 * Loads a client session's drop-in script (`widget.js_url`) once per page and resolves to a driver for whichever
 * generation it defined (the Widget v3 driver's own code is downloaded then, and awaited by its `mount`). Rejects with a `PurseKitFailure`: kind `config` for a refused URL or no document, kind
 * `script_load` for a network error, a timeout or a script without its global. A failed load can be retried.
 */
export function loadDropin(jsUrl: string, options: LoadDropinOptions = {}): Promise<DropinDriver> {
  const { integrity, signal } = options;
  const doc = options.document ?? globalThis.document;
  try {
    const url = checkOrigin(jsUrl, options.allowedOrigins ?? PURSE_SCRIPT_ORIGINS);
    if (!doc) throw configFailure(process.env.NODE_ENV !== 'production' ? 'loadDropin needs a document: call it in the browser.' : 'no document');
    const key = url.origin + url.pathname;
    // A script already in the page with the same origin and path (`script.src` is absolute), whoever added it.
    const existing: Tag | undefined = [...doc.scripts].find((script) => script.src.split(/[?#]/)[0] === key);
    // Asked for integrity: a script in the page (loading or loaded, ours or not) without it is refused, never used.
    if (integrity && (existing?.integrity ?? integrity) !== integrity) throw configFailure(`${key} ${process.env.NODE_ENV !== 'production' ? 'is in the page without' : 'lacks'} integrity ${integrity}`);
    const win = doc.defaultView as (Window & DropinWindow) | null;
    let shared = existing?.purseLoad;
    if (!shared) {
      // The driver's mount (mount.ts) comes beside the script, not after it.
      preloadMount();
      const script = existing ?? doc.createElement('script');
      shared = new Promise<DropinDriver>((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? 15_000;
        // Without `why` the script ran: its global decides. Settles once: a late event finds the promise settled and
        // its tag removed already.
        const end = (why?: string) => {
          const driver = !why && createDriver(win, url);
          clearTimeout(timer);
          if (driver) return resolve(driver);
          // A dead tag would be "reused" by the next attempt: remove it so a retry injects a fresh one.
          script.remove();
          reject(scriptLoadFailure(url, why ?? (process.env.NODE_ENV !== 'production' ? 'defined neither window.Purse nor window.UpStreamPay.' : 'defined no global.')));
        };
        const timer = setTimeout(end, timeoutMs, `did not load within ${timeoutMs} ms.`);
        script.addEventListener('load', () => end());
        script.addEventListener('error', () => end(`could not be loaded${process.env.NODE_ENV !== 'production' ? ' (network or CSP)' : ''}.`));
        if (existing) {
          // A tag someone else added: its global may be there already, else its load event decides.
          if (createDriver(win, url)) end();
          return;
        }
        script.src = url.href;
        script.async = true;
        if (options.nonce) script.nonce = options.nonce;
        if (integrity) script.integrity = integrity;
        if (options.crossOrigin || integrity) script.crossOrigin = options.crossOrigin ?? 'anonymous';
        doc.head.append(script);
      });
      (script as Tag).purseLoad = shared;
      // Observed here so a failure nobody awaits is never an unhandled rejection; callers still receive it.
      shared.catch(noop);
    }
    signal?.throwIfAborted();
    // This caller stops waiting when its signal aborts; the shared load goes on for the others. The listener goes
    // with the load, so a long-lived signal does not keep every settled load alive.
    return abortable(shared, signal);
  } catch (failure) {
    return Promise.reject(failure);
  }
}

/**
 * Adds `<link rel="preconnect">` for the origin of `target` (a URL or an origin), once per document. Pass
 * `crossOrigin` when the script will load with `integrity` (CORS), so the warmed connection is the one used.
 * A hint: does nothing without a document or for an unparsable target.
 */
export function preconnect(target: string, options: { document?: Document; crossOrigin?: 'anonymous' | 'use-credentials' } = {}): void {
  const doc = options.document ?? globalThis.document;
  const origin = parse(target)?.origin;
  const mode = options.crossOrigin;
  // A parsed origin holds no quote: safe inside the selector.
  if (!doc || !origin || origin === 'null') return;
  if (doc.querySelector(`link[rel=preconnect][href="${origin}"]${mode ? `[crossorigin=${mode}]` : ':not([crossorigin])'}`)) return;
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
  // Without a document (on the server) loadDropin rejects at once, touching nothing.
  loadDropin(jsUrl, options).catch(noop);
}

/**
 * Test and dev helper: forgets every load of the global document so the next `loadDropin` starts afresh (a tag left
 * in the page is then treated as one someone else added). Does not remove script tags.
 */
export function __resetDropinCache(): void {
  for (const script of globalThis.document?.scripts ?? []) delete (script as Tag).purseLoad;
}
