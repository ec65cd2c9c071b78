// Test support: render a payment-status UI inside a PurseProvider with a fresh QueryClient.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { MerchantBackend } from '../core/backend/backend.ts';
import type { PurseLocale } from '../react/i18n/index.ts';
import { PurseProvider } from '../react/provider/index.ts';

export interface RenderOptions {
  backend: MerchantBackend;
  locale?: PurseLocale;
  strict?: boolean;
  /** Reuse a client (and its cache) across renders. Default: a fresh one. */
  queryClient?: QueryClient;
}

export function renderWithPurse(ui: ReactElement, options: RenderOptions) {
  const { backend, locale = 'en', strict = false, queryClient = new QueryClient() } = options;
  const result = render(
    <PurseProvider backend={backend} locale={locale} queryClient={queryClient}>
      {ui}
    </PurseProvider>,
    { reactStrictMode: strict },
  );
  return { ...result, queryClient };
}

/** Puts `?purse-redirection-data=<token>` (or nothing) in the page URL, as Purse's redirect does. */
export function setRedirectUrl(token: string | null) {
  const url = new URL(window.location.href);
  url.search = token === null ? '' : `?purse-redirection-data=${encodeURIComponent(token)}`;
  window.history.replaceState(null, '', url);
}
