// Getting the drop-in ready in about max(session time, script time) rather than their sum: while the merchant
// backend creates the session (which names the script), open the connection to the script's origin and, when the
// merchant told us which script its sessions use, download it already; the drop-in driver's mount (dropin/mount.ts) comes then too.
import { preloadMount } from '../dropin/drivers.ts';
import { checkOrigin, preconnect, preloadDropin } from '../dropin/load.ts';
import type { LoadDropinOptions } from '../dropin/types.ts';
import type { CheckoutSessionRequest } from '../backend/views.ts';
import { PURSE_HOSTED_PAGE_ORIGINS } from './session.ts';

/** What the checkout knows before its session exists (see `UsePurseCheckoutOptions`). */
export interface WarmUpOptions {
  /** What creates the session; its `integration_mode` says whether a drop-in or the hosted page comes. */
  request: CheckoutSessionRequest;
  /** Origins the drop-in script and the hosted page may come from (defaults applied). */
  allowedOrigins: readonly string[];
  /** The drop-in script the sessions use, when the merchant knows it: downloaded at once. */
  scriptUrl?: string;
  /** CSP nonce for the drop-in's `<script>`. */
  nonce?: string;
  /** Subresource Integrity hash of the drop-in script. */
  integrity?: string;
  /** How long the drop-in script may take to load, in ms. */
  scriptTimeoutMs?: number;
}

/** What loading the drop-in script takes from the checkout's options: the preload and the load must ask alike to share one download. */
export const scriptOptions = ({ allowedOrigins, nonce, integrity, scriptTimeoutMs }: WarmUpOptions): LoadDropinOptions => ({
  allowedOrigins,
  nonce,
  integrity,
  timeoutMs: scriptTimeoutMs,
});

/** Preconnects (and preloads the hinted script) while the session is being created. */
export function warmUp(options: WarmUpOptions): void {
  const { request, allowedOrigins, scriptUrl, integrity } = options;
  // A script with `integrity` loads in CORS mode: the warmed connection must be a CORS one to be reused.
  const crossOrigin = integrity ? 'anonymous' : undefined;
  if (scriptUrl) {
    // A refused hint is no reason to fail: the session's own js_url decides (and the preload checks it again).
    try {
      checkOrigin(scriptUrl, allowedOrigins);
    } catch {
      return;
    }
    preconnect(scriptUrl, { crossOrigin });
    // The loader keeps this download; the session's js_url (same origin and path) then reuses it.
    preloadDropin(scriptUrl, scriptOptions(options));
    return;
  }
  // No hint: connect to the allowed script origins (or, for HOSTED_PAGE, Purse's hosted pages), and download the
  // drop-in driver's mount now rather than with the script (loadDropin asks for it too).
  const hosted = request.integration_mode === 'HOSTED_PAGE';
  if (!hosted) preloadMount();
  for (const origin of allowedOrigins) {
    if (PURSE_HOSTED_PAGE_ORIGINS.includes(origin) === hosted) preconnect(origin, hosted ? {} : { crossOrigin });
  }
}
