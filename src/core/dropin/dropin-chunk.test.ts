// The drop-in driver's mount (mount.ts) is downloaded apart: loadDropin asks for it with the script, not after it, so
// it is there when the script is and the mount waits for nothing more.
import { afterEach, expect, it, vi } from 'vitest';
import { fakeCdn, resetPage } from '../../test/fake-cdn.ts';
import { loadDropin } from './index.ts';

const chunk = vi.hoisted(() => ({ requests: 0 }));
vi.mock('./mount.ts', async (importOriginal) => {
  chunk.requests += 1;
  return importOriginal();
});

afterEach(() => resetPage());

it('loadDropin asks for the mount while the script is still downloading', async () => {
  const { requests } = fakeCdn({ hold: true });
  const loading = loadDropin('https://cdn.purse-secure.com/dropin-checkout/stable/purse.js');
  await vi.waitFor(() => expect(chunk.requests).toBe(1));
  await vi.waitFor(() => expect(requests).toHaveLength(1));
  // The script has not answered yet.
  requests[0]!.respond('window.Purse = { createDropinCheckout: function () { return Promise.resolve({}); } };');
  await expect(loading).resolves.toMatchObject({ generation: 'dropin-checkout' });
});
