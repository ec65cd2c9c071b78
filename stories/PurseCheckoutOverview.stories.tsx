// PurseCheckout's documentation page (autodocs: its TSDoc, a usage snippet, the props table, the headless hook beside
// the default view) and its two examples, each a story test on the real stack: the session from the merchant handler
// and the Purse emulator, the emulator's own drop-in script through the Mock Service Worker (support/purse-origin.ts).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { PurseCheckout } from '../src/react/purse-checkout/index.ts';
import { ComponentDocsPage, type PurseDocsParameters } from './support/docs.tsx';
import { freshPage, loadShop, PURSE_ORIGIN, servePurseOrigin } from './support/purse-origin.ts';
import { stackOf, withPurse } from './support/stack.tsx';
import usage from './usage/checkout-page.tsx?raw';
import { CheckoutWithSummary } from './usage/headless-checkout.tsx';
import headlessCode from './usage/headless-checkout.tsx?raw';

/** Session, script and the drop-in's own API call, each through several in-process layers and a service worker. */
const LOAD = { timeout: 10_000 };

const purseDocs: PurseDocsParameters = {
  usage,
  headless:
    'usePurseCheckout(options) takes the same options and returns { status, step, isFulfilled, session, error, ' +
    'eligibleSolutions, containerRef, submit, cancel, retry, restart, … }. Give containerRef to the element the drop-in ' +
    'mounts in, or hand the whole result to <PurseCheckoutView checkout={…} />. Below, one hook drives both: a few ' +
    'lines of your own (the status, the methods Purse offers, a cancel button of yours) and the default view.',
};

const meta = {
  title: 'PurseCheckout/Overview',
  component: PurseCheckout,
  tags: ['autodocs'],
  loaders: [loadShop],
  beforeEach: [freshPage, servePurseOrigin],
  decorators: [withPurse],
  // As in the usage snippet; the emulator's origin is allowed instead of Purse's CDNs.
  args: { order: { order_reference: 'cart-1' }, allowedOrigins: [PURSE_ORIGIN], onCancel: fn(), onError: fn() },
  parameters: { docs: { page: ComponentDocsPage }, purseDocs },
} satisfies Meta<typeof PurseCheckout>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The usage snippet's checkout: the merchant server priced the cart (120.00 EUR at Purse, never sent by the browser),
 * the drop-in takes a card, and `onCancel` brings the "Cancel payment" button.
 */
export const Default: Story = {
  play: async ({ canvas, loaded }) => {
    await expect(await canvas.findByLabelText('Card number', {}, LOAD)).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Pay €120\.00/ })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel payment' })).toBeVisible();
    const sessions = stackOf({ loaded }).purse.control.sessions();
    await expect(sessions).toHaveLength(1);
    await expect(sessions[0]).toMatchObject({ amount: 12_000, currency: 'EUR', order: { reference: 'cart-1' } });
  },
};

/**
 * One `usePurseCheckout()` behind two views: your own lines (the status, the methods Purse offers, a cancel button of
 * yours) beside the default view, which mounts the drop-in and follows the cancel.
 */
export const Headless: Story = {
  tags: ['!autodocs'],
  parameters: { docs: { source: { code: headlessCode } } },
  render: (args) => <CheckoutWithSummary {...args} />,
  play: async ({ canvas, userEvent, loaded, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Back to the cart' }, LOAD));
    await expect(canvas.getByRole('list', { name: 'Methods offered' })).toHaveTextContent('creditcard (dalenys)');
    // The default view follows the hook: the session is aborted at Purse and a fresh start is offered.
    await expect(await canvas.findByText('Payment cancelled', { selector: 'p' }, LOAD)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Start again' })).toBeVisible();
    await expect(canvas.getByText('cancelled', { selector: 'strong' })).toBeVisible();
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(stackOf({ loaded }).purse.control.sessions()[0]?.status).toMatch(/^ABORTED/), LOAD);
  },
};
