// Headless payment status: binds the status machine (core/status) to the provider's backend, to TanStack Query (the
// requests run as queries: a verified redirect is remembered, a request in flight is shared) and to React.
import type { QueryClient } from '@tanstack/react-query';
import type { PurseKitError } from '../../core/errors.ts';
import { StatusRunner, type PaymentStatusDetails, type StatusCache, type StatusConfig } from '../../core/status/effects.ts';
import type { StatusReason } from '../../core/status/classify.ts';
import { nameOf } from '../../core/status/machine.ts';
import { resolveSchedule, type PollSchedule } from '../../core/status/schedule.ts';
import type { StatusSourceProps } from '../../core/status/source.ts';
import type { PaymentStatusPhase, StatusAnswer, StatusTarget } from '../../core/status/types.ts';
import { usePurse } from '../provider/context.ts';
import { useRunner } from '../shared/useRunner.ts';
import { enPaymentStatus } from '../i18n/en/payment-status.ts';
import { addMessages } from '../i18n/index.ts';
import { statusMethods } from '../../core/backend/http-methods.ts';
import { addHttpMethods } from '../provider/http.ts';

// The payment status's English texts come with it (a page without it never downloads them).
addMessages(enPaymentStatus);
addHttpMethods(statusMethods);

/** Options of `usePaymentStatus()` and props of `<PaymentStatus>`. */
export interface UsePaymentStatusOptions extends StatusSourceProps {
  /**
   * Overrides of the poll schedule.
   * @defaultValue `DEFAULT_POLL_SCHEDULE`: every 2 s, every 10 s after 60 s, stop after 15 min
   */
  schedule?: Partial<PollSchedule>;
  /** Once per transition to success. */
  onSuccess?(details: PaymentStatusDetails): void;
  /** Once per transition to failure (refused, aborted, cancelled…) or to error (then with `error`). */
  onFailure?(details: PaymentStatusDetails & { error?: PurseKitError }): void;
  /** Once per transition to waiting (pending, submitted, link or client session not paid yet). */
  onPending?(details: PaymentStatusDetails): void;
}

/** What `usePaymentStatus()` returns. */
export interface PaymentStatusState extends PaymentStatusDetails {
  /** verifying, waiting, success, failure, timed_out or error: render from it. */
  phase: PaymentStatusPhase;
  /** Why: 'authorized', 'captured', 'refused', 'pending', 'link_expired'… (absent while verifying or on error). */
  reason?: StatusReason;
  /** Set when phase is 'error'. */
  error?: PurseKitError;
  /** Asks the backend once more (after an error, or when the poll schedule is over). At most one request at a time. */
  refresh(): void;
  /** A request of the current step is in flight. */
  refreshing: boolean;
  /** After a rate-limited failure: when asking again can succeed (epoch ms). */
  retryAt?: number;
}

const queryKey = (target: StatusTarget) => ['purse', 'payment-status', target.kind, nameOf(target)];

/** A verified redirect never changes: it is kept, and a remount shows it at once. What is polled is asked anew. */
function queryCache(queryClient: QueryClient): StatusCache {
  return {
    read: (target) => (target.kind === 'verify' ? queryClient.getQueryData<StatusAnswer>(queryKey(target)) : undefined),
    fetch: (target, request) =>
      queryClient.fetchQuery({
        queryKey: queryKey(target),
        queryFn: request,
        staleTime: target.kind === 'verify' ? Infinity : 0,
        // The adapter retries what is safe to retry.
        retry: false,
        networkMode: 'always',
      }),
  };
}

/**
 * Headless payment status: verifies the redirect token (or follows the id given) through the merchant backend and
 * polls until the status is final.
 */
export function usePaymentStatus(options: UsePaymentStatusOptions = {}): PaymentStatusState {
  const { backend, queryClient } = usePurse();
  // A bad schedule throws here, in render, with a message that says which value.
  const config: StatusConfig = { ...options, backend, schedule: resolveSchedule(options.schedule) };
  // Another payment starts over. Early: the first request leaves before the first paint (a request stopped while a
  // Suspense boundary hides the view is asked again; each phase is reported once).
  const [{ phase, reason, payment, link, error, request, retryAt }, status] = useRunner(
    (initial) => new StatusRunner(initial, queryCache(queryClient)),
    config,
    true,
  );
  return { phase, reason, payment, link, error, refresh: status.refresh, refreshing: request !== undefined, retryAt };
}
