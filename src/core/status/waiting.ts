// What a waiting status asks for (effects.ts downloads it apart, when a status first waits): the next poll on the
// schedule, and the deadline. A page whose payment is final at once never downloads it.
import { timer, type EffectContext } from '../runner.ts';
import type { StatusOutcome } from './classify.ts';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule, type PollStep } from './schedule.ts';
import type { StatusEvent, StatusState } from './types.ts';

/**
 * How long to wait before asking again, `elapsedMs` after the status page started; undefined when a request would
 * leave at or after the deadline (the page times out instead).
 */
export function pollDelay(elapsedMs: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number | undefined {
  const interval = elapsedMs < schedule.slowAfterMs ? schedule.fastIntervalMs : schedule.slowIntervalMs;
  return elapsedMs + interval < schedule.timeoutMs ? interval : undefined;
}

/** The next step after an answer with this outcome, `elapsedMs` after the status page started. */
export function nextPoll(outcome: StatusOutcome, elapsedMs: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): PollStep {
  if (outcome !== 'waiting') return { kind: 'final' };
  const delayMs = pollDelay(elapsedMs, schedule);
  return delayMs === undefined ? { kind: 'timed_out' } : { kind: 'poll', delayMs };
}

/** While waiting: the next poll (unless a request is in flight or the schedule is over), and the deadline. */
export function wait({ request, startedAt }: StatusState, schedule: PollSchedule, context: EffectContext<StatusEvent>): void {
  const elapsed = Date.now() - startedAt;
  const delay = pollDelay(elapsed, schedule);
  if (delay !== undefined && request === undefined) timer(context, delay, { type: 'POLL' });
  // The deadline: stop polling and show "still processing" with a manual refresh.
  timer(context, Math.max(0, schedule.timeoutMs - elapsed), { type: 'TIMED_OUT' });
}
