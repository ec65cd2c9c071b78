// CustomerPurse's documentation page (autodocs: its TSDoc, a usage snippet, the props table, the headless hook beside
// the default view) and its two examples, each a story test on the real stack (browser adapter → merchant handler →
// the Customer Purse half of the Purse emulator, whose seeded shopper cust_seed_ada has 12 deposits).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { CustomerPurse } from '../src/react/customer-purse/index.ts';
import { ComponentDocsPage, type PurseDocsParameters } from './support/docs.tsx';
import { loadStack, withPurse } from './support/stack.tsx';
import usage from './usage/deposits-page.tsx?raw';
import { DepositsWithSummary } from './usage/headless-deposits.tsx';
import headlessCode from './usage/headless-deposits.tsx?raw';

const WAIT = { timeout: 5_000 };

const purseDocs: PurseDocsParameters = {
  usage,
  headless:
    'useCustomerPurse(options) takes the same options and returns { state, busy, showPage, retry }: render your own ' +
    'view from state.status (loading, ready, blocked, failed) and state.deposits, or hand the result to ' +
    '<CustomerPurseView purse={…} />. Below, one hook drives both: a summary of your own with its own paging button, ' +
    'and the default view.',
};

const meta = {
  title: 'CustomerPurse/Overview',
  component: CustomerPurse,
  tags: ['autodocs'],
  loaders: [loadStack],
  decorators: [withPurse],
  args: { pageSize: 10, onDeposit: fn(), onError: fn() },
  parameters: { docs: { page: ComponentDocsPage }, purseDocs, purse: { stack: { customerReference: 'cust_seed_ada' } } },
} satisfies Meta<typeof CustomerPurse>;
export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) => within(canvasElement).getAllByRole('row').slice(1);

/**
 * The usage snippet's page: ten deposits a page, and an address the shopper copies (to the clipboard, or selected for
 * them where the browser refuses), the outcome said in the live region.
 */
export const Default: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(await canvas.findByRole('heading', { name: 'Your deposit addresses' }, WAIT)).toBeVisible();
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(10), WAIT);
    await expect(canvas.getByText('Page 1 of 2')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Copy address for BTC' }));
    await waitFor(
      () =>
        expect(canvas.getByRole('status')).toHaveTextContent(
          /^(Address copied\.|The address could not be copied\. Select it and copy it yourself\.)$/,
        ),
      WAIT,
    );
  },
};

/**
 * One `useCustomerPurse()` behind two views: your summary and its "Oldest deposits" button beside the default view,
 * which turns to the same page.
 */
export const Headless: Story = {
  tags: ['!autodocs'],
  parameters: { docs: { source: { code: headlessCode } } },
  args: { pageSize: 5 },
  render: (args) => <DepositsWithSummary {...args} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(await canvas.findByText('12 deposits in all', {}, WAIT)).toBeVisible();
    await expect(await canvas.findByText('ready', { selector: 'strong' }, WAIT)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Oldest deposits' }));
    // The default view follows the hook: the last page, with its two deposits.
    await expect(await canvas.findByText('Page 3 of 3', {}, WAIT)).toBeVisible();
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(2), WAIT);
  },
};
