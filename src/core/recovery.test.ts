// What a shopper can still do after each error: "Try again" only where trying again can succeed.
import { describe, expect, it } from 'vitest';
import type { PurseKitError } from './errors.ts';
import { canRetry, recoveryOf } from './recovery.ts';

const m = 'dev text';
const byKind: [PurseKitError, string][] = [
  [{ kind: 'network', message: m, timeout: true }, 'retry'],
  [{ kind: 'server', message: m, status: 502 }, 'retry'],
  [{ kind: 'script_load', message: m, url: 'https://cdn.example/x.js' }, 'retry'],
  [{ kind: 'dropin', message: m }, 'retry'],
  [{ kind: 'rate_limited', message: m, retryAfterMs: 1000 }, 'wait'],
  [{ kind: 'unauthorized', message: m, status: 401 }, 'unavailable'],
  [{ kind: 'config', message: m }, 'unavailable'],
  [{ kind: 'request', message: m, status: 404 }, 'refused'],
  [{ kind: 'validation', message: m, fields: {}, status: 400 }, 'refused'],
  [{ kind: 'invalid_code', message: m }, 'refused'],
  [{ kind: 'code_expired', message: m, locked: true }, 'refused'],
  [{ kind: 'session_expired', message: m }, 'refused'],
];

describe('recoveryOf', () => {
  it.each(byKind)('%o → %s', (error, recovery) => {
    expect(recoveryOf(error)).toBe(recovery);
    expect(canRetry(error)).toBe(recovery === 'retry' || recovery === 'wait');
  });

  it("the handler's setup codes are unavailable whatever the kind; other codes keep the kind's", () => {
    for (const code of ['purse_not_configured', 'checkout_misconfigured', 'invalid_json', 'idempotency_key_required', 'invalid_idempotency_key', 'not_found']) {
      expect(recoveryOf({ kind: 'request', message: m, status: 400, code })).toBe('unavailable');
      expect(recoveryOf({ kind: 'server', message: m, status: 503, code })).toBe('unavailable');
    }
    // Near misses of a setup code are not one.
    expect(recoveryOf({ kind: 'request', message: m, status: 404, code: 'payment_not_found' })).toBe('refused');
    // Every feature the handler is not configured for is the merchant's setup (the deposits page of a shop without
    // Customer Purse offered "Try again").
    expect(recoveryOf({ kind: 'server', message: m, status: 501, code: 'customer_purse_not_configured' })).toBe('unavailable');
  });

  it('a conflict that ends by itself (same intent in progress, key reused) can be tried again; other conflicts not', () => {
    expect(recoveryOf({ kind: 'request', message: m, status: 409, code: 'idempotency_in_progress' })).toBe('retry');
    expect(recoveryOf({ kind: 'request', message: m, status: 422, code: 'idempotency_key_reused' })).toBe('retry');
    expect(recoveryOf({ kind: 'request', message: m, status: 409, code: 'user_exists' })).toBe('refused');
    expect(recoveryOf({ kind: 'validation', message: m, fields: {}, status: 409, code: 'idempotency_in_progress' })).toBe('refused');
  });
});
