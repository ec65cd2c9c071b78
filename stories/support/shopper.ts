// What a shopper does in the signup stories: type, click. Queries go by role and label, as a screen reader would.
import type { StoryContext } from '@storybook/react-vite';
import type { XcoIdentifier } from '../../src/core/wire/xco.ts';
import type { TestStack } from '../../src/test/stack.ts';

export type Shopper = Pick<StoryContext, 'canvas' | 'userEvent'>;

/** Requests run through three in-process layers in a real browser: allow a few seconds, never sleep. */
export const SLOW = { timeout: 5_000 };

/** Types an email or phone number and presses Continue. */
export async function continueWith({ canvas, userEvent }: Shopper, identifier: string, labels = { field: 'Email or phone number', submit: 'Continue' }) {
  await userEvent.type(canvas.getByLabelText(labels.field), identifier);
  await userEvent.click(canvas.getByRole('button', { name: labels.submit }));
}

/** Waits for the code step, then returns the code the emulator sent (what the shopper reads in their inbox). */
export async function receivedCode({ canvas }: Shopper, stack: TestStack, identifier: XcoIdentifier): Promise<string> {
  await canvas.findByLabelText('Verification code', {}, SLOW);
  const code = stack.purse.control.currentCode(identifier);
  if (!code) throw new Error(`The Purse emulator sent no code to ${JSON.stringify(identifier)}.`);
  return code;
}

/** A 6-digit code that is certainly not `code`. */
export const wrongCode = (code: string) => code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));

/** Types the code; the field submits itself at 6 digits. */
export async function typeCode({ canvas, userEvent }: Shopper, code: string) {
  const field = canvas.getByLabelText('Verification code');
  await userEvent.clear(field);
  await userEvent.type(field, code);
}

/** Fills the required profile fields of a new shopper (the email comes from the identifier step). */
export async function fillProfile({ canvas, userEvent }: Shopper) {
  await userEvent.type(canvas.getByLabelText(/^First name/), 'Ada');
  await userEvent.type(canvas.getByLabelText(/^Last name/), 'Lovelace');
  await userEvent.selectOptions(canvas.getByLabelText('Gender'), 'female');
  await userEvent.type(canvas.getByLabelText('Date of birth'), '1990-01-15');
  await userEvent.type(canvas.getByLabelText(/^Street address/), '1 rue de la Paix');
  await userEvent.type(canvas.getByLabelText(/^Postal code/), '75002');
  await userEvent.type(canvas.getByLabelText(/^City/), 'Paris');
  await userEvent.selectOptions(canvas.getByLabelText(/^Country/), 'FRANCE');
}

/** A complete profile a merchant may pass as `defaultProfile` (the profile step is then skipped). */
export const completeProfile = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  addresses: [
    { address_type: 'billing' as const, street_address: '1 rue de la Paix', postal_code: '75002', locality: 'Paris', country: 'FRANCE' },
  ],
};

export const JEAN = { email: 'existing@example.com', phone_number: '+33612345678' };
