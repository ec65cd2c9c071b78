// A Suspense boundary above the signup hides it while something else in the boundary loads, then shows it again: React
// runs the hidden tree's layout-effect cleanups, not its passive ones. The signup stays attached meanwhile, so work it
// had started (the merchant's onVerified, a request) is not stopped and run a second time.
import { act, screen, waitFor } from '@testing-library/react';
import { Suspense, use, useEffect, useState } from 'react';
import { expect, it, vi } from 'vitest';
import { renderSignup } from '../../test/render-signup.tsx';

let suspendWith: ((promise: Promise<void> | undefined) => void) | undefined;
/** Suspends the boundary while the promise it is given is pending. */
function Gate() {
  const [promise, set] = useState<Promise<void>>();
  useEffect(() => {
    suspendWith = set;
  }, []);
  if (promise) use(promise);
  return null;
}

it('runs onVerified once however often the boundary hides and shows the signup', async () => {
  let release!: () => void;
  const hookDone = new Promise<void>((resolve) => (release = resolve));
  const onVerified = vi.fn(() => hookDone);
  const view = renderSignup(
    { onVerified },
    {
      wrap: (tree) => (
        <Suspense fallback={<p>Loading…</p>}>
          {tree}
          <Gate />
        </Suspense>
      ),
    },
  );
  await view.user.type(screen.getByLabelText('Email or phone number'), 'existing@example.com');
  await view.user.click(screen.getByRole('button', { name: 'Continue' }));
  await view.user.type(await screen.findByLabelText('Verification code'), view.purse.control.currentCode({ email: 'existing@example.com' })!);
  await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));

  // Something else in the boundary suspends (outside a transition): the signup is hidden, then shown again.
  let resume!: () => void;
  const data = new Promise<void>((resolve) => (resume = resolve));
  await act(async () => suspendWith!(data));
  await act(async () => {
    resume();
    await data;
  });
  await act(async () => {
    release();
    await hookDone;
  });
  await screen.findByRole('heading', { name: 'Your Purse account is linked' });
  expect(onVerified).toHaveBeenCalledTimes(1);
});
