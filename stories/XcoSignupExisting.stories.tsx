// XcoSignup: the existing-shopper flow (one-time code, then linking). The code is read from the Purse emulator, as a
// shopper reads it in their inbox; nothing of ours is stubbed.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { createTestStack } from '../src/test/stack.ts';
import { XcoSignup } from '../src/react/xco-signup/index.ts';
import { continueWith, JEAN, receivedCode, SLOW, typeCode, wrongCode } from './support/shopper.ts';
import { fakeClock, loadStack, stackOf, withPurse, type FakeClock } from './support/stack.tsx';
import { onAPhone } from './support/reflow.ts';

const meta = {
  title: 'XcoSignup/Existing shopper',
  component: XcoSignup,
  loaders: [loadStack],
  decorators: [withPurse],
  args: { onComplete: fn(), onError: fn(), onVerified: fn() },
} satisfies Meta<typeof XcoSignup>;
export default meta;
type Story = StoryObj<typeof meta>;

const byEmail = { email: JEAN.email };

/** A Purse account exists for this email: a code is sent, focus moves to the code field. */
export const ExistingShopperCodeSent: Story = {
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, JEAN.email);
    await receivedCode(context, stackOf({ loaded }), byEmail);
    const field = canvas.getByLabelText('Verification code');
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await expect(canvas.getByText(`We sent a 6-digit code to ${JEAN.email}.`)).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(`Code sent to ${JEAN.email}.`);
  },
};

/** Resend is offered only after the countdown (Purse throttles codes for 30 s). */
export const ResendCountdown: Story = {
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    const { purse } = stackOf({ loaded });
    await continueWith(context, JEAN.email);
    const code = await receivedCode(context, stackOf({ loaded }), byEmail);
    const resend = canvas.getByRole('button', { name: /^Resend code in (29|30) s$/ });
    await expect(resend).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(resend);
    // Still the first code: the click during the countdown sent nothing.
    await expect(purse.control.currentCode(byEmail)).toBe(code);
    await expect(purse.control.requests().filter((r) => r.path.endsWith('/passwordless/start'))).toHaveLength(1);
  },
};

/** A wrong code: said on the field with the attempts left; the field is emptied for another try. */
export const WrongCode: Story = {
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, JEAN.email);
    const code = await receivedCode(context, stackOf({ loaded }), byEmail);
    await typeCode(context, wrongCode(code));
    const field = canvas.getByLabelText('Verification code');
    await waitFor(() => expect(field).toHaveAccessibleDescription(/^This code is not right\. 4 attempts left\./), SLOW);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('');
    await expect(field).toHaveFocus();
  },
};

/** The code's 10 minutes have passed (the emulator's clock is moved on): the shopper is asked to request a new one. */
export const ExpiredCode: Story = {
  loaders: [
    () => {
      const clock = fakeClock();
      return { clock, stack: createTestStack({ purse: { now: clock.now } }) };
    },
  ],
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, JEAN.email);
    const code = await receivedCode(context, stackOf({ loaded }), byEmail);
    (loaded.clock as FakeClock).advance(10 * 60_000 + 1);
    await typeCode(context, code);
    const field = canvas.getByLabelText('Verification code');
    await waitFor(() => expect(field).toHaveAccessibleDescription(/^This code has expired\. Request a new code\./), SLOW);
    await expect(field).toHaveAttribute('readonly');
    await expect(canvas.getByRole('button', { name: 'Verify' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Too many wrong codes (the emulator allows one here): the code is locked, only a new code helps. */
export const Locked: Story = {
  parameters: { purse: { stack: { purse: { maxCodeAttempts: 1 } } } },
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, JEAN.email);
    const code = await receivedCode(context, stackOf({ loaded }), byEmail);
    await typeCode(context, wrongCode(code));
    const field = canvas.getByLabelText('Verification code');
    await waitFor(() => expect(field).toHaveAccessibleDescription(/^Too many wrong codes\. Request a new code\./), SLOW);
    await expect(field).toHaveAttribute('readonly');
    await expect(canvas.getByRole('status')).toHaveTextContent('Too many wrong codes. Request a new code.');
  },
};

/** Code accepted, `onVerified` still running (it never settles here): the linking step. */
export const Linking: Story = {
  args: { onVerified: fn(() => new Promise<void>(() => {})) },
  play: async (context) => {
    const { canvas, loaded, args } = context;
    await continueWith(context, JEAN.email);
    const code = await receivedCode(context, stackOf({ loaded }), byEmail);
    await typeCode(context, code);
    await expect(await canvas.findByText('Linking your Purse account…', {}, SLOW)).toHaveFocus();
    await expect(args.onVerified).toHaveBeenCalledWith({ user: expect.objectContaining({ first_name: 'Jean' }) });
    await expect(stackOf({ loaded }).purse.control.consents()).toEqual([]);
  },
};

/** The whole existing-shopper flow: code, onVerified, consent. One consent for the signed-in customer. */
export const LinkedDone: Story = {
  play: async (context) => {
    const { canvas, loaded, args } = context;
    const { purse } = stackOf({ loaded });
    await continueWith(context, JEAN.email);
    const code = await receivedCode(context, stackOf({ loaded }), byEmail);
    await typeCode(context, code);
    await expect(await canvas.findByRole('heading', { name: 'Your Purse account is linked' }, SLOW)).toHaveFocus();
    await expect(args.onComplete).toHaveBeenCalledWith({ outcome: 'linked', user: expect.objectContaining({ email: JEAN.email }) });
    await expect(purse.control.consents()).toEqual([
      expect.objectContaining({ customer_reference: 'cust_test_1', user_email: JEAN.email, via: 'consent_challenge' }),
    ]);
  },
};

/** A phone number typed the national way (`defaultCountry` FR) is sent as E.164, and shown back as the shopper wrote it. */
export const PhoneIdentifier: Story = {
  args: { defaultCountry: 'FR' },
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, '06 12 34 56 78');
    await receivedCode(context, stackOf({ loaded }), { phone_number: JEAN.phone_number });
    await expect(canvas.getByText('We sent a 6-digit code to 06 12 34 56 78.')).toBeVisible();
  },
};

/** The merchant already knows the email and locks it: read-only field, no "use another" way out. */
export const LockedIdentifier: Story = {
  args: { identifier: JEAN.email, lockIdentifier: true },
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    const field = canvas.getByLabelText('Email or phone number');
    await expect(field).toHaveValue(JEAN.email);
    await expect(field).toHaveAttribute('readonly');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await receivedCode(context, stackOf({ loaded }), byEmail);
    await expect(canvas.queryByRole('button', { name: 'Use another email or phone' })).not.toBeInTheDocument();
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** The code step: the sentence naming the email address wraps, the code field fits. */
export const ExistingShopperCodeSentOnAPhone = onAPhone(ExistingShopperCodeSent);
