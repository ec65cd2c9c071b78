import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CONSENT, EXISTS, renderSignup, START, VERIFY } from '../../test/render-signup.tsx';

const jean = { email: 'existing@example.com' };
const wrong = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

async function reachCode(view: ReturnType<typeof renderSignup>, identifier = jean.email) {
  await view.user.type(screen.getByLabelText('Email or phone number'), identifier);
  await view.user.click(screen.getByRole('button', { name: 'Continue' }));
  const field = await screen.findByLabelText('Verification code');
  await waitFor(() => expect(field).toHaveFocus());
  return field;
}

describe('<XcoSignup> existing shopper', () => {
  it('by email: check, start, verify, consent — 4 requests and one consent', async () => {
    const onComplete = vi.fn();
    const view = renderSignup({ onComplete }, { customerReference: 'cust_jean' });
    const field = await reachCode(view);
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    expect(field).toHaveAttribute('pattern', '[0-9]{6}');
    expect(screen.getByRole('status')).toHaveTextContent('Code sent to existing@example.com.');
    expect(view.apiCalls()).toEqual([EXISTS, START]);

    await view.user.type(field, view.purse.control.currentCode(jean)!);

    expect(await screen.findByRole('heading', { name: 'Your Purse account is linked' })).toHaveFocus();
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY, CONSENT('cust_jean')]);
    expect(view.purse.control.consents()).toEqual([
      expect.objectContaining({ customer_reference: 'cust_jean', user_email: 'existing@example.com' }),
    ]);
    expect(onComplete).toHaveBeenCalledWith({ outcome: 'linked', user: expect.objectContaining({ first_name: 'Jean' }) });
  });

  it('by phone (national format, default country) with a pasted "123 456" code', async () => {
    const view = renderSignup({ defaultCountry: 'FR' });
    const field = await reachCode(view, '06 12 34 56 78');
    expect(screen.getByText('We sent a 6-digit code to 06 12 34 56 78.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Code sent to 06 12 34 56 78.');
    const code = view.purse.control.currentCode({ phone_number: '+33612345678' })!;
    await view.user.paste(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(field).toHaveValue(code);

    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY, CONSENT()]);
    expect(view.purse.control.consents()).toEqual([expect.objectContaining({ user_phone_number: '+33612345678' })]);
  });

  it('Enter with fewer than 6 digits: says so on the field and aloud (focus is on the field already), sends nothing', async () => {
    const view = renderSignup();
    const field = await reachCode(view);
    await view.user.type(field, '12345{Enter}');
    expect(field).toHaveAccessibleDescription(/Enter the 6 digits of the code\./);
    // The field had focus already: nothing moves, so the message is announced as it appears.
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the 6 digits of the code.');
    expect(field).toHaveFocus();
    expect(view.apiCalls()).toEqual([EXISTS, START]);
  });

  it('accepts "123-456" and ignores letters, submitting once at 6 digits', async () => {
    const view = renderSignup();
    const field = await reachCode(view);
    const code = view.purse.control.currentCode(jean)!;
    await view.user.paste(`${code.slice(0, 3)}-a`);
    expect(field).toHaveValue(code.slice(0, 3));
    await view.user.paste(`${code.slice(3)}99`);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls().filter((call) => call === VERIFY)).toHaveLength(1);
  });

  it('wrong code, then the right one: error with attempts left on the field, cleared and focused', async () => {
    const view = renderSignup();
    const field = await reachCode(view);
    const code = view.purse.control.currentCode(jean)!;
    await view.user.type(field, wrong(code));

    await waitFor(() => expect(field).toHaveAccessibleDescription(/This code is not right\. 4 attempts left\./));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('This code is not right. 4 attempts left.');

    await view.user.type(field, code);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY, VERIFY, CONSENT()]);
  });

  it('locks after 5 wrong codes; a new code unlocks', async () => {
    const view = renderSignup({ resendDelayMs: 0 }, { purse: { resendThrottleMs: 0 } });
    const field = await reachCode(view);
    const code = view.purse.control.currentCode(jean)!;
    for (const left of ['4 attempts', '3 attempts', '2 attempts', '1 attempt']) {
      await view.user.type(field, wrong(code));
      await waitFor(() => expect(field).toHaveAccessibleDescription(new RegExp(`${left} left`)));
    }
    await view.user.type(field, wrong(code));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Too many wrong codes\. Request a new code\./));
    expect(field).toHaveAttribute('readonly');
    // Typing the right code now sends nothing: the code is locked.
    await view.user.type(field, code);
    expect(view.apiCalls().filter((call) => call === VERIFY)).toHaveLength(5);

    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await waitFor(() => expect(field).not.toHaveAttribute('readonly'));
    expect(field).toHaveFocus();
    const fresh = view.purse.control.currentCode(jean)!;
    await view.user.type(field, fresh);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls().filter((call) => call === START)).toHaveLength(2);
  });

  it('expired code: says so, refuses new tries, and a resend works', async () => {
    let now = Date.now();
    const view = renderSignup({ resendDelayMs: 0 }, { purse: { now: () => now } });
    const field = await reachCode(view);
    now += 10 * 60_000 + 1;
    await view.user.type(field, view.purse.control.currentCode(jean)!);

    await waitFor(() => expect(field).toHaveAccessibleDescription(/This code has expired\. Request a new code\./));
    expect(screen.getByRole('status')).toHaveTextContent('This code has expired.');
    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await waitFor(() => expect(field).not.toHaveAttribute('aria-invalid'));
    // The new code exists at Purse once the resend is announced: typing it earlier would type the expired one.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Code sent to existing@example.com.'));
    await view.user.type(field, view.purse.control.currentCode(jean)!);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
  });

  it('awaits onVerified before sending the consent', async () => {
    let release!: () => void;
    const seen: unknown[] = [];
    const view = renderSignup({
      onVerified: ({ user }) =>
        new Promise<void>((resolve) => {
          seen.push(user.first_name);
          release = resolve;
        }),
    });
    const field = await reachCode(view);
    await view.user.type(field, view.purse.control.currentCode(jean)!);
    expect(await screen.findByText('Linking your Purse account…', { selector: 'p' })).toHaveFocus();
    expect(seen).toEqual(['Jean']);
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY]);

    release();
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY, CONSENT()]);
  });

  it('a failing onVerified is an error with a retry that calls it again', async () => {
    const onVerified = vi.fn().mockRejectedValueOnce(new Error('customer table locked')).mockResolvedValueOnce(undefined);
    const onError = vi.fn();
    const view = renderSignup({ onVerified, onError });
    const field = await reachCode(view);
    await view.user.type(field, view.purse.control.currentCode(jean)!);

    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toHaveFocus();
    expect(screen.queryByText(/customer table locked/)).not.toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'server' }));
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(onVerified).toHaveBeenCalledTimes(2);
    expect(view.purse.control.consents()).toHaveLength(1);
  });

  it('"Use another email or phone" goes back with the value kept and focus on the field', async () => {
    const view = renderSignup();
    await reachCode(view);
    await view.user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    const input = screen.getByLabelText('Email or phone number');
    expect(input).toHaveValue('existing@example.com');
    expect(input).toHaveFocus();
  });

  it('a locked identifier is read-only and cannot be changed', async () => {
    const view = renderSignup({ identifier: 'existing@example.com', lockIdentifier: true });
    const input = screen.getByLabelText('Email or phone number');
    expect(input).toHaveValue('existing@example.com');
    expect(input).toHaveAttribute('readonly');
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByLabelText('Verification code');
    expect(screen.queryByRole('button', { name: 'Use another email or phone' })).not.toBeInTheDocument();
  });
});
