import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { MerchantBackend } from '../../core/backend.ts';
import type { CheckoutSession, CheckoutSessionRequest } from '../../core/checkout.ts';
import type { DropinGeneration, DropinTheme } from '../../core/dropin/types.ts';
import type { PurseKitError } from '../../core/errors.ts';
import type { EligibleSolution, IntegrationMode } from '../../core/payment.ts';
import { usePurse } from '../provider/context.ts';
import { CheckoutController, type CheckoutBindings } from './controller.ts';
import { PURSE_CHECKOUT_ORIGINS, requestKey, type CheckoutStatus, type CheckoutStep } from './state.ts';

export interface UsePurseCheckoutOptions {
  /** A ready client session (e.g. created by your server while rendering the page). Give this or `order`. */
  session?: CheckoutSession;
  /**
   * What to ask the merchant backend for (`backend.createSession`); the server decides amounts and the order. Created
   * once per intent, StrictMode included. With `session` too, used only for fresh sessions (expiry, restart).
   */
  order?: CheckoutSessionRequest;
  /** Overrides `order.integration_mode`. */
  integrationMode?: IntegrationMode;
  /**
   * Origins the drop-in script and the hosted page may come from. Replaces the default (Purse's CDNs and hosted pages,
   * `PURSE_CHECKOUT_ORIGINS`); add the mock server's origin in development and tests.
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
  /** Default 15 000 ms. */
  scriptTimeoutMs?: number;
  /** The drop-in's language. Default: the provider's locale. */
  locale?: string;
  /** Drop-in Checkout's theme keys (Widget v3 ignores them). */
  theme?: DropinTheme;
  /** Hides the drop-in's own pay button: call `submit()` from yours. */
  hidePayButton?: boolean;
  /** HOSTED_PAGE sessions: navigate there at once (default) or render a link. */
  hostedPage?: 'redirect' | 'link';
  /** List the eligible payment methods while loading (fetched early when only `order` is given). Default true. */
  showEligibleMethods?: boolean;
  /** The drop-in is mounted and usable (or the hosted-page link is ready). */
  onReady?: () => void;
  /** The drop-in's form became complete (or incomplete): enable your pay button from this. */
  onFulfilledChange?: (details: { isFulfilled: boolean }) => void;
  /** Every failure, as data. */
  onError?: (error: PurseKitError) => void;
  /** The session expired and could not be renewed in place: the shopper is offered a restart. */
  onSessionExpired?: () => void;
  /** The shopper cancelled; the session is aborted (ABORTED_BY_CUSTOMER). */
  onCancel?: () => void;
}

export interface PurseCheckoutApi {
  status: CheckoutStatus;
  /** While loading: the step under way; after a failure: the step `retry()` runs again. */
  step: CheckoutStep;
  /** The drop-in's form is complete: a pay button may submit. */
  isFulfilled: boolean;
  session: CheckoutSession | undefined;
  /** The failure of `failed`; while `ready`, a non-fatal one (a submit or cancel that failed). */
  error: PurseKitError | undefined;
  /** Known once the session is (or from the options). */
  integrationMode: IntegrationMode | undefined;
  /** HOSTED_PAGE: the checked URL of the hosted page. */
  hostedPageUrl: string | undefined;
  hostedPage: 'redirect' | 'link';
  generation: DropinGeneration | undefined;
  /** The session's payment methods, or those fetched early while the session is created. */
  eligibleSolutions: EligibleSolution[];
  isCancelling: boolean;
  /**
   * The drop-in's container, a callback ref: `const { containerRef } = checkout; … <div ref={containerRef} />`
   * (destructure it: the React Compiler's lint reads `ref={checkout.containerRef}` as a ref read during render).
   */
  containerRef: (element: HTMLElement | null) => void;
  submit(): Promise<void>;
  cancel(): Promise<void>;
  retry(): void;
  restart(): void;
}

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

const navigate = (url: string) => window.location.assign(url);

function bindingsOf(options: UsePurseCheckoutOptions, backend: MerchantBackend, locale: string): CheckoutBindings {
  const { session, order } = options;
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
      'usePurseCheckout() and <PurseCheckout> need an `order` (e.g. order={{ order_reference: cart.id }}) or a ready `session`.',
    );
  }
  if (session) sourceKey = `session ${session.id} ${sourceKey}`;
  return {
    ...options,
    backend,
    sourceKey,
    request,
    allowedOrigins: options.allowedOrigins ?? PURSE_CHECKOUT_ORIGINS,
    locale: options.locale ?? locale,
    hostedPage: options.hostedPage ?? 'redirect',
    navigate,
  };
}

/**
 * Headless Purse checkout: creates (or takes) the client session, loads the drop-in script and mounts the drop-in in
 * the element given to `containerRef` (EMBEDDED), or sends the shopper to the hosted page (HOSTED_PAGE).
 */
export function usePurseCheckout(options: UsePurseCheckoutOptions): PurseCheckoutApi {
  const { backend, i18n } = usePurse();
  const bindings = bindingsOf(options, backend, i18n.locale);
  const [controller] = useState(() => new CheckoutController(bindings));
  // The latest props apply to work and callbacks that run later; another session or order starts over.
  useIsomorphicLayoutEffect(() => {
    controller.setBindings(bindings);
  });
  useEffect(() => {
    controller.attach();
    return () => controller.detach();
  }, [controller]);

  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);

  // The session's methods arrive with it; fetch them early only while an order's session is being created.
  const orderReference = options.order?.order_reference;
  const early = useQuery({
    queryKey: ['purse', 'checkout', 'eligible-solutions', orderReference ?? null],
    queryFn: () => backend.getEligibleSolutions(orderReference === undefined ? {} : { order_reference: orderReference }),
    enabled: (options.showEligibleMethods ?? true) && !options.session && !state.session && state.status === 'loading',
    staleTime: 5 * 60_000,
    retry: false,
  });

  const session = state.session ?? options.session;
  return {
    status: state.status,
    step: state.step,
    isFulfilled: state.isFulfilled,
    session: state.session,
    error: state.error,
    integrationMode: session?.integration_mode ?? bindings.request.integration_mode,
    hostedPageUrl: state.hostedPageUrl,
    hostedPage: bindings.hostedPage,
    generation: state.generation,
    eligibleSolutions: session?.eligible_solutions ?? early.data ?? [],
    isCancelling: state.isCancelling,
    containerRef: controller.setElement,
    submit: controller.submit,
    cancel: controller.cancel,
    retry: controller.retry,
    restart: controller.restart,
  };
}
