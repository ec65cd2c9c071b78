// The drop-in driver's mount (core/dropin/mount.ts) is downloaded apart, from the session request
// on, beside the script: a page that cannot download it tells the shopper the payment form could not load and offers
// "Try again", which downloads it again and mounts the drop-in — with no second session, nor a second script.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { checkoutStack, CREATE_SESSION, fakeCdn, installFakePurse, liveText, renderCheckout, resetPage } from './test-support.tsx';

const chunk = vi.hoisted(() => ({ fail: false, requests: 0 }));
vi.mock('../../core/dropin/mount.ts', async (importOriginal) => {
  chunk.requests += 1;
  // As a browser answers import() when the chunk's request fails.
  if (chunk.fail) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

let cdn: ReturnType<typeof fakeCdn>;
beforeEach(() => {
  cdn = fakeCdn();
  chunk.requests = 0;
});
afterEach(() => resetPage());

it('starts with the session request; a failed download fails the mount with "Try again", which downloads it again', async () => {
  chunk.fail = true;
  const purse = installFakePurse();
  const stack = checkoutStack();
  stack.sessionGate.close();
  const onError = vi.fn();
  const { user } = renderCheckout({ onError }, { stack });

  // Asked for before the session (and the script it names) is there.
  await waitFor(() => expect(chunk.requests).toBeGreaterThan(0));
  expect(stack.count(CREATE_SESSION)).toBe(0);
  expect(cdn.requests).toHaveLength(0);
  stack.sessionGate.open();

  const text = 'The payment form could not load. Check your connection and try again.';
  await screen.findByText(text, { selector: 'p' });
  expect(liveText()).toBe(text);
  expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'script_load' }));
  expect(purse.instances).toHaveLength(0);

  chunk.fail = false;
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  await screen.findByText('Fake Purse drop-in');
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(stack.count(CREATE_SESSION)).toBe(1);
  expect(cdn.requests).toHaveLength(1);
});
