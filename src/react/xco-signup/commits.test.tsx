import { screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { renderSignup } from '../../test/render-signup.tsx';

/** React commits of the whole signup tree caused by each keystroke. */
async function commitsPerKey(view: ReturnType<typeof renderSignup>, counter: { commits: number }, text: string) {
  const perKey: number[] = [];
  for (const key of text) {
    const before = counter.commits;
    await view.user.keyboard(key);
    perKey.push(counter.commits - before);
  }
  return perKey;
}

function renderProfiled() {
  const counter = { commits: 0 };
  const view = renderSignup(
    { resendDelayMs: 0, defaultCountry: 'FR' },
    {
      wrap: (tree) => (
        <Profiler id="signup" onRender={() => (counter.commits += 1)}>
          {tree}
        </Profiler>
      ),
    },
  );
  return { view, counter };
}

describe('<XcoSignup> typing cost', () => {
  it('at most one React commit per keystroke in the identifier field (email and phone)', async () => {
    const { view, counter } = renderProfiled();
    await view.user.click(screen.getByLabelText('Email or phone number'));
    const email = await commitsPerKey(view, counter, 'existing@example.com');
    expect(Math.max(...email)).toBeLessThanOrEqual(1);
    await view.user.clear(screen.getByLabelText('Email or phone number'));
    const phone = await commitsPerKey(view, counter, '06 12 34 56 78');
    expect(Math.max(...phone)).toBeLessThanOrEqual(1);
  });

  it('at most one React commit per keystroke in the code field', async () => {
    const { view, counter } = renderProfiled();
    await view.user.type(screen.getByLabelText('Email or phone number'), 'existing@example.com{Enter}');
    const field = await screen.findByLabelText('Verification code');
    await view.user.click(field);
    const code = view.purse.control.currentCode({ email: 'existing@example.com' })!;
    // The sixth digit submits: one commit for "verifying". A slow verify keeps the server's answer out of the count.
    view.purse.control.setFault({ path: '/v1/merchants/*', method: 'POST', latencyMs: 100, times: 1 });
    const perKey = await commitsPerKey(view, counter, code.slice(0, 5));
    expect(Math.max(...perKey)).toBeLessThanOrEqual(1);
    const [last] = await commitsPerKey(view, counter, code.slice(5));
    expect(last).toBeLessThanOrEqual(1);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
  });
});
