// XcoSignup: refusals where trying the same again cannot help. Each says what happened and offers only a way on that
// can succeed (a new code, linking the existing account) or none — never a "Try again" that replays the refusal.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { MOCK_CREDENTIALS } from '../src/mock-server/seed.ts';
import { XcoSignup } from '../src/react/xco-signup/index.ts';
import { createTestStack } from '../src/test/stack.ts';
import { completeProfile, continueWith, JEAN, receivedCode, SLOW, typeCode } from './support/shopper.ts';
import { loadStack, stackOf, withPurse } from './support/stack.tsx';

const meta = {
  title: 'XcoSignup/Dead ends',
  component: XcoSignup,
  loaders: [loadStack],
  decorators: [withPurse],
  args: { onComplete: fn(), onError: fn() },
} satisfies Meta<typeof XcoSignup>;
export default meta;
type Story = StoryObj<typeof meta>;

const CAMILLE = { email: 'camille.martin@example.fr' };

/**
 * The shop account is linked to a Purse account already (Camille's), and the shopper verifies another one (Jean's):
 * Purse refuses the consent (409 `customer_reference_taken`). The step says so and what to do instead; no retry of
 * the used challenge, no "use another email" (no other account can be linked either).
 */
export const AlreadyLinked: Story = {
  loaders: [
    async () => {
      const stack = createTestStack();
      await stack.backend.startPasswordless(CAMILLE);
      const code = stack.purse.control.currentCode(CAMILLE)!;
      const { consent_challenge_id } = await stack.backend.verifyPasswordless({ identifier: CAMILLE, verification_code: code });
      await stack.backend.createConsent({ identifier: CAMILLE, consent_challenge_id });
      return { stack };
    },
  ],
  play: async (context) => {
    const { canvas, loaded, args } = context;
    await continueWith(context, JEAN.email);
    await typeCode(context, await receivedCode(context, stackOf({ loaded }), { email: JEAN.email }));
    await expect(await canvas.findByRole('heading', { name: 'Your shop account already has a Purse account' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText(/Pay with that account at checkout, or contact the shop to change it\./, { selector: 'p' })).toBeVisible();
    await expect(canvas.queryAllByRole('button')).toEqual([]);
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'customer_reference_taken' }));
  },
};

/** The verified code's consent challenge is gone from the merchant server (kept 1 ms here): "Send a new code". */
export const VerificationExpired: Story = {
  parameters: { purse: { stack: { handler: { consentChallengeTtlMs: 1 }, purse: { resendThrottleMs: 0 } } } },
  args: { onVerified: () => new Promise<void>((resolve) => setTimeout(resolve, 20)) },
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await continueWith(context, JEAN.email);
    await typeCode(context, await receivedCode(context, stackOf({ loaded }), { email: JEAN.email }));
    await expect(await canvas.findByRole('heading', { name: 'Your verification has expired' }, SLOW)).toHaveFocus();
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    // The verified code was used: no code is pending until the shopper asks for one.
    await expect(stackOf({ loaded }).purse.control.currentCode({ email: JEAN.email })).toBeUndefined();
    await userEvent.click(canvas.getByRole('button', { name: 'Send a new code' }));
    // A new code went out: the shopper is back on the code step, ready to verify again.
    await expect(await canvas.findByLabelText('Verification code', {}, SLOW)).toHaveFocus();
    await expect(stackOf({ loaded }).purse.control.currentCode({ email: JEAN.email })).toMatch(/^\d{6}$/);
  },
};

/** The check said "no account", but the create finds one (made meanwhile): "Link my account" sends a code instead. */
export const AccountCreatedMeanwhile: Story = {
  parameters: { purse: { stack: { identity: { email: JEAN.email } } } },
  args: { defaultProfile: completeProfile },
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    stackOf({ loaded }).purse.control.setFault({ path: '/v1/users/exists', status: 200, body: { exists: false }, times: 1 });
    await continueWith(context, JEAN.email);
    await expect(await canvas.findByRole('heading', { name: 'You already have a Purse account' }, SLOW)).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Link my account' }));
    await typeCode(context, await receivedCode(context, stackOf({ loaded }), { email: JEAN.email }));
    await expect(await canvas.findByRole('heading', { name: 'Your Purse account is linked' }, SLOW)).toBeVisible();
  },
};

/** Purse refuses the merchant's credentials: signup is unavailable; a retry would meet the same refusal. */
export const ShopUnavailable: Story = {
  parameters: { purse: { stack: { backend: { retry: false } } } },
  play: async (context) => {
    const { canvas, loaded } = context;
    stackOf({ loaded }).purse.control.setFault({ path: '/v1/users/exists', status: 401 });
    await continueWith(context, JEAN.email);
    await expect(await canvas.findByRole('heading', { name: 'Signup is unavailable' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText('Signup is unavailable right now. Please try again later.', { selector: 'p' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
  },
};

/** Purse locked verification for this email (too many wrong codes over resends): the new code waits for the lock. */
export const VerificationLocked: Story = {
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, JEAN.email);
    await receivedCode(context, stackOf({ loaded }), { email: JEAN.email });
    stackOf({ loaded }).purse.control.setFault({
      path: `/v1/merchants/${MOCK_CREDENTIALS.merchantId}/users/passwordless/verify`,
      status: 429,
      headers: { 'Retry-After': '600' },
      body: { title: 'Too Many Requests', code: 'verification_locked' },
    });
    await typeCode(context, '000000');
    await expect(await canvas.findByText('Too many wrong codes. Request a new code.', { selector: 'p' }, SLOW)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Resend code in 10 min' })).toHaveAttribute('aria-disabled', 'true');
  },
};
