import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CheckoutSession } from '../../core/backend/views.ts';
import type { DropinGeneration } from '../../core/dropin/types.ts';
import type { PurseKitError } from '../../core/errors.ts';
import type { EligibleSolution, IntegrationMode } from '../../core/wire/payment.ts';
import { usePurse } from '../provider/context.ts';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';
import { CheckoutController } from './controller.ts';
import { bindingsOf, type UsePurseCheckoutOptions } from './options.ts';
import type { CheckoutStatus, CheckoutStep } from './state.ts';

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
