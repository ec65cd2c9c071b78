// Headless Customer Purse: binds the pure machine and its effects (core/customer-purse) to the provider's backend.
// Requests go through the app's TanStack QueryClient (visible in its cache and devtools); polls stop on unmount.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createCustomerPurseRunner, type CustomerPurseSettings, type RequestRunner } from '../../core/customer-purse/effects.ts';
import { isCustomerPurseBusy } from '../../core/customer-purse/machine.ts';
import type { CustomerPurseState } from '../../core/customer-purse/types.ts';
import { usePurse } from '../provider/context.ts';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';

export type UseCustomerPurseOptions = CustomerPurseSettings;

export interface CustomerPurseApi {
  /** Render from `state.status`: `loading | ready | blocked | failed`; deposits in `state.deposits`. */
  state: CustomerPurseState;
  /** A request is wanted or in flight. */
  busy: boolean;
  /** Shows another page of deposits (0 is the first, the newest). */
  showPage(page: number): void;
  /** Loads again what failed. */
  retry(): void;
}

const isVisible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/** The signed-in shopper's deposit addresses and deposits, polled while mounted (and the tab is visible). */
export function useCustomerPurse(options: UseCustomerPurseOptions = {}): CustomerPurseApi {
  const { backend, queryClient } = usePurse();
  const [runner] = useState(() => {
    const run: RequestRunner = (key, request, signal) =>
      // gcTime 0: each request has its own key; nothing is kept once it answered.
      queryClient.fetchQuery({ queryKey: key, queryFn: () => request(signal), staleTime: 0, gcTime: 0, retry: false });
    return createCustomerPurseRunner({ ...options, backend, run, isVisible });
  });
  useIsomorphicLayoutEffect(() => runner.update(options));
  useEffect(() => {
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  const state = useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
  const actions = useMemo(() => ({ showPage: runner.showPage, retry: runner.retry }), [runner]);
  return { state, busy: isCustomerPurseBusy(state), ...actions };
}
