import { describe, expect, it } from 'vitest';
import { countingSignal } from '../../test/counting-signal.ts';
import type { PurseKitError } from '../errors.ts';
import { abortable, DEFAULT_RETRY, retryDelay, sleep } from './retry.ts';

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

describe('sleep and abortable leave nothing on the signal', () => {
  it('a finished sleep removes its abort listener; an aborted one stops its timer', async () => {
    const { controller, signal, live } = countingSignal();
    await sleep(1, signal);
    await sleep(1, signal);
    expect(live.size).toBe(0);

    let woke = false;
    void sleep(20, signal).then(() => (woke = true));
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(woke).toBe(false);
  });

  it('a settled abortable removes its abort listener', async () => {
    const { signal, live } = countingSignal();
    await abortable(Promise.resolve(1), signal);
    await abortable(Promise.reject(new Error('no')), signal).catch(() => undefined);
    expect(live.size).toBe(0);
  });
});
