import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useMemo, useState, type ReactNode } from 'react';
import type { MerchantBackend } from '../../core/backend/backend.ts';
import { createTranslator, type Messages, type PurseLocale } from '../i18n/index.ts';
import { PurseContext, type PurseContextValue } from './context.ts';
import { themeToStyle, type PurseTheme } from './theme.ts';

export interface PurseProviderProps {
  /** How the components reach the merchant's server: `createHttpBackend({ baseUrl })` or your own implementation. */
  backend: MerchantBackend;
  /** Language of every text the components render. Default 'en'. */
  locale?: PurseLocale;
  /** Replaces some messages of the locale's catalogue. */
  messages?: Partial<Messages>;
  /** CSS custom properties set on a wrapper element (styles.css reads them). No wrapper without a theme. */
  theme?: PurseTheme;
  /** Defaults to the app's QueryClient (from its QueryClientProvider), else one the provider creates. */
  queryClient?: QueryClient;
  children?: ReactNode;
}

export function PurseProvider({ backend, locale = 'en', messages, theme, queryClient, children }: PurseProviderProps) {
  if (!backend) {
    throw new Error('<PurseProvider> needs a backend prop, e.g. backend={createHttpBackend({ baseUrl: "/api/purse" })}.');
  }
  const appClient = useContext(QueryClientContext);
  // Created once and used only when the app has no QueryClient of its own; stable across renders.
  const [ownClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const client = queryClient ?? appClient ?? ownClient;

  const i18n = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const value = useMemo<PurseContextValue>(() => ({ backend, i18n, queryClient: client }), [backend, i18n, client]);
  const style = useMemo(() => (theme ? themeToStyle(theme) : undefined), [theme]);

  let tree: ReactNode = <PurseContext.Provider value={value}>{children}</PurseContext.Provider>;
  if (style) {
    tree = (
      <div className="purse-theme" style={style}>
        {tree}
      </div>
    );
  }
  // Our hooks call useQueryClient(): make sure one is in context even when the app has none.
  return client === appClient ? tree : <QueryClientProvider client={client}>{tree}</QueryClientProvider>;
}
