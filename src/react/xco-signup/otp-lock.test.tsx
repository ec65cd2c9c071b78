import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderSignup } from '../../test/render-signup.tsx';

const jean = { email: 'existing@example.com' };
const wrong = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

describe('<XcoSignup> when Purse locks verification (guessing budget spent)', () => {
  it('says the code is locked, and when a new one can be asked for: a countdown from Retry-After, in minutes', async () => {
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
    expect(await screen.findByText('Too many wrong codes. Request a new code.', { selector: 'p' })).toBeVisible();
    // Retrying the verify cannot help (the lock holds for the hour): the resend waits for the lock instead.
    expect(screen.getByRole('button', { name: 'Resend code in 60 min' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    expect(view.purse.control.consents()).toEqual([]);
  });
});
