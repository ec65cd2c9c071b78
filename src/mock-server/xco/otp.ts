// One-time codes for passwordless authentication: 6 CSPRNG digits, expiry, resend throttle, attempt lock, single use,
// and a guessing budget per identifier across resends (OWASP ASVS: a resend must not reset what an attacker may try).
// Purse does not publish its limits; these are the mock's documented choices (see MockPurseOptions).
import { randomDigits, timingSafeEqual } from '../shared/util.ts';

interface OtpEntry {
  code: string;
  expiresAt: number;
  failures: number;
  consumed: boolean;
}

export type StartResult = { ok: true; code: string } | { ok: false; retryAfterMs: number; locked?: true };

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'budget_spent'; retryAfterMs: number }
  | { ok: false; reason: 'invalid_code'; attemptsLeft: number }
  | { ok: false; reason: 'code_locked' | 'code_expired' | 'no_code' };

export interface OtpRules {
  now: () => number;
  ttlMs: number;
  resendThrottleMs: number;
  maxAttempts: number;
  /** Failed verifications allowed per identifier in any window, whatever the resends. */
  budget: { limit: number; windowMs: number };
}

export function createOtpStore({ now, ttlMs, resendThrottleMs, maxAttempts, budget }: OtpRules) {
  const entries = new Map<string, OtpEntry>();
  // When each recent failed verification of an identifier happened (at most budget.limit kept): a sliding window.
  const failures = new Map<string, number[]>();

  /** How long `key` stays locked because its budget of failures is spent; 0 when it is not. */
  function lockedFor(key: string): number {
    const time = now();
    const recent = (failures.get(key) ?? []).filter((at) => time - at < budget.windowMs);
    failures.set(key, recent);
    return recent.length >= budget.limit ? recent[0]! + budget.windowMs - time : 0;
  }
  // Kept apart from the code: a used or locked code still counts for the resend throttle.
  const lastSentAt = new Map<string, number>();

  return {
    /** Sends a new code for `key`, replacing any previous one, unless the previous send is too recent. */
    start(key: string): StartResult {
      const locked = lockedFor(key);
      if (locked > 0) return { ok: false, retryAfterMs: locked, locked: true };
      const time = now();
      const last = lastSentAt.get(key);
      if (last !== undefined && time - last < resendThrottleMs) return { ok: false, retryAfterMs: last + resendThrottleMs - time };
      const code = randomDigits(6);
      entries.set(key, { code, expiresAt: time + ttlMs, failures: 0, consumed: false });
      lastSentAt.set(key, time);
      return { ok: true, code };
    },

    verify(key: string, code: string): VerifyResult {
      const locked = lockedFor(key);
      if (locked > 0) return { ok: false, reason: 'budget_spent', retryAfterMs: locked };
      const entry = entries.get(key);
      if (!entry || entry.consumed) return { ok: false, reason: 'no_code' };
      if (entry.failures >= maxAttempts) return { ok: false, reason: 'code_locked' };
      if (now() >= entry.expiresAt) return { ok: false, reason: 'code_expired' };
      if (!timingSafeEqual(code, entry.code)) {
        entry.failures++;
        failures.get(key)!.push(now());
        return { ok: false, reason: 'invalid_code', attemptsLeft: maxAttempts - entry.failures };
      }
      entry.consumed = true;
      return { ok: true };
    },

    /** The latest code for `key` until it is used. */
    current(key: string): string | undefined {
      const entry = entries.get(key);
      return entry && !entry.consumed ? entry.code : undefined;
    },

    reset() {
      entries.clear();
      lastSentAt.clear();
      failures.clear();
    },
  };
}
