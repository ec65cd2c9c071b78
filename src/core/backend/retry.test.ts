import { describe, expect, it } from 'vitest';
import type { PurseKitError } from '../errors.ts';
import { DEFAULT_RETRY, retryDelay } from './retry.ts';

const network: PurseKitError = { kind: 'network', message: 'offline', timeout: false };
const almostOne = () => 0.999999;

// retryDelay writes the defaults out (a page does not carry DEFAULT_RETRY): the documented object must say the same.
describe('retryDelay: the defaults are DEFAULT_RETRY', () => {
  it('gives up after DEFAULT_RETRY.attempts attempts', () => {
    expect(retryDelay(network, true, DEFAULT_RETRY.attempts - 2, undefined)).toBeDefined();
    expect(retryDelay(network, true, DEFAULT_RETRY.attempts - 1, undefined)).toBeUndefined();
  });

  it('backs off from DEFAULT_RETRY.baseDelayMs up to DEFAULT_RETRY.maxDelayMs', () => {
    expect(retryDelay(network, true, 0, undefined, { random: almostOne })).toBe(DEFAULT_RETRY.baseDelayMs - 1);
    expect(retryDelay(network, true, 1, undefined, { random: almostOne })).toBe(2 * DEFAULT_RETRY.baseDelayMs - 1);
    expect(retryDelay(network, true, 20, undefined, { random: almostOne, attempts: 30 })).toBe(DEFAULT_RETRY.maxDelayMs - 1);
  });

  it('waits for a Retry-After up to DEFAULT_RETRY.maxRetryAfterMs', () => {
    const limited: PurseKitError = { kind: 'rate_limited', message: 'slow down', retryAfterMs: 0 };
    expect(retryDelay(limited, true, 0, DEFAULT_RETRY.maxRetryAfterMs)).toBe(DEFAULT_RETRY.maxRetryAfterMs);
    expect(retryDelay(limited, true, 0, DEFAULT_RETRY.maxRetryAfterMs + 1)).toBeUndefined();
  });
});
