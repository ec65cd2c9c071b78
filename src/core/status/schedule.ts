// When to ask again about a payment that is still waiting: every 2 s for the first minute, then every 10 s, and give up
// after 15 minutes (the shopper then gets a "still processing" message and a manual refresh). Pure: (outcome, elapsed).
import type { StatusOutcome } from './classify.ts';

/** When the status page asks again about a payment that is still waiting, in ms since the page started. */
export interface PollSchedule {
  /**
   * Interval while `elapsedMs < slowAfterMs`.
   * @defaultValue 2000
   */
  fastIntervalMs: number;
  /**
   * Interval afterwards.
   * @defaultValue 10000
   */
  slowIntervalMs: number;
  /**
   * When the slow interval starts.
   * @defaultValue 60000
   */
  slowAfterMs: number;
  /**
   * No automatic request at or after this much time: the page shows "still processing" and a refresh button.
   * @defaultValue 900000 (15 minutes)
   */
  timeoutMs: number;
}

/** Every 2 s, every 10 s after a minute, nothing after 15 minutes. */
// Pure: a page that does not import it does not carry it (resolveSchedule writes its values out).
export const DEFAULT_POLL_SCHEDULE: Readonly<PollSchedule> = /* @__PURE__ */ Object.freeze({
  fastIntervalMs: 2_000,
  slowIntervalMs: 10_000,
  slowAfterMs: 60_000,
  timeoutMs: 15 * 60_000,
});

/** What to do after an answer. */
export type PollStep =
  /** The status is final: never ask again. */
  | { kind: 'final' }
  /** Ask again in `delayMs`. */
  | { kind: 'poll'; delayMs: number }
  /** Still waiting, but the schedule is over: only a manual refresh asks again. */
  | { kind: 'timed_out' };

/** The schedule with `overrides` applied; throws on a value that is not a positive number of ms. */
export function resolveSchedule(overrides?: Partial<PollSchedule>): PollSchedule {
  // DEFAULT_POLL_SCHEDULE's values (schedule.test.ts checks that they agree).
  const schedule: PollSchedule = { fastIntervalMs: 2_000, slowIntervalMs: 10_000, slowAfterMs: 60_000, timeoutMs: 15 * 60_000 };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    // Absent or undefined options keep their default.
    if (value !== undefined) schedule[key as keyof PollSchedule] = value;
  }
  for (const [key, value] of Object.entries(schedule)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(
        `Poll schedule: ${key} ` +
          // Why, and the value given, in development builds only.
          (process.env.NODE_ENV !== 'production' ? `must be a positive number of milliseconds (got ${String(value)}).` : 'is invalid.'),
      );
    }
  }
  return schedule;
}

/**
 * How long to wait before asking again, `elapsedMs` after the status page started; undefined when a request would
 * leave at or after the deadline (the page times out instead). After `failures` polls in a row that got no answer, the
 * interval doubles with each (up to the slow interval), and never ends before the server's `Retry-After`: a struggling
 * merchant server is not asked harder.
 */
export function pollDelay(elapsedMs: number, schedule: PollSchedule, failures = 0, retryAfterMs = 0): number | undefined {
  const interval = elapsedMs < schedule.slowAfterMs ? schedule.fastIntervalMs : schedule.slowIntervalMs;
  const delay = Math.max(retryAfterMs, failures ? Math.min(interval * 2 ** failures, Math.max(interval, schedule.slowIntervalMs)) : interval);
  return elapsedMs + delay < schedule.timeoutMs ? delay : undefined;
}

/** The next step after an answer with this outcome, `elapsedMs` after the status page started. */
export function nextPoll(outcome: StatusOutcome, elapsedMs: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): PollStep {
  if (outcome !== 'waiting') return { kind: 'final' };
  const delayMs = pollDelay(elapsedMs, schedule);
  return delayMs === undefined ? { kind: 'timed_out' } : { kind: 'poll', delayMs };
}

/** The phase a status page shows: the outcome, or 'timed_out' once a waiting payment ran out of schedule. */
export function pollPhase(
  outcome: StatusOutcome,
  elapsedMs: number,
  schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
): StatusOutcome | 'timed_out' {
  return outcome === 'waiting' && elapsedMs >= schedule.timeoutMs ? 'timed_out' : outcome;
}
