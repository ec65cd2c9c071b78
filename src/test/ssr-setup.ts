// Vitest global setup of the hydration project: renders every page of ssr-pages.tsx on the server (Node, no window)
// and hands the markup to the browser tests (`inject('ssrMarkup')`).
import { renderToString } from 'react-dom/server';
import type { TestProject } from 'vitest/node';
import { createHttpBackend } from '../core/backend/http-backend.ts';
import { loadMessages } from '../react/i18n/index.ts';
import { SSR_PAGES } from './ssr-pages.tsx';

declare module 'vitest' {
  export interface ProvidedContext {
    ssrMarkup: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  if (typeof window !== 'undefined') throw new Error('The server render must run without a window.');
  // As a merchant's server does: another language's texts are loaded before a synchronous render.
  await loadMessages('fr');
  const fail = () => Promise.reject(new Error('The server render must not call the backend.'));
  const backend = createHttpBackend({ baseUrl: 'http://merchant.test/api/purse', fetch: fail });
  project.provide('ssrMarkup', Object.fromEntries(Object.entries(SSR_PAGES).map(([name, page]) => [name, renderToString(page(backend))])));
}
