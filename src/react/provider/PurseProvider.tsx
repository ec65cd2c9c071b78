import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useMemo, useState, type ReactNode } from 'react';
import type { MerchantBackend } from '../../core/backend/backend.ts';
import { loadProblemMapping } from '../../core/backend/request.ts';
import { usePreloadWhenIdle } from '../shared/lazy.tsx';
import { createTranslator, readMessages, type Messages, type PurseLocale } from '../i18n/index.ts';
import { PurseContext, type PurseContextValue } from './context.ts';
import { httpBackend } from './http.ts';
import { useLocale } from './locale.ts';
import { themeToStyle, type PurseTheme } from './theme.ts';

/** Props of `<PurseProvider>`. */
export interface PurseProviderProps {
  /**
   * Where `createMerchantHandler` is mounted, e.g. `"/api/purse"`: the provider talks to it as
   * `createHttpBackend({ baseUrl })` does, with the methods of the components the page imports (`usePurse().backend`
   * has those only). A plain string, so a React Server Component (Next.js App Router) can render the provider. Give
   * either `baseUrl` or `backend`.
   */
  baseUrl?: string;
  /**
   * Your own `MerchantBackend` adapter, instead of `baseUrl` (or `createHttpBackend` with options such as `headers`).
   * An object of functions: create it in a client component.
   */
  backend?: MerchantBackend;
  /**
   * Language of every text the components render (and of Purse's drop-in and hosted page). `"auto"`: the first of the
   * browser's languages (`navigator.languages`) that the components speak, else `fallbackLocale`; a server render and
   * its hydration use `fallbackLocale`, then the page switches. English is built in; another language's texts are
   * downloaded the first time a provider uses it, and the provider suspends (React Suspense) until they are there:
   * wrap it in `<Suspense>` for a fallback, or call `loadMessages(locale)` earlier (on the server: before rendering)
   * to skip the wait.
   * @defaultValue 'en'
   */
  locale?: PurseLocale | 'auto';
  /**
   * With `locale="auto"`: the language of the server render, and when none of the browser's languages is spoken.
   * @defaultValue 'en'
   */
  fallbackLocale?: PurseLocale;
  /** Replaces some messages of the locale's catalogue. */
  messages?: Partial<Messages>;
  /** CSS custom properties set on a wrapper element (styles.css reads them). No wrapper without a theme. */
  theme?: PurseTheme;
  /**
   * The TanStack QueryClient the components use.
   * @defaultValue the app's QueryClient (from its QueryClientProvider), else one the provider creates
   */
  queryClient?: QueryClient;
  /** The part of the app that uses the Purse components. */
  children?: ReactNode;
}

/**
 * The mapping of error answers, downloaded apart (see core/backend/request.ts): there before an error comes. A failed
 * preload is no error of the page: a request that needs the mapping downloads it again, or answers safely without it.
 */
const ERROR_MAPPING = [{ preload: () => loadProblemMapping().catch(() => undefined) }];

/**
 * Gives the Purse components below it their merchant backend, language and QueryClient. Render it once around the app
 * (or the pages that use the components).
 */
export function PurseProvider(props: PurseProviderProps) {
  const { backend, baseUrl, messages, theme, queryClient, children } = props;
  // One of the two, never both; how to fix it in development builds only (bundlers replace process.env.NODE_ENV).
  if (backend ? baseUrl !== undefined : !(typeof baseUrl === 'string' && baseUrl.trim())) {
    const development = process.env.NODE_ENV !== 'production';
    throw new Error(
      `<PurseProvider> needs baseUrl${development ? ' (where createMerchantHandler is mounted)' : ''} or a backend, not both` +
        (development ? ' (e.g. <PurseProvider baseUrl="/api/purse">, or backend={yourAdapter})' : ''),
    );
  }
  usePreloadWhenIdle(ERROR_MAPPING);
  const resolvedBackend = useMemo(() => backend ?? httpBackend(baseUrl!), [backend, baseUrl]);
  const appClient = useContext(QueryClientContext);
  // Created once and used only when the app has no QueryClient of its own; stable across renders. TanStack's defaults
  // suit: a mutation is not retried (request() retries what is safe), nor is fetchQuery.
  const [ownClient] = useState(() => new QueryClient());
  const client = queryClient ?? appClient ?? ownClient;

  const locale = useLocale(props.locale ?? 'en', props.fallbackLocale ?? 'en');
  // readMessages suspends while the catalogue downloads; once there (or failed), a locale's catalogue never changes.
  const i18n = useMemo(() => createTranslator(locale, messages, readMessages(locale)), [locale, messages]);
  const value = useMemo<PurseContextValue>(
    () => ({ backend: resolvedBackend, i18n, queryClient: client }),
    [resolvedBackend, i18n, client],
  );
  let tree: ReactNode = <PurseContext.Provider value={value}>{children}</PurseContext.Provider>;
  // A new style object per render is fine: React compares its properties, not its identity.
  if (theme) {
    tree = (
      <div className="purse-theme" style={themeToStyle(theme)}>
        {tree}
      </div>
    );
  }
  // Our hooks call useQueryClient(): make sure one is in context even when the app has none.
  return client === appClient ? tree : <QueryClientProvider client={client}>{tree}</QueryClientProvider>;
}
