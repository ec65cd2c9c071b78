// XcoAccount: the returning shopper's linked Purse Express Checkout account, or the signup/link flow when there is none,
// over the real in-process stack. A loader links a seeded XCO account through the same calls the signup flow makes.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { XcoAccount } from '../src/react/xco-account/index.ts';
import { createTestStack, type TestStack } from '../src/test/stack.ts';
import { JEAN, receivedCode, SLOW, typeCode } from './support/shopper.ts';
import { loadStack, stackOf, withPurse } from './support/stack.tsx';
import { onAPhone } from './support/reflow.ts';

const meta = {
  title: 'XcoAccount/States',
  component: XcoAccount,
  loaders: [loadStack],
  decorators: [withPurse],
  args: { onError: fn(), signup: { defaultCountry: 'FR' } },
} satisfies Meta<typeof XcoAccount>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Links the seeded account of `email` to the stack's customer, as the existing-shopper signup does. */
async function linked(email: string): Promise<{ stack: TestStack }> {
  const stack = createTestStack();
  await stack.backend.startPasswordless({ email });
  const code = stack.purse.control.currentCode({ email })!;
  const { consent_challenge_id } = await stack.backend.verifyPasswordless({ identifier: { email }, verification_code: code });
  await stack.backend.createConsent({ identifier: { email }, consent_challenge_id });
  return { stack };
}

const detail = (canvasElement: HTMLElement, term: string) =>
  [...canvasElement.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling;

/** Reading the linked account (the emulator answers slowly). */
export const Loading: Story = {
  loaders: [
    () => {
      const stack = createTestStack();
      stack.purse.control.setFault({ path: '/v1/merchants/*', latencyMs: 600_000 });
      return { stack };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading your Express Checkout account…', { selector: 'p' })).toBeVisible();
  },
};

/** Linked: name, masked email and phone, and the saved payment methods Purse counts. */
export const Linked: Story = {
  loaders: [() => linked(JEAN.email)],
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Jean Dupont', {}, SLOW)).toBeVisible();
    await expect(detail(canvasElement, 'Email')).toHaveTextContent('e•••@example.com');
    await expect(detail(canvasElement, 'Phone')).toHaveTextContent('+33 •••• ••78');
    await expect(await canvas.findByText('2 saved payment methods', {}, SLOW)).toBeVisible();
    await expect(canvas.queryByText(JEAN.email)).not.toBeInTheDocument();
  },
};

/** Linked, with one saved payment method (plural forms), in French. */
export const LinkedFrench: Story = {
  loaders: [() => linked('camille.martin@example.fr')],
  parameters: { purse: { locale: 'fr' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Camille Martin', {}, SLOW)).toBeVisible();
    await expect(await canvas.findByText('1 moyen de paiement enregistré', {}, SLOW)).toBeVisible();
  },
};

/** No account linked to this customer: the offer to link or create one. */
export const NoAccount: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Pay faster with Purse Express Checkout' }, SLOW)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Link or create my Purse account' })).toBeVisible();
  },
};

/** The shopper links their existing account from the offer; the linked account then shows. */
export const LinkFromOffer: Story = {
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await userEvent.click(await canvas.findByRole('button', { name: 'Link or create my Purse account' }, SLOW));
    await userEvent.type(await canvas.findByLabelText('Email or phone number', {}, SLOW), JEAN.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await typeCode(context, await receivedCode(context, stackOf({ loaded }), { email: JEAN.email }));
    await expect(await canvas.findByText('Jean Dupont', {}, SLOW)).toBeVisible();
  },
};

/** The account could not be read: said, with a retry. */
export const Failed: Story = {
  loaders: [
    () => {
      const stack = createTestStack({ backend: { retry: false } });
      stack.purse.control.setFault({ path: '/v1/merchants/*', status: 500, times: 1 });
      return { stack };
    },
  ],
  play: async ({ canvas, userEvent, args }) => {
    await expect(await canvas.findByRole('alert', {}, SLOW)).toHaveTextContent('Your Express Checkout account could not be loaded.');
    await expect(args.onError).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('button', { name: 'Link or create my Purse account' }, SLOW)).toBeVisible();
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** The account's details, each value under its label. */
export const LinkedOnAPhone = onAPhone(Linked);
/** The same in French (longer labels). */
export const LinkedFrenchOnAPhone = onAPhone(LinkedFrench);
/** No account yet: the offer to create one. */
export const NoAccountOnAPhone = onAPhone(NoAccount);
