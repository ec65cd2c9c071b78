import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderSignup } from '../../test/render-signup.tsx';

const jean = { email: 'existing@example.com' };
const wrong = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

describe('<XcoSignup> when Purse locks verification (guessing budget spent)', () => {
  it('says when to try again: a countdown from Retry-After', async () => {
    // A budget of 2 failed verifications an hour, so the lock comes quickly.
    const view = renderSignup({}, { purse: { verifyBudget: { limit: 2, windowMs: 60 * 60_000 } } });
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    const field = await screen.findByLabelText('Verification code');
    const code = view.purse.control.currentCode(jean)!;
    for (let i = 0; i < 2; i++) {
      await view.user.clear(field);
      await view.user.type(field, wrong(code));
      await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    }
    await view.user.clear(field);
    await view.user.type(field, code); // even the right code: locked
    const retry = await screen.findByRole('button', { name: /^Try again in [\d,]+ s$/ });
    const seconds = Number(/([\d,]+) s/.exec(retry.textContent ?? '')![1]!.replace(/,/g, ''));
    expect(seconds).toBeGreaterThan(60 * 59);
    expect(view.purse.control.consents()).toEqual([]);
  });
});
