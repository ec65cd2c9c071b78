import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { MerchantBackend } from '../../core/backend/backend.ts';
import type { Translator } from '../i18n/index.ts';
import { withHttpMethods } from './http.ts';

/** What `usePurse()` gives: the provider's backend, translator and QueryClient. */
export interface PurseContextValue {
  /**
   * The merchant backend adapter: `backend`, or the one built from `baseUrl`, which has the methods of the components
   * the page imports (for all of them, give the provider `backend={createHttpBackend({ baseUrl })}`).
   */
  backend: MerchantBackend;
  /** The texts of the provider's locale, with its `messages` applied. */
  i18n: Translator;
  /** The QueryClient the components run their requests with. */
  queryClient: QueryClient;
}

export const PurseContext = createContext<PurseContextValue | null>(null);
// For React DevTools, in development builds.
if (process.env.NODE_ENV !== 'production') PurseContext.displayName = 'PurseContext';

/** The provider's backend, translator and QueryClient. Throws outside `<PurseProvider>`. */
export function usePurse(): PurseContextValue {
  const value = useContext(PurseContext);
  if (!value) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? 'usePurse() and the Purse components must be rendered inside <PurseProvider>. Wrap your app (or the signup page) in it, e.g. <PurseProvider baseUrl="/api/purse">.'
        : 'usePurse() needs <PurseProvider>.',
    );
  }
  // Methods of a component imported since the provider built its backend (see http.ts).
  withHttpMethods(value.backend);
  return value;
}
