import { useQuery } from '@tanstack/react-query';
import type { CheckoutSession } from '../../core/backend/views.ts';
import { createCheckoutRunner } from '../../core/checkout/effects.ts';
import type { CheckoutStatus, CheckoutStep } from '../../core/checkout/types.ts';
import type { DropinGeneration } from '../../core/dropin/types.ts';
import type { PurseKitError } from '../../core/errors.ts';
import type { EligibleSolution, IntegrationMode } from '../../core/wire/payment.ts';
import { purseLocaleTag } from '../i18n/locales.ts';
import { usePurse } from '../provider/context.ts';
import { useRunner } from '../shared/useRunner.ts';
import { configOf, type UsePurseCheckoutOptions } from './options.ts';
import { enCheckout } from '../i18n/en/purse-checkout.ts';
import { addMessages } from '../i18n/index.ts';
import { checkoutMethods } from '../../core/backend/http-methods.ts';
import { addHttpMethods } from '../provider/http.ts';

// The checkout's English texts come with the checkout (a page without it never downloads them).
addMessages(enCheckout);
addHttpMethods(checkoutMethods);

/** What `usePurseCheckout()` returns: the checkout's state and the shopper's actions. */
export interface PurseCheckoutApi {
  /** loading, ready, submitting, failed, expired, cancelled or closed. */
  status: CheckoutStatus;
  /** While loading: the step under way; after a failure: the step `retry()` runs again. */
  step: CheckoutStep;
  /** The drop-in's form is complete: a pay button may submit. */
  isFulfilled: boolean;
  /** The current client session, once created (or taken). */
  session: CheckoutSession | undefined;
  /** The failure of `failed`; while `ready`, a non-fatal one (a submit or cancel that failed). */
  error: PurseKitError | undefined;
  /** Known once the session is (or from the options). */
  integrationMode: IntegrationMode | undefined;
  /** HOSTED_PAGE: the checked URL of the hosted page. */
  hostedPageUrl: string | undefined;
  /** The `hostedPage` option, default applied. */
  hostedPage: 'redirect' | 'link';
  /** The drop-in generation of the loaded script. */
  generation: DropinGeneration | undefined;
  /** The session's payment methods, or those fetched early while the session is created. */
  eligibleSolutions: EligibleSolution[];
  /** An abortSession request is running. */
  isCancelling: boolean;
  /**
   * The drop-in's container, a callback ref: `const { containerRef } = checkout; … <div ref={containerRef} />`
   * (destructure it: the React Compiler's lint reads `ref={checkout.containerRef}` as a ref read during render).
   */
  containerRef: (element: HTMLElement | null) => void;
  /** Submits the payment through the drop-in (for your own pay button). Ignored unless `ready`. */
  submit(): Promise<void>;
  /** Aborts the session (`ABORTED_BY_CUSTOMER`) once, however often it is called. Ignored while submitting. */
  cancel(): Promise<void>;
  /** Runs the failed step again (a retried creation replays the same session). */
  retry(): void;
  /** Starts over with a fresh session (after expiry or cancel). */
  restart(): void;
}

/**
 * Headless Purse checkout: creates (or takes) the client session, loads the drop-in script and mounts the drop-in in
 * the element given to `containerRef` (EMBEDDED), or sends the shopper to the hosted page (HOSTED_PAGE).
 */
export function usePurseCheckout(options: UsePurseCheckoutOptions): PurseCheckoutApi {
  const { backend, i18n } = usePurse();
  const config = configOf(options, backend, purseLocaleTag(i18n.locale));
  // Another session or order starts over. The session POST leaves before the passive effects (the early
  // eligible-methods query among them), so it is the checkout's first request (bench/ready.ts).
  const [state, checkout] = useRunner(createCheckoutRunner, config, true);

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
    integrationMode: session?.integration_mode ?? config.request.integration_mode,
    hostedPageUrl: state.hostedPageUrl,
    hostedPage: config.hostedPage,
    generation: state.generation,
    eligibleSolutions: session?.eligible_solutions ?? early.data ?? [],
    isCancelling: state.cancelKey !== undefined,
    containerRef: checkout.setElement,
    submit: checkout.submit,
    cancel: checkout.cancel,
    retry: checkout.retry,
    restart: checkout.restart,
  };
}
