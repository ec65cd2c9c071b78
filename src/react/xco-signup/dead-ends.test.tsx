// Every refusal of the signup either offers a way that can succeed or says what to do instead: never a "Try again"
// that replays what was refused. Each case is produced for real on the in-process stack (browser adapter → merchant
// handler → Purse emulator).
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CONSENT, CREATE, EXISTS, renderSignup, START, VERIFY } from '../../test/render-signup.tsx';
import { createTestStack, fullStore } from '../../test/stack.ts';

const camille = { email: 'camille.martin@example.fr' };
const jean = { email: 'existing@example.com' };
const jeanProfile = {
  first_name: 'Jean',
  last_name: 'Dupont',
  addresses: [{ address_type: 'billing' as const, street_address: '1 rue A', postal_code: '75001', locality: 'Paris', country: 'FRANCE' }],
};

async function reachCode(view: ReturnType<typeof renderSignup>, identifier: string) {
  await view.user.type(screen.getByLabelText('Email or phone number'), identifier);
  await view.user.click(screen.getByRole('button', { name: 'Continue' }));
  return screen.findByLabelText('Verification code');
}

describe('<XcoSignup> dead ends', () => {
  it('linking a second account to a customer: says the shop account is linked already, and never loops', async () => {
    const stack = createTestStack({ customerReference: 'cust_twice' });
    const first = renderSignup({}, { stack });
    await first.user.type(await reachCode(first, camille.email), stack.purse.control.currentCode(camille)!);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    first.unmount();

    const onError = vi.fn();
    const second = renderSignup({ onError }, { stack });
    await second.user.type(await reachCode(second, jean.email), stack.purse.control.currentCode(jean)!);

    expect(await screen.findByRole('heading', { name: 'Your shop account already has a Purse account' })).toHaveFocus();
    expect(screen.getByText(/already linked to another Purse account\. Pay with that account at checkout/, { selector: 'p' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Your shop account already has a Purse account.');
    // No retry of a used challenge, and no "use another email" (another account cannot be linked either).
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'request', status: 409, code: 'customer_reference_taken' }));
    const calls = second.apiCalls();
    expect(calls.filter((call) => call === CONSENT('cust_twice'))).toHaveLength(2); // one per signup, none replayed
    expect(stack.purse.control.consents()).toEqual([expect.objectContaining({ customer_reference: 'cust_twice', user_email: camille.email })]);
  });

  it('a consent challenge the handler no longer has: "Send a new code", and the new code links', async () => {
    // The challenge outlives its record in the handler (1 ms), as after a long pause on the step or a restart.
    const view = renderSignup(
      { onVerified: () => new Promise((resolve) => setTimeout(resolve, 20)) },
      { handler: { consentChallengeTtlMs: 1 }, purse: { resendThrottleMs: 0 } },
    );
    await view.user.type(await reachCode(view, jean.email), view.purse.control.currentCode(jean)!);

    expect(await screen.findByRole('heading', { name: 'Your verification has expired' })).toHaveFocus();
    expect(screen.getByText('This verification can no longer be used. Send a new code to continue.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Send a new code' }));
    await view.user.type(await screen.findByLabelText('Verification code'), view.purse.control.currentCode(jean)!);
    expect(view.apiCalls().slice(0, 4)).toEqual([EXISTS, START, VERIFY, START]);
  });

  it('an account created meanwhile (create answers user_exists): "Link my account" sends a code instead', async () => {
    const view = renderSignup({ defaultProfile: jeanProfile }, { identity: jean });
    // The check answers "no account" once, as it would just before someone else created it.
    view.purse.control.setFault({ path: '/v1/users/exists', status: 200, body: { exists: false }, times: 1 });
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'You already have a Purse account' })).toHaveFocus();
    await view.user.click(screen.getByRole('button', { name: 'Link my account' }));
    const field = await screen.findByLabelText('Verification code');
    await view.user.type(field, view.purse.control.currentCode(jean)!);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls()).toEqual([EXISTS, CREATE, START, VERIFY, CONSENT()]);
  });

  it('Purse refuses the merchant credentials: "unavailable", no retry that would fail the same way', async () => {
    const view = renderSignup({}, { backend: { retry: false } });
    view.purse.control.setFault({ path: '/v1/users/exists', status: 401 });
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'Signup is unavailable' })).toHaveFocus();
    expect(screen.getByText('Signup is unavailable right now. Please try again later.')).toBeVisible();
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use another email or phone' })).toBeVisible();
  });

  it("the merchant's store is full: says the shop is busy, and offers Try again (room frees up as records expire)", async () => {
    const view = renderSignup({}, { backend: { retry: false }, handler: { store: fullStore() } });
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByText('The shop is very busy right now. Please try again in a moment.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('verification locked by Purse (429 verification_locked): the code step says so, resend counts down in minutes', async () => {
    const view = renderSignup();
    const field = await reachCode(view, jean.email);
    view.purse.control.setFault({
      path: '/v1/merchants/:id/users/passwordless/verify'.replace(':id', '6f1c2b9e-3d4a-4e8b-9c7d-2a5b8e0f1d3c'),
      status: 429,
      headers: { 'Retry-After': '600' },
      body: { title: 'Too Many Requests', code: 'verification_locked' },
    });
    await view.user.type(field, '000000');
    expect(await screen.findByText('Too many wrong codes. Request a new code.', { selector: 'p' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Resend code in 10 min' })).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(field).toHaveAttribute('readonly'));
  });

  it('shows a phone as the shopper knows it: national format at home, international otherwise', async () => {
    const view = renderSignup({ defaultCountry: 'FR' });
    await reachCode(view, '+44 7911 123456');
    expect(screen.getByText('We sent a 6-digit code to +44 7911 123456.')).toBeVisible();
  });
});
