// XcoSignup's documentation page (autodocs: its TSDoc, a usage snippet, the props table, the headless hook beside the
// default view) and the two examples it shows, each a story test on the real in-process stack.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { XcoSignup } from '../src/react/xco-signup/index.ts';
import { ComponentDocsPage } from './support/docs.tsx';
import { JEAN, SLOW, continueWith, receivedCode, typeCode } from './support/shopper.ts';
import { loadStack, stackOf, withPurse } from './support/stack.tsx';
import { SignupWithShortcut } from './usage/headless-signup.tsx';
import headlessCode from './usage/headless-signup.tsx?raw';
import usage from './usage/signup-page.tsx?raw';

const meta = {
  title: 'XcoSignup/Overview',
  component: XcoSignup,
  tags: ['autodocs'],
  loaders: [loadStack],
  decorators: [withPurse],
  args: { defaultCountry: 'FR', onComplete: fn(), onError: fn() },
  // A country code, not a list of 245 in the props table.
  argTypes: { defaultCountry: { control: 'text', table: { type: { summary: "CountryCode ('FR', 'DE', …)" } } } },
  parameters: {
    docs: { page: ComponentDocsPage },
    purseDocs: {
      usage,
      headless:
        'useXcoSignup(options) takes the same options and returns { state, isPending, submitIdentifier, submitProfile, ' +
        'submitCode, resend, editIdentifier, retry }. Render your own view from state.status, or hand the whole result to ' +
        '<XcoSignupView signup={…} /> (or to its steps). Below, one hook drives both: a view of your own and the default one.',
    },
  },
} satisfies Meta<typeof XcoSignup>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The default view, as `<XcoSignup>` renders it: one field for an email or a phone number. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email or phone number')).toBeVisible();
  },
};

/**
 * One `useXcoSignup()` behind two views: a few lines of your own (the status, a button that links Jean) beside the
 * default view, which follows every step the hook takes.
 */
export const Headless: Story = {
  tags: ['!autodocs'],
  parameters: { docs: { source: { code: headlessCode } } },
  render: (args) => <SignupWithShortcut {...args} shortcut={JEAN.email} />,
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await userEvent.click(canvas.getByRole('button', { name: 'Link existing@example.com' }));
    // The default view follows the hook: the code step; your view shows the same step.
    await typeCode(context, await receivedCode(context, stackOf({ loaded }), { email: JEAN.email }));
    await expect(await canvas.findByText('Welcome, Jean.', {}, SLOW)).toBeVisible();
    // The done step is downloaded apart: it may arrive a moment after the hook's state.
    await expect(await canvas.findByRole('heading', { name: 'Your Purse account is linked' }, SLOW)).toBeVisible();
    await expect(canvas.getByText('done', { selector: 'strong' })).toBeVisible();
  },
};

/** The toolbar's language reaches the components: the same signup in French (globals.locale = 'fr'). */
export const ToolbarLanguage: Story = {
  globals: { locale: 'fr' },
  play: async (context) => {
    const { canvas } = context;
    await continueWith(context, 'pas-un-email@', { field: 'E-mail ou numéro de téléphone', submit: 'Continuer' });
    await expect(await canvas.findByText(/Saisissez une adresse e-mail valide/, { selector: 'p' }, SLOW)).toBeVisible();
  },
};
