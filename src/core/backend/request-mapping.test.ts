// The mapping of error answers (problem.ts) is downloaded apart, when the first answer that is not ok arrives. These
// tests play the network edge of that download: it fails (offline), or it stalls.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseKitFailure } from '../errors.ts';
import type { FetchLike } from './request.ts';

const answer = (status: number) => new Response(JSON.stringify({ code: 'invalid_code' }), { status });
const fetchOf = (...statuses: number[]) => {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    return answer(statuses[Math.min(calls.length, statuses.length) - 1]!);
  };
  return { fetch, calls };
};
const noWait = { sleep: async () => undefined };

/** `request` as a page gets it when the mapping's chunk download does `outcome`. */
async function requestWhenMappingDownload(outcome: 'fails' | 'stalls') {
  vi.resetModules();
  vi.doMock('./problem.ts', () =>
    outcome === 'fails'
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: problem.js'))
      : new Promise(() => undefined),
  );
  // The modules as that page loads them (errors.ts included, so instanceof checks hold).
  const { request } = await import('./request.ts');
  const { PurseKitFailure } = await import('../errors.ts');
  return { request, PurseKitFailure };
}

afterEach(() => {
  vi.doUnmock('./problem.ts');
  vi.resetModules();
});

describe('request when the mapping of error answers cannot be downloaded', () => {
  it('rejects with a safe server error from the status alone, never an unhandled rejection', async () => {
    const { request, PurseKitFailure } = await requestWhenMappingDownload('fails');
    const { fetch, calls } = fetchOf(400);
    const error: unknown = await request('https://shop.test/x', { method: 'POST', body: {}, fetch, retry: noWait }).catch((e) => e);
    expect(error).toBeInstanceOf(PurseKitFailure);
    expect((error as PurseKitFailure).error).toEqual({ kind: 'server', status: 400, message: 'The merchant backend answered 400.' });
    expect(calls).toHaveLength(1);
  });

  it('keeps the retry policy of the status: a 503 is retried, and a later ok answer needs no mapping', async () => {
    const { request } = await requestWhenMappingDownload('fails');
    const { fetch, calls } = fetchOf(503, 200);
    await expect(request('https://shop.test/x', { method: 'POST', body: {}, fetch, retry: noWait })).resolves.toEqual({
      code: 'invalid_code',
    });
    expect(calls).toHaveLength(2);
  });

  it('a stalled download is bounded by the attempt timeout', async () => {
    const { request, PurseKitFailure } = await requestWhenMappingDownload('stalls');
    const error: unknown = await request('https://shop.test/x', { fetch: fetchOf(404).fetch, timeoutMs: 30, retry: false }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(PurseKitFailure);
    expect((error as PurseKitFailure).error).toMatchObject({ kind: 'network', timeout: true });
  });

  it('aborting during a stalled download rejects with an AbortError', async () => {
    const { request, PurseKitFailure } = await requestWhenMappingDownload('stalls');
    const controller = new AbortController();
    const pending = request('https://shop.test/x', { fetch: fetchOf(404).fetch, signal: controller.signal, timeoutMs: 0 });
    setTimeout(() => controller.abort(), 20);
    const error: unknown = await pending.catch((e) => e);
    expect(error).not.toBeInstanceOf(PurseKitFailure);
    expect((error as Error).name).toBe('AbortError');
  });
});
