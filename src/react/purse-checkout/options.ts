// The options of usePurseCheckout / <PurseCheckout>, and the checkout runner's view of them (defaults applied, the
// order turned into the request that creates sessions).
import type { MerchantBackend } from '../../core/backend/backend.ts';
import type { CheckoutSession, CheckoutSessionRequest } from '../../core/backend/views.ts';
import type { CheckoutConfig } from '../../core/checkout/effects.ts';
import { PURSE_CHECKOUT_ORIGINS, requestKey } from '../../core/checkout/session.ts';
import type { DropinTheme } from '../../core/dropin/types.ts';
import type { PurseKitError } from '../../core/errors.ts';
import type { IntegrationMode } from '../../core/wire/payment.ts';

/** Options of `usePurseCheckout()` and props of `<PurseCheckout>`. Give `order` or `session`. */
export interface UsePurseCheckoutOptions {
  /** A ready client session (e.g. created by your server while rendering the page). Give this or `order`. */
  session?: CheckoutSession;
  /**
   * What to ask the merchant backend for (`backend.createSession`); the server decides amounts and the order. Created
   * once per intent, StrictMode included. With `session` too, used only for fresh sessions (expiry, restart).
   */
  order?: CheckoutSessionRequest;
  /**
   * Overrides `order.integration_mode`.
   * @defaultValue `order.integration_mode`, else the server's default (EMBEDDED)
   */
  integrationMode?: IntegrationMode;
  /**
   * Origins the drop-in script and the hosted page may come from. Replaces the default (Purse's CDNs and hosted pages,
   * `PURSE_CHECKOUT_ORIGINS`); add the mock server's origin in development and tests.
   * @defaultValue `PURSE_CHECKOUT_ORIGINS`
   */
  allowedOrigins?: readonly string[];
  /** CSP nonce for the drop-in's `<script>`. */
  nonce?: string;
  /** Subresource Integrity hash of the drop-in script (pins one version). */
  integrity?: string;
  /**
   * The drop-in script your sessions use (e.g. `https://cdn.purse-secure.com/dropin-checkout/stable/purse.js`). Its
   * download then starts at mount, while the session is being created, instead of after. Without it, only a
   * connection to the allowed CDNs is opened early.
   */
  scriptUrl?: string;
  /**
   * How long the drop-in script may take to load, in ms.
   * @defaultValue 15000
   */
  scriptTimeoutMs?: number;
  /**
   * The drop-in's language, a BCP 47 language-region tag: Drop-in Checkout's `locale` option, and the `locale` of the
   * session request (Widget v3 and the hosted page speak the session's `customer.locale`).
   * @defaultValue `order.locale`, else the provider's locale as Purse takes it (`purseLocaleTag`: "fr" → "fr-FR")
   */
  locale?: string;
  /** Drop-in Checkout's theme keys (Widget v3 ignores them). */
  theme?: DropinTheme;
  /**
   * Hides the drop-in's own pay button: call `submit()` from yours.
   * @defaultValue false
   */
  hidePayButton?: boolean;
  /**
   * HOSTED_PAGE sessions: navigate there at once (replacing the checkout in the browser's history, so Back from the
   * hosted page returns to the page before the checkout), or render a link.
   * @defaultValue 'redirect'
   */
  hostedPage?: 'redirect' | 'link';
  /**
   * List the eligible payment methods while loading (fetched early when only `order` is given).
   * @defaultValue true
   */
  showEligibleMethods?: boolean;
  /** The drop-in is mounted and usable (or the hosted-page link is ready). */
  onReady?: () => void;
  /** The drop-in's form became complete (or incomplete): enable your pay button from this. */
  onFulfilledChange?: (details: { isFulfilled: boolean }) => void;
  /** Every failure, as data (a `PurseKitError`; the view also tells the shopper, in their language). */
  onError?: (error: PurseKitError) => void;
  /** The session expired and could not be renewed in place: the shopper is offered a restart. */
  onSessionExpired?: () => void;
  /**
   * The session can no longer be paid here (status `closed`: typically a payment whose answer was lost, or a session
   * the order's newer one, in another tab, superseded, found when the shopper pays or cancels). The view links to the session's `shopper_redirection_url` with `purse-client-session-id`; a custom backend
   * adapter whose sessions lack that URL should lead the shopper on from here.
   */
  onClosed?: () => void;
  /**
   * The shopper cancelled: the session is aborted at Purse (`ABORTED_BY_CUSTOMER`). Also shows the "Cancel payment"
   * button. Not called for a session the order's newer one (another tab, where it may be paid) aborted before: that
   * checkout closes (`onClosed`), since the order lives on there.
   */
  onCancel?: () => void;
}

// The redirect replaces the checkout in the history: Back from the hosted page returns to the page before it (the
// cart), not to a checkout that would create a session and send the shopper forward again.
const navigate = (url: string) => window.location.replace(url);

export function configOf(options: UsePurseCheckoutOptions, backend: MerchantBackend, providerLocale: string): CheckoutConfig {
  const { session, order } = options;
  const locale = options.locale ?? order?.locale ?? providerLocale;
  let request: CheckoutSessionRequest;
  let sourceKey: string;
  if (order) {
    request = { ...order, integration_mode: options.integrationMode ?? order.integration_mode };
    sourceKey = `order ${requestKey(request)}`;
  } else if (session) {
    // The server's resolveOrder decides the order of a fresh session; we only keep the integration mode.
    request = { integration_mode: session.integration_mode };
    sourceKey = '';
  } else {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? 'usePurseCheckout() and <PurseCheckout> need an `order` (e.g. order={{ order_reference: cart.id }}) or a ready `session`.'
        : 'PurseCheckout: no order or session.',
    );
  }
  if (session) sourceKey = `session ${session.id} ${sourceKey}`;
  // After the source key: another language re-mounts the drop-in in it; it does not start the payment over.
  request = { ...request, locale };
  return {
    ...options,
    backend,
    sourceKey,
    request,
    allowedOrigins: options.allowedOrigins ?? PURSE_CHECKOUT_ORIGINS,
    locale,
    hostedPage: options.hostedPage ?? 'redirect',
    navigate,
  };
}
