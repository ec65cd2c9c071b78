// The storefront's pages: Vite in middleware mode (`npm start`), or a production build served as static files
// (`--prod`: what shoppers would get; E2E and the benchmarks use it). Either way the HTML is served here, with the
// runtime config and a fresh CSP nonce per response.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import sirv from 'sirv';
import { build, createServer, type InlineConfig } from 'vite';
import { isPurseLocale } from '../src/react/i18n/locales.ts';
import type { DemoConfig } from './src/config.ts';

const root = resolve(import.meta.dirname);
const outDir = resolve(root, '../node_modules/.cache/purse-demo');
/** Vite puts this on every tag it injects and on <meta property="csp-nonce">; each response replaces it. */
const NONCE_PLACEHOLDER = 'PURSE_DEMO_NONCE';

export interface PageServer {
  /** Serves assets and pages; `csp: 'strict'` adds a nonce-only script policy to the page. */
  handle(req: IncomingMessage, res: ServerResponse, options: { strictCsp: boolean }): void;
  close(): Promise<void>;
}

const shared: InlineConfig = {
  configFile: false,
  root,
  plugins: [react()],
  html: { cspNonce: NONCE_PLACEHOLDER },
  logLevel: 'warn',
};

/** The shopper's language choice: `?lang=de` (remembered in this cookie), `?lang=auto` to forget it. */
const LANG_COOKIE = 'demo_lang';

function chosenLocale(req: IncomingMessage): { locale: DemoConfig['locale']; cookie?: string } {
  const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('lang');
  if (isPurseLocale(asked)) return { locale: asked, cookie: `${LANG_COOKIE}=${asked}; Path=/; Max-Age=31536000; SameSite=Lax` };
  if (asked === 'auto') return { locale: null, cookie: `${LANG_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax` };
  const remembered = req.headers.cookie?.split(/;\s*/).find((c) => c.startsWith(`${LANG_COOKIE}=`))?.slice(LANG_COOKIE.length + 1);
  return { locale: isPurseLocale(remembered) ? remembered : null };
}

/** JSON inside <script type="application/json">: `<` escaped so no value can close the tag. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export async function createPageServer(options: {
  prod: boolean;
  config: Omit<DemoConfig, 'locale'>;
  /** The storefront's HTTP server: Vite's HMR websocket is served on it (dev only), so the page connects to its own origin. */
  httpServer?: Server;
}): Promise<PageServer> {
  let template: (url: string) => Promise<string>;
  let assets: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  let close = async () => {};

  if (options.prod) {
    await build({
      ...shared,
      // The profiling build of react-dom keeps <Profiler> working in production: bench/ counts commits through it.
      resolve: { alias: { 'react-dom/client': 'react-dom/profiling' } },
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
    const html = await readFile(resolve(outDir, 'index.html'), 'utf8');
    template = async () => html;
    const files = sirv(outDir, { etag: true, immutable: true, dev: false });
    assets = (req, res, next) => (new URL(req.url ?? '/', 'http://x').pathname === '/' ? next() : files(req, res, next));
  } else {
    const vite = await createServer({
      ...shared,
      appType: 'custom',
      // HMR over the storefront's own server and port. With `hmr: false` Vite's client still opens a websocket (to a
      // port nobody serves) and logs an error on every page; served here, it connects and hot reload works.
      server: { middlewareMode: true, hmr: options.httpServer ? { server: options.httpServer } : false },
      // Pre-bundled up front so the first page load never triggers a dependency re-optimisation reload.
      optimizeDeps: {
        include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@tanstack/react-query', 'react-hook-form', 'libphonenumber-js/core', 'qrcode.react'],
      },
    });
    const raw = await readFile(resolve(root, 'index.html'), 'utf8');
    template = (url) => vite.transformIndexHtml(url, raw);
    assets = (req, res, next) => vite.middlewares(req, res, next);
    close = () => vite.close();
  }

  async function page(req: IncomingMessage, res: ServerResponse, strictCsp: boolean) {
    const nonce = randomBytes(16).toString('base64');
    const { locale, cookie } = chosenLocale(req);
    // With no choice, the page speaks the browser's language (locale="auto") and sets <html lang> itself.
    const html = (await template(req.url ?? '/'))
      .replaceAll(NONCE_PLACEHOLDER, nonce)
      .replace('<html lang="en">', `<html lang="${locale ?? 'en'}">`)
      .replace('__DEMO_CONFIG__', inlineJson({ ...options.config, locale }));
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (cookie) res.appendHeader('set-cookie', cookie);
    // ?csp=strict: only nonce-bearing scripts may run (E2E checks the drop-in script carries the nonce).
    if (strictCsp) headers['content-security-policy'] = `script-src 'nonce-${nonce}'; object-src 'none'; base-uri 'none'`;
    res.writeHead(200, headers).end(html);
  }

  return {
    handle(req, res, { strictCsp }) {
      assets(req, res, () => {
        page(req, res, strictCsp).catch((error: unknown) => res.writeHead(500).end(String(error)));
      });
    },
    close: () => close(),
  };
}
