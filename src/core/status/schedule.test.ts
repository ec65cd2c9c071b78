import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_SCHEDULE, nextPoll, pollDelay, pollPhase, resolveSchedule } from './schedule.ts';

const s = 1_000;
const min = 60 * s;

describe('nextPoll', () => {
  it('never polls a final outcome', () => {
    expect(nextPoll('success', 0)).toEqual({ kind: 'final' });
    expect(nextPoll('failure', 20 * min)).toEqual({ kind: 'final' });
  });

  it('polls every 2 s for the first minute, then every 10 s, and stops at 15 minutes', () => {
    const at = (ms: number) => nextPoll('waiting', ms);
    expect(at(0)).toEqual({ kind: 'poll', delayMs: 2 * s });
    expect(at(59_999)).toEqual({ kind: 'poll', delayMs: 2 * s });
    expect(at(60 * s)).toEqual({ kind: 'poll', delayMs: 10 * s });
    expect(at(15 * min - 10 * s - 1)).toEqual({ kind: 'poll', delayMs: 10 * s });
    // The next request would leave at the deadline: none is scheduled.
    expect(at(15 * min - 10 * s)).toEqual({ kind: 'timed_out' });
    expect(at(15 * min)).toEqual({ kind: 'timed_out' });
    expect(at(2 * 60 * min)).toEqual({ kind: 'timed_out' });
  });

  it('makes 30 fast and 83 slow requests over the whole schedule, the last one at 14:50', () => {
    // Walk the schedule as a poller would (each answer arrives instantly).
    const delays: number[] = [];
    for (let t = 0; ; ) {
      const step = nextPoll('waiting', t);
      if (step.kind !== 'poll') break;
      delays.push(step.delayMs);
      t += step.delayMs;
    }
    expect(delays.filter((d) => d === 2 * s)).toHaveLength(30);
    expect(delays.filter((d) => d === 10 * s)).toHaveLength(83);
    expect(delays.reduce((sum, d) => sum + d, 0)).toBe(14 * min + 50 * s);
  });

  it('follows a custom schedule', () => {
    const fast = resolveSchedule({ fastIntervalMs: 100, slowAfterMs: 500, slowIntervalMs: 250, timeoutMs: 1_000 });
    expect(nextPoll('waiting', 499, fast)).toEqual({ kind: 'poll', delayMs: 100 });
    expect(nextPoll('waiting', 500, fast)).toEqual({ kind: 'poll', delayMs: 250 });
    expect(nextPoll('waiting', 750, fast)).toEqual({ kind: 'timed_out' });
    expect(nextPoll('waiting', 1_000, fast)).toEqual({ kind: 'timed_out' });
  });
});

describe('pollDelay after failed polls', () => {
  const schedule = resolveSchedule();
  it('doubles the interval with each failure in a row, up to the slow interval', () => {
    expect([0, 1, 2, 3, 4].map((failures) => pollDelay(0, schedule, failures))).toEqual([2 * s, 4 * s, 8 * s, 10 * s, 10 * s]);
    expect(pollDelay(2 * min, schedule, 3)).toBe(10 * s);
  });

  it("waits at least the server's Retry-After, and not past the deadline", () => {
    expect(pollDelay(0, schedule, 1, 30 * s)).toBe(30 * s);
    expect(pollDelay(0, schedule, 1, 1 * s)).toBe(4 * s);
    expect(pollDelay(14 * min, schedule, 1, 2 * min)).toBeUndefined();
  });
});

describe('pollPhase and resolveSchedule', () => {
  it('turns a long wait into timed_out and leaves other outcomes alone', () => {
    expect(pollPhase('waiting', 14 * min)).toBe('waiting');
    expect(pollPhase('waiting', 15 * min)).toBe('timed_out');
    expect(pollPhase('success', 30 * min)).toBe('success');
    expect(pollPhase('failure', 30 * min)).toBe('failure');
  });

  it('fills defaults and refuses nonsense with a message that says what is wrong', () => {
    // resolveSchedule writes the defaults out (a page does not carry DEFAULT_POLL_SCHEDULE): they must agree.
    expect(resolveSchedule()).toEqual(DEFAULT_POLL_SCHEDULE);
    expect(resolveSchedule({ timeoutMs: 5 * s }).timeoutMs).toBe(5 * s);
    expect(resolveSchedule({ timeoutMs: undefined, fastIntervalMs: 500 })).toEqual({ ...DEFAULT_POLL_SCHEDULE, fastIntervalMs: 500 });
    expect(() => resolveSchedule({ fastIntervalMs: 0 })).toThrow(/fastIntervalMs must be a positive number/);
    expect(() => resolveSchedule({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });
});
