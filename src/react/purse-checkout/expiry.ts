// Session expiry: a timer on `expires_at` while no drop-in is mounted, and Drop-in Checkout's in-place renewal
// (hooks.onRefreshSession) with a short wait for the drop-in to ask for it before a restart is offered.
import type { CheckoutSession } from '../../core/backend/views.ts';
import { expiryDelay } from './state.ts';

/** How long after an `expired` event Drop-in Checkout may take to call onRefreshSession before we offer a restart. */
export const REFRESH_GRACE_MS = 2_000;

export interface ExpiryHost {
  /** The session expired and cannot be renewed in place. */
  expire(): void;
  /** Creates a fresh session for the same order. */
  refresh(signal: AbortSignal): Promise<{ session: CheckoutSession; widgetData: string }>;
  /** A renewal succeeded: the drop-in now runs on this session. */
  onRefreshed(session: CheckoutSession): void;
}

export class CheckoutExpiry {
  private receivedAt = 0;
  private watched: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private grace: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<string> | undefined;
  private lastRefreshAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly host: ExpiryHost) {}

  /** When the current session arrived, by the shopper's clock (see `expiryDelay`). */
  received(at: number): void {
    this.receivedAt = at;
  }

  /** Runs the `expires_at` timer for this session, or none. */
  watch(session: CheckoutSession | undefined): void {
    const key = session && `${session.id} ${session.expires_at}`;
    if (key === this.watched) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watched = key;
    if (!session) return;
    const delay = expiryDelay(session.expires_at, this.receivedAt, Date.now());
    if (delay === undefined) return;
    this.timer = setTimeout(() => {
      this.watched = undefined;
      this.host.expire();
    }, delay);
  }

  /** Drop-in Checkout said `expired`: it should now ask for a new session; if it does not, offer a restart. */
  awaitRefresh(): void {
    const at = Date.now();
    clearTimeout(this.grace);
    this.grace = setTimeout(() => {
      this.grace = undefined;
      // A renewal asked for just before or after the event counts.
      if (!this.refreshing && this.lastRefreshAt < at - REFRESH_GRACE_MS) this.host.expire();
    }, REFRESH_GRACE_MS);
  }

  /** Drop-in Checkout's `hooks.onRefreshSession`: one renewal at a time; its failure ends in `expired`. */
  refreshSession(signal: AbortSignal): Promise<string> {
    if (this.refreshing) return this.refreshing;
    this.lastRefreshAt = Date.now();
    this.stopWaiting();
    const refreshing = this.host.refresh(signal).then(({ session, widgetData }) => {
      if (signal.aborted) throw signal.reason;
      this.receivedAt = Date.now();
      this.host.onRefreshed(session);
      return widgetData;
    });
    this.refreshing = refreshing;
    const settle = () => {
      if (this.refreshing === refreshing) this.refreshing = undefined;
    };
    refreshing.then(settle, () => {
      settle();
      if (!signal.aborted) this.host.expire();
    });
    return refreshing;
  }

  stopWaiting(): void {
    clearTimeout(this.grace);
    this.grace = undefined;
  }

  stop(): void {
    this.watch(undefined);
    this.stopWaiting();
  }
}
