// Getting the drop-in ready in about max(session time, script time) rather than their sum: while the merchant
// backend creates the session (which names the script), open the connection to the script's origin and, when the
// merchant told us which script its sessions use, download it already.
import { checkOrigin, preconnect, preloadDropin } from '../dropin/load.ts';
import type { CheckoutSessionRequest } from '../backend/views.ts';
import { PURSE_HOSTED_PAGE_ORIGINS } from './session.ts';

export interface WarmUpOptions {
  request: CheckoutSessionRequest;
  allowedOrigins: readonly string[];
  scriptUrl?: string;
  nonce?: string;
  integrity?: string;
  scriptTimeoutMs?: number;
}

export function warmUp({ request, allowedOrigins, scriptUrl, nonce, integrity, scriptTimeoutMs }: WarmUpOptions): void {
  // A script with `integrity` loads in CORS mode: the warmed connection must be a CORS one to be reused.
  const crossOrigin = integrity ? 'anonymous' : undefined;
  if (scriptUrl) {
    try {
      checkOrigin(scriptUrl, allowedOrigins);
    } catch {
      return; // the session's own js_url decides; a refused hint is no reason to fail
    }
    preconnect(scriptUrl, { crossOrigin });
    // The loader keeps this download; the session's js_url (same origin and path) then reuses it.
    preloadDropin(scriptUrl, { allowedOrigins, nonce, integrity, timeoutMs: scriptTimeoutMs });
    return;
  }
  // No hint: connect to the allowed script origins (or, for HOSTED_PAGE, Purse's hosted pages).
  const hosted = request.integration_mode === 'HOSTED_PAGE';
  for (const origin of allowedOrigins) {
    if (PURSE_HOSTED_PAGE_ORIGINS.includes(origin) === hosted) preconnect(origin, hosted ? {} : { crossOrigin });
  }
}
