// PaymentStatus's documentation page (autodocs: its TSDoc, a usage snippet, the props table, the headless hook beside
// the default view) and its two examples, each a story test on the real stack: a loader pays for real through the
// Purse emulator (support/payments.ts), and the component has the merchant handler verify and poll.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { PaymentStatus } from '../src/react/payment-status/index.ts';
import { REDIRECTION_PARAM } from '../src/core/wire/payment.ts';
import { ComponentDocsPage, type PurseDocsParameters } from './support/docs.tsx';
import { CARDS, createShop } from './support/payments.ts';
import { stackOf, withPurse } from './support/stack.tsx';
import { detail, QUICK, WAIT } from './support/status.tsx';
import usage from './usage/return-page.tsx?raw';
import { ReturnPageWithOrder } from './usage/headless-status.tsx';
import headlessCode from './usage/headless-status.tsx?raw';

const EUR = { amount: 4_299, currency: 'EUR' } as const;

const purseDocs: PurseDocsParameters = {
  usage,
  headless:
    'usePaymentStatus(options) takes the same options and returns { phase, reason, payment, link, error, refresh, ' +
    'refreshing }: render your own page from phase (verifying, waiting, success, failure, timed_out, error), or hand ' +
    'the result to <PaymentStatusView status={…} />. Below, one hook drives both: a line of your own and the default view.',
};

const meta = {
  title: 'PaymentStatus/Overview',
  component: PaymentStatus,
  tags: ['autodocs'],
  decorators: [withPurse],
  args: { retryHref: '/checkout', onSuccess: fn() },
  parameters: { docs: { page: ComponentDocsPage }, purseDocs },
} satisfies Meta<typeof PaymentStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The return page of the usage snippet: Purse sent the shopper back with `purse-redirection-data` in the URL; the
 * component reads it after mount, the merchant server verifies it, and the payment shows.
 */
export const Default: Story = {
  args: { headingLevel: 1 },
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { token, paymentId } = await shop.pay(CARDS.authorized);
      return { stack: shop.stack, token, paymentId };
    },
  ],
  // The page's URL as Purse's redirect leaves it, put back afterwards.
  beforeEach: ({ loaded }) => {
    const before = window.location.href;
    const url = new URL(before);
    url.searchParams.set(REDIRECTION_PARAM, loaded.token as string);
    window.history.replaceState(window.history.state, '', url);
    return () => window.history.replaceState(window.history.state, '', before);
  },
  play: async (context) => {
    const { canvas, args, loaded } = context;
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Payment successful' }, WAIT)).toBeVisible();
    await expect(await detail(context, 'Amount')).toHaveTextContent('€42.99');
    await expect(await detail(context, 'Payment reference')).toHaveTextContent(loaded.paymentId as string);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};

/**
 * One `usePaymentStatus()` behind two views: a line of your own beside the default view. The payment is pending, then
 * Purse authorizes it: the next poll updates both.
 */
export const Headless: Story = {
  tags: ['!autodocs'],
  parameters: { docs: { source: { code: headlessCode } } },
  loaders: [
    async () => {
      const shop = createShop(EUR, { pendingSettleMs: 24 * 3_600_000 });
      const { token, paymentId } = await shop.pay(CARDS.pending);
      return { stack: shop.stack, token, paymentId };
    },
  ],
  render: (args, { loaded }) => <ReturnPageWithOrder {...args} token={loaded.token as string} schedule={QUICK} />,
  play: async ({ canvas, loaded, args }) => {
    await expect(await canvas.findByRole('heading', { name: 'Your payment is being processed' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('waiting', { selector: 'strong' })).toBeVisible();
    stackOf({ loaded }).purse.control.settlePayment(loaded.paymentId as string, 'AUTHORIZED');
    await expect(await canvas.findByText('Order confirmed: we are packing it.', {}, WAIT)).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};
