// XcoAccount's documentation page (autodocs: its TSDoc, a usage snippet, the props table, the headless hook beside the
// default view) and its two examples, each a story test on the real in-process stack (browser adapter → merchant
// handler → the Purse emulator's XCO API).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { XcoAccount } from '../src/react/xco-account/index.ts';
import { ComponentDocsPage, type PurseDocsParameters } from './support/docs.tsx';
import { fillProfile, JEAN, receivedCode, SLOW, typeCode } from './support/shopper.ts';
import { loadStack, stackOf, withPurse } from './support/stack.tsx';
import usage from './usage/account-page.tsx?raw';
import { AccountWithMenu } from './usage/headless-account.tsx';
import headlessCode from './usage/headless-account.tsx?raw';

const purseDocs: PurseDocsParameters = {
  usage,
  headless:
    'useXcoAccount(options) takes the same options and returns { state, startSignup, signupDone, retry }: render your ' +
    'own view from state.status (loading, linked, none, signup, failed), or hand the result to ' +
    '<XcoAccountView account={…} signup={…} />. Below, one hook drives both: your own menu line and button, and the ' +
    'default view.',
};

const meta = {
  title: 'XcoAccount/Overview',
  component: XcoAccount,
  tags: ['autodocs'],
  loaders: [loadStack],
  decorators: [withPurse],
  args: { signup: { defaultCountry: 'FR', onComplete: fn() }, onError: fn() },
  parameters: { docs: { page: ComponentDocsPage }, purseDocs },
} satisfies Meta<typeof XcoAccount>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The usage snippet's account page for a shopper with no Purse account yet: they create one from the offer (profile,
 * no code), `signup.onComplete` hears 'created', and the new account shows.
 */
export const Default: Story = {
  // The email the shop vouches for as this customer's (resolveIdentity): the only one an account can be created with.
  parameters: { purse: { stack: { identity: { email: 'ada.lovelace@example.org' } } } },
  play: async (context) => {
    const { canvas, userEvent, args, loaded } = context;
    await userEvent.click(await canvas.findByRole('button', { name: 'Link or create my Purse account' }, SLOW));
    await userEvent.type(await canvas.findByLabelText('Email or phone number', {}, SLOW), 'ada.lovelace@example.org');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await canvas.findByLabelText(/^First name/, {}, SLOW);
    await fillProfile(context);
    await userEvent.click(canvas.getByRole('button', { name: /^Create/ }));
    await expect(await canvas.findByText('Ada Lovelace', {}, SLOW)).toBeVisible();
    await expect(args.signup?.onComplete).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'created' }));
    const created = stackOf({ loaded }).purse.control.users().filter((record) => record.created_by === 'api');
    await expect(created).toEqual([expect.objectContaining({ user: expect.objectContaining({ email: 'ada.lovelace@example.org' }), customer_references: ['cust_test_1'] })]);
  },
};

/**
 * One `useXcoAccount()` behind two views: your menu line and its "Set up one-click payment" button beside the default
 * view, which opens the link flow and then shows the linked account.
 */
export const Headless: Story = {
  tags: ['!autodocs'],
  parameters: { docs: { source: { code: headlessCode } } },
  render: (args) => <AccountWithMenu {...args} />,
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await userEvent.click(await canvas.findByRole('button', { name: 'Set up one-click payment' }, SLOW));
    await userEvent.type(await canvas.findByLabelText('Email or phone number', {}, SLOW), JEAN.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await typeCode(context, await receivedCode(context, stackOf({ loaded }), { email: JEAN.email }));
    await expect(await canvas.findByText('Signed in to Purse as Jean.', {}, SLOW)).toBeVisible();
    await expect(canvas.getByText('Jean Dupont')).toBeVisible();
    await expect(canvas.getByText('linked', { selector: 'strong' })).toBeVisible();
  },
};
