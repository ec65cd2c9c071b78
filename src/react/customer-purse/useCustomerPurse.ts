// Headless Customer Purse: binds the Customer Purse machine (core/customer-purse) to the provider's backend, to
// TanStack Query (each request runs as a query: visible in the app's cache and devtools) and to React.
import type { QueryClient } from '@tanstack/react-query';
import type { ShopperDeposit } from '../../core/backend/customer-purse.ts';
import { CustomerPurseRunner, DEFAULT_DEPOSIT_POLL_MS, type CustomerPurseConfig, type CustomerPurseExecutor } from '../../core/customer-purse/effects.ts';
import { DEFAULT_DEPOSIT_PAGE_SIZE, isCustomerPurseBusy } from '../../core/customer-purse/machine.ts';
import type { CustomerPurseState } from '../../core/customer-purse/types.ts';
import type { PurseKitError } from '../../core/errors.ts';
import { usePurse } from '../provider/context.ts';
import { useRunner } from '../shared/useRunner.ts';
import { enCustomerPurse } from '../i18n/en/customer-purse.ts';
import { addMessages } from '../i18n/index.ts';
import { customerPurseMethods } from '../../core/backend/http-methods.ts';
import { addHttpMethods } from '../provider/http.ts';

// CustomerPurse's English texts come with it (a page without it never downloads them).
addMessages(enCustomerPurse);
addHttpMethods(customerPurseMethods);

/** Options of `useCustomerPurse()` and props of `<CustomerPurse>`. */
export interface UseCustomerPurseOptions {
  /**
   * Deposits per page (read on mount).
   * @defaultValue 10 (`DEFAULT_DEPOSIT_PAGE_SIZE`)
   */
  pageSize?: number;
  /**
   * How often the shown page is asked for again while the view is mounted and the tab visible, in ms; 0 turns polling
   * off.
   * @defaultValue 10000 (`DEFAULT_DEPOSIT_POLL_MS`)
   */
  pollIntervalMs?: number;
  /** A deposit arrived while the view was open (seen by a poll of the first page). */
  onDeposit?: (deposit: ShopperDeposit) => void;
  /** Every failure, as data (also rendered by the view in the shopper's language). */
  onError?: (error: PurseKitError) => void;
}

/** What `useCustomerPurse()` returns: the state and the shopper's actions. */
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

function configOf(options: UseCustomerPurseOptions, backend: CustomerPurseConfig['backend']): CustomerPurseConfig {
  return {
    ...options,
    backend,
    isVisible,
    pageSize: options.pageSize ?? DEFAULT_DEPOSIT_PAGE_SIZE,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_DEPOSIT_POLL_MS,
  };
}

/** Each request as a query of its own key: nothing is kept once it answered (gcTime 0). */
function queries(queryClient: QueryClient): CustomerPurseExecutor {
  return (queryKey, request, signal) =>
    queryClient.fetchQuery({
      queryKey,
      queryFn: () => request(signal),
      staleTime: 0,
      gcTime: 0,
      // The adapter already retries what is safe to retry; a pause while "offline" would hide the error.
      retry: false,
      networkMode: 'always',
    });
}

/** The signed-in shopper's deposit addresses and deposits, polled while mounted (and the tab is visible). */
export function useCustomerPurse(options: UseCustomerPurseOptions = {}): CustomerPurseApi {
  const { backend, queryClient } = usePurse();
  const config = configOf(options, backend);
  const [state, purse] = useRunner((initial) => new CustomerPurseRunner(initial, queries(queryClient)), config);
  return { state, busy: isCustomerPurseBusy(state), showPage: purse.showPage, retry: purse.retry };
}
