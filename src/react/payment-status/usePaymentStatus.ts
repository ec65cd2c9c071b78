// Headless payment status: verify the redirect token (or take an id), then poll the backend on the schedule of
// core/status until the status is final. Success comes only from the backend's answer, never from the URL.
import { useQuery } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink } from '../../core/backend/views.ts';
import type { PurseKitError } from '../../core/errors.ts';
import {
  classifyPayment,
  classifyPaymentLink,
  classifySession,
  nextPoll,
  resolveSchedule,
} from '../../core/status/index.ts';
import type { PollSchedule, StatusReason } from '../../core/status/index.ts';
import { usePurse } from '../provider/context.ts';
import { derivePhase } from './derive.ts';
import type { PaymentStatusPhase } from './derive.ts';
import { readRedirectToken, resolveSource, sourceKey } from './source.ts';
import type { StatusSourceProps } from './source.ts';

export type { PaymentStatusPhase } from './derive.ts';

export interface PaymentStatusDetails {
  payment?: ShopperPayment;
  link?: ShopperPaymentLink;
}

export interface UsePaymentStatusOptions extends StatusSourceProps {
  /** Overrides of the poll schedule (default: every 2 s, every 10 s after 60 s, stop after 15 min). */
  schedule?: Partial<PollSchedule>;
  /** Once per transition to success. */
  onSuccess?(details: PaymentStatusDetails): void;
  /** Once per transition to failure (refused, aborted, cancelled…) or to error (then with `error`). */
  onFailure?(details: PaymentStatusDetails & { error?: PurseKitError }): void;
  /** Once per transition to waiting (pending, submitted, link not paid yet). */
  onPending?(details: PaymentStatusDetails): void;
}

export interface PaymentStatusState extends PaymentStatusDetails {
  phase: PaymentStatusPhase;
  /** Why: 'authorized', 'captured', 'refused', 'pending', 'link_expired'… (absent while verifying or on error). */
  reason?: StatusReason;
  /** Set when phase is 'error'. */
  error?: PurseKitError;
  /** Asks the backend once more (after an error, or when the poll schedule is over). At most one request at a time. */
  refresh(): void;
  /** A request of the current step is in flight. */
  refreshing: boolean;
}

const KEY = ['purse', 'payment-status'] as const;

/** When the schedule of a source started. Mutable on purpose and read only from callbacks and effects, not render. */
class PollClock {
  #key: string | undefined;
  #startedAt = 0;
  /** Starts the clock on the first call for `key` (and again when the source changes). */
  elapsed(key: string): number {
    const now = Date.now();
    if (this.#key !== key) {
      this.#key = key;
      this.#startedAt = now;
    }
    return now - this.#startedAt;
  }
}

interface PollContext {
  clock: PollClock;
  key: string;
  schedule: PollSchedule;
  timedOut: boolean;
}

const paymentWaiting = (p: ShopperPayment) => classifyPayment(p).outcome === 'waiting';
// Once the session names its payment, the payment query takes over.
const sessionWaiting = (s: CheckoutSession) => !s.payment_id && classifySession(s).outcome === 'waiting';
// The backend reports EXPIRED (the reference handler compares expires_at with its own clock): the browser's clock,
// which may be wrong, decides nothing here.
const linkWaiting = (l: ShopperPaymentLink) => classifyPaymentLink(l).outcome === 'waiting';

/** A refetchInterval: poll while `waiting(data)`, on the schedule; never before a first answer or after the deadline. */
function every<T>(waiting: (data: T) => boolean, { clock, key, schedule, timedOut }: PollContext) {
  return (query: Query<T, Error, T, readonly unknown[]>) => {
    const { data } = query.state;
    if (data === undefined || timedOut) return false;
    const step = nextPoll(waiting(data) ? 'waiting' : 'success', clock.elapsed(key), schedule);
    return step.kind === 'poll' ? step.delayMs : false;
  };
}

// Fresh until we decide otherwise: no refetch on mount, focus or reconnect, so the schedule alone sends requests.
// The adapter retries transient failures itself.
const quiet = { staleTime: Infinity, retry: false } as const;

export function usePaymentStatus(options: UsePaymentStatusOptions = {}): PaymentStatusState {
  const { backend } = usePurse();
  const [urlToken] = useState(readRedirectToken);
  const source = resolveSource(options, urlToken);
  const key = sourceKey(source);

  const { fastIntervalMs, slowIntervalMs, slowAfterMs, timeoutMs } = options.schedule ?? {};
  const schedule = useMemo(
    () => resolveSchedule({ fastIntervalMs, slowIntervalMs, slowAfterMs, timeoutMs }),
    [fastIntervalMs, slowIntervalMs, slowAfterMs, timeoutMs],
  );

  const [clock] = useState(() => new PollClock());
  useEffect(() => void clock.elapsed(key), [clock, key]);
  const [timedOutKey, setTimedOutKey] = useState<string | null>(null);
  const timedOut = timedOutKey === key;
  const polling: PollContext = { clock, key, schedule, timedOut };

  const token = source.kind === 'token' ? source.token : undefined;
  const verifyQuery = useQuery({
    queryKey: [...KEY, 'verify', token],
    // No abort signal: a StrictMode remount must reuse this one request, not cancel and repeat it.
    queryFn: () => backend.verifyRedirect(token as string),
    enabled: token !== undefined,
    ...quiet,
  });
  const verified = token !== undefined ? verifyQuery.data : undefined;

  const linkId = source.kind === 'link' ? source.id : undefined;
  const linkQuery = useQuery({
    queryKey: [...KEY, 'link', linkId],
    queryFn: () => backend.getPaymentLink(linkId as string),
    enabled: linkId !== undefined,
    refetchInterval: every(linkWaiting, polling),
    ...quiet,
  });
  const link = linkId !== undefined ? linkQuery.data : undefined;

  // A verified redirect without a payment yet (session still open): follow the session until it names one.
  const sessionId =
    source.kind === 'session'
      ? source.id
      : verified && !verified.payment_id && classifySession({ status: verified.client_session_status }).outcome === 'waiting'
        ? verified.client_session_id
        : undefined;
  const sessionQuery = useQuery({
    queryKey: [...KEY, 'session', sessionId],
    queryFn: () => backend.getSession(sessionId as string),
    enabled: sessionId !== undefined,
    refetchInterval: every(sessionWaiting, polling),
    ...quiet,
  });
  const session = sessionId !== undefined ? sessionQuery.data : undefined;

  // A payment link is shown from the link alone: the reference handler shows a link's payments only to the customer
  // whose verified redirect names them, so asking for them here would cost a request that answers 404.
  const paymentId = source.kind === 'payment' ? source.id : (verified?.payment_id ?? session?.payment_id);
  const paymentQuery = useQuery({
    queryKey: [...KEY, 'payment', paymentId],
    queryFn: () => backend.getPayment(paymentId as string),
    enabled: paymentId !== undefined,
    // The verified redirect already carries the payment as Purse reported it: no second request for it.
    initialData: () => (verified?.payment && verified.payment.id === paymentId ? verified.payment : undefined),
    refetchInterval: every(paymentWaiting, polling),
    ...quiet,
  });
  const payment = paymentId !== undefined ? paymentQuery.data : undefined;

  const snapshot = <T>(used: boolean, q: { data?: T; error: unknown }) =>
    used ? { data: q.data, error: q.error ?? undefined } : undefined;
  const { phase, classification, error } = derivePhase({
    source: source.kind,
    verify: snapshot(token !== undefined, verifyQuery),
    link: snapshot(linkId !== undefined, linkQuery),
    session: snapshot(sessionId !== undefined, sessionQuery),
    payment: snapshot(paymentId !== undefined, paymentQuery),
    timedOut,
  });

  // The deadline: stop polling and show "still processing" with a manual refresh.
  const waiting = phase === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setTimedOutKey(key), Math.max(0, schedule.timeoutMs - clock.elapsed(key)));
    return () => clearTimeout(timer);
  }, [waiting, key, schedule.timeoutMs, clock]);

  // Refresh the step that failed, else the deepest one in use.
  const used = [
    token !== undefined && verifyQuery,
    linkId !== undefined && linkQuery,
    sessionId !== undefined && sessionQuery,
    paymentId !== undefined && paymentQuery,
  ].filter((q) => q !== false);
  const target = used.find((q) => q.error && q.data === undefined) ?? used.at(-1);
  const refetch = target?.refetch;
  // cancelRefetch: false: a second click while a request is in flight joins it instead of sending another.
  const refresh = useCallback(() => void refetch?.({ cancelRefetch: false }), [refetch]);

  useTransitionCallbacks(phase, { payment, link, error }, options);

  return { phase, reason: classification?.reason, payment, link, error, refresh, refreshing: target?.isFetching ?? false };
}

type Callbacks = Pick<UsePaymentStatusOptions, 'onSuccess' | 'onFailure' | 'onPending'>;

/** Each callback fires once when the phase changes to its state, not on re-renders or polls that repeat it. */
function useTransitionCallbacks(
  phase: PaymentStatusPhase,
  details: PaymentStatusDetails & { error?: PurseKitError },
  callbacks: Callbacks,
) {
  const latest = useRef({ details, callbacks });
  useEffect(() => {
    latest.current = { details, callbacks };
  });
  // Survives StrictMode's simulated remount, so the same transition is not reported twice.
  const reported = useRef<PaymentStatusPhase | null>(null);
  useEffect(() => {
    if (reported.current === phase) return;
    reported.current = phase;
    const { details: d, callbacks: c } = latest.current;
    if (phase === 'success') c.onSuccess?.({ payment: d.payment, link: d.link });
    else if (phase === 'failure') c.onFailure?.({ payment: d.payment, link: d.link });
    else if (phase === 'error') c.onFailure?.({ payment: d.payment, link: d.link, error: d.error });
    else if (phase === 'waiting') c.onPending?.({ payment: d.payment, link: d.link });
  }, [phase]);
}
