// XcoSignup: the identifier step and the new-shopper flow. Each story acts like a shopper on the real in-process stack
// (browser adapter → merchant handler → Purse emulator) and then checks what the shopper sees.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { XcoSignup } from '../src/react/xco-signup/index.ts';
import { completeProfile, continueWith, fillProfile, SLOW } from './support/shopper.ts';
import { loadStack, stackOf, withPurse } from './support/stack.tsx';
import { onAPhone } from './support/reflow.ts';

const meta = {
  title: 'XcoSignup/New shopper',
  component: XcoSignup,
  loaders: [loadStack],
  decorators: [withPurse],
  args: { onComplete: fn(), onError: fn(), onVerified: fn() },
} satisfies Meta<typeof XcoSignup>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The first step, untouched: one field for an email or a phone number. */
export const Identify: Story = {
  play: async ({ canvas }) => {
    const field = canvas.getByLabelText('Email or phone number');
    await expect(field).toHaveAccessibleDescription('We will check whether you already have a Purse account.');
    await expect(field).not.toHaveFocus(); // no focus theft on page load
    await expect(canvas.getByRole('button', { name: 'Continue' })).toBeEnabled();
  },
};

/** A malformed email is refused in the browser, on the field, without any request. */
export const InvalidEmail: Story = {
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, 'not-an-email@');
    const field = canvas.getByLabelText('Email or phone number');
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Enter a valid email address, like name@example\.com\./));
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveFocus();
    await expect(stackOf({ loaded }).purse.control.requests()).toEqual([]);
  },
};

/**
 * A number that cannot receive the code by text message: a Belgian shopper types their mobile without +32 in a French
 * shop, which reads it as a French landline (04…). Refused in the browser, naming the country it was read as, and
 * nothing is sent to a stranger's line.
 */
export const NotAMobileNumber: Story = {
  args: { defaultCountry: 'FR' },
  play: async (context) => {
    const { canvas, loaded } = context;
    await continueWith(context, '0470 12 34 56');
    const field = canvas.getByRole('textbox', { name: 'Email or phone number' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    await expect(field).toHaveAccessibleDescription(
      /^This number \(France\) is not a mobile number, and the code comes by text message\. Enter a mobile number, with its country code \(such as \+32\) if it is from another country\./,
    );
    await expect(field).toHaveFocus();
    await expect(stackOf({ loaded }).purse.control.requests()).toEqual([]);
  },
};

/** Checking the identifier (loading): Purse answers slowly. */
export const Checking: Story = {
  play: async (context) => {
    const { canvas, loaded } = context;
    stackOf({ loaded }).purse.control.setFault({ path: '/v1/users/exists', latencyMs: 600_000 });
    await continueWith(context, 'slow.check@example.com');
    const busy = await canvas.findByRole('button', { name: 'Checking…' });
    await expect(busy).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByLabelText('Email or phone number')).toHaveAttribute('readonly');
    await expect(canvas.getByRole('status')).toHaveTextContent('Checking your email or phone number.');
  },
};

/** No Purse account for this email: the profile form, with the email carried over. */
export const NewShopperProfile: Story = {
  args: { defaultCountry: 'FR' },
  play: async (context) => {
    const { canvas } = context;
    await continueWith(context, 'new.shopper@example.com');
    await expect(await canvas.findByRole('heading', { name: 'Create your Purse account' }, SLOW)).toHaveFocus();
    await expect(canvas.getByLabelText(/^Email address/)).toHaveValue('new.shopper@example.com');
    await expect(canvas.getByLabelText(/^Country/)).toHaveValue('FRANCE');
    await expect(canvas.getByRole('status')).toHaveTextContent('No Purse account yet. Complete your profile to create one.');
  },
};

/** The profile is checked in the browser first: required fields and a birth date in the future. */
export const ProfileValidation: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await continueWith(context, 'someone.new@example.com');
    await canvas.findByRole('heading', { name: 'Create your Purse account' }, SLOW);
    await userEvent.type(canvas.getByLabelText('Date of birth'), '2999-01-01');
    await userEvent.click(canvas.getByRole('button', { name: 'Create my account' }));
    const firstName = canvas.getByLabelText(/^First name/);
    await waitFor(() => expect(firstName).toHaveFocus());
    await expect(firstName).toHaveAccessibleDescription('This field is required.');
    await expect(canvas.getByLabelText('Date of birth')).toHaveAccessibleDescription('Enter a valid date of birth.');
    await expect(canvas.getByText('Please correct the highlighted fields.')).toBeVisible();
  },
};

/** Purse refuses a field (problem+json pointer): the message lands on that field, in the shopper's words. */
export const ProfileServerErrors: Story = {
  parameters: { purse: { stack: { identity: { email: 'someone.new@example.com' } } } },
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    stackOf({ loaded }).purse.control.setFault({
      method: 'POST',
      path: '/v1/merchants/*',
      status: 400,
      body: { title: 'Validation Error', status: 400, errors: [{ pointer: '/user/addresses/0/postal_code', detail: 'must match ^[0-9]{5}$' }] },
      times: 1,
    });
    await continueWith(context, 'someone.new@example.com');
    await canvas.findByRole('heading', { name: 'Create your Purse account' }, SLOW);
    await fillProfile(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Create my account' }));
    const postal = canvas.getByLabelText(/^Postal code/);
    await waitFor(() => expect(postal).toHaveFocus(), SLOW);
    await expect(postal).toHaveAttribute('aria-invalid', 'true');
    await expect(postal).toHaveAccessibleDescription('This value was not accepted. Please check it.');
    await expect(canvas.queryByText(/must match/)).not.toBeInTheDocument();
  },
};

/** Creating the account (loading): Purse answers slowly; the form is read-only and the button busy. */
export const Creating: Story = {
  parameters: { purse: { stack: { identity: { email: 'patient.shopper@example.com' } } } },
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await continueWith(context, 'patient.shopper@example.com');
    await canvas.findByRole('heading', { name: 'Create your Purse account' }, SLOW);
    await fillProfile(context);
    stackOf({ loaded }).purse.control.setFault({ method: 'POST', path: '/v1/merchants/*', latencyMs: 600_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Create my account' }));
    await expect(await canvas.findByRole('button', { name: 'Creating your account…' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByLabelText(/^First name/)).toHaveAttribute('readonly');
    await expect(canvas.getByRole('status')).toHaveTextContent('Creating your account.');
  },
};

/** The whole new-shopper flow: check, profile, create. One user in Purse, linked to the signed-in customer. */
export const CreatedDone: Story = {
  parameters: { purse: { stack: { identity: { email: 'ada.new@example.com' } } } },
  play: async (context) => {
    const { canvas, userEvent, loaded, args } = context;
    const { purse } = stackOf({ loaded });
    await continueWith(context, 'ada.new@example.com');
    await canvas.findByRole('heading', { name: 'Create your Purse account' }, SLOW);
    await fillProfile(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Create my account' }));
    await expect(await canvas.findByRole('heading', { name: 'Your Purse account is ready' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText('You can now pay faster with Purse Express Checkout.')).toBeVisible();
    await expect(args.onComplete).toHaveBeenCalledWith({ outcome: 'created', user: expect.objectContaining({ email: 'ada.new@example.com' }) });
    await expect(purse.control.users().filter((record) => record.user.email === 'ada.new@example.com')).toEqual([
      expect.objectContaining({ created_by: 'api', customer_references: ['cust_test_1'] }),
    ]);
  },
};

/** The merchant pre-fills what it knows (`defaultProfile`); the shopper completes the rest. */
export const PrefilledProfile: Story = {
  args: { defaultProfile: { first_name: 'Ada', last_name: 'Lovelace', birthdate: '1990-01-15' } },
  play: async (context) => {
    const { canvas } = context;
    await continueWith(context, 'prefilled@example.com');
    await canvas.findByRole('heading', { name: 'Create your Purse account' }, SLOW);
    await expect(canvas.getByLabelText(/^First name/)).toHaveValue('Ada');
    await expect(canvas.getByLabelText(/^Last name/)).toHaveValue('Lovelace');
    await expect(canvas.getByLabelText('Date of birth')).toHaveValue('1990-01-15');
    await expect(canvas.getByLabelText(/^Street address/)).toHaveValue('');
  },
};

/** A complete `defaultProfile` skips the form: Continue creates the account at once. */
export const CompleteProfileSkipsForm: Story = {
  args: { defaultProfile: completeProfile },
  parameters: { purse: { stack: { identity: { email: 'skip.form@example.com' } } } },
  play: async (context) => {
    const { canvas } = context;
    await continueWith(context, 'skip.form@example.com');
    await canvas.findByRole('heading', { name: 'Your Purse account is ready' }, SLOW);
    await expect(canvas.queryByRole('heading', { name: 'Create your Purse account' })).not.toBeInTheDocument();
  },
};

/** The whole component in French (`<PurseProvider locale="fr">`). */
export const French: Story = {
  parameters: { purse: { locale: 'fr' } },
  play: async (context) => {
    const { canvas } = context;
    await continueWith(context, 'nouvelle.cliente@example.fr', { field: 'E-mail ou numéro de téléphone', submit: 'Continuer' });
    await expect(await canvas.findByRole('heading', { name: 'Créez votre compte Purse' }, SLOW)).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Utiliser un autre e-mail ou téléphone' })).toBeVisible();
  },
};

/**
 * The shop vouches for another email than the one typed (resolveIdentity): no account is created for someone else's
 * email; back on the identifier field (the one the shopper can change), which says so, and Purse is never asked.
 */
export const NotTheShopAccountEmail: Story = {
  args: { defaultProfile: completeProfile },
  parameters: { purse: { stack: { identity: { email: 'shop.account@example.com' } } } },
  play: async (context) => {
    const { canvas, loaded } = context;
    const { purse } = stackOf({ loaded });
    await continueWith(context, 'someone.else@example.com');
    // The profile form shows while its complete default profile is sent, then the refusal brings the field back.
    const field = await canvas.findByRole('textbox', { name: 'Email or phone number' }, SLOW);
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'), SLOW);
    await expect(field).toHaveAccessibleDescription(/Use the email address or phone number of your shop account\./);
    await expect(field).toHaveFocus();
    await expect(purse.control.users().filter((record) => record.created_by === 'api')).toEqual([]);
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** An error naming an email address (one long word). */
export const InvalidEmailOnAPhone = onAPhone(InvalidEmail);
/** The longest error of the identifier field. */
export const NotAMobileNumberOnAPhone = onAPhone(NotAMobileNumber);
/** The profile form: its two-column rows collapse to one. */
export const NewShopperProfileOnAPhone = onAPhone(NewShopperProfile);
/** The profile form in French, with the errors of every required field. */
export const ProfileValidationOnAPhone = onAPhone(ProfileValidation);
