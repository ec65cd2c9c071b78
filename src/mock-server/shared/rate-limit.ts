// Sliding-window rate limiter keyed by caller (caller_id, or the client id when absent), on the injected clock.

export function createRateLimiter(now: () => number, limit: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  return {
    /** Counts one call for `key`; refused calls are not counted. */
    take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
      const time = now();
      const recent = (hits.get(key) ?? []).filter((t) => t > time - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { ok: false, retryAfterMs: recent[0]! + windowMs - time };
      }
      recent.push(time);
      hits.set(key, recent);
      return { ok: true };
    },
    reset() {
      hits.clear();
    },
  };
}
