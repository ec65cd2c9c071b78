import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomDigits, timingSafeEqual, uuid } from './util.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('randomDigits', () => {
  it('always gives six digits, leading zeros included', () => {
    for (let i = 0; i < 200; i++) expect(randomDigits()).toMatch(/^\d{6}$/);
  });

  it('rejects 32-bit draws in the biased tail instead of reducing them modulo 10^6', () => {
    // 4_294_000_000 is the first value past the largest multiple of 10^6 below 2^32: it must be redrawn.
    const draws = [4_294_967_295, 4_294_000_000, 4_293_999_999];
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      (array as Uint32Array)[0] = draws.shift()!;
      return array;
    });
    expect(randomDigits()).toBe('999999');
    expect(spy).toHaveBeenCalledTimes(3);
  });
});

describe('uuid', () => {
  it('produces distinct RFC 4122 version 4 identifiers', () => {
    const ids = new Set(Array.from({ length: 100 }, uuid));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('timingSafeEqual', () => {
  it('compares whole strings, lengths included', () => {
    expect(timingSafeEqual('123456', '123456')).toBe(true);
    expect(timingSafeEqual('123456', '123457')).toBe(false);
    expect(timingSafeEqual('12345', '123456')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(true);
  });
});
