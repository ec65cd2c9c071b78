// CustomerPurse: every state over the real in-process stack (browser adapter → merchant handler → the Customer Purse
// half of the emulator). Deposits are made through the emulator's controls, as money arriving on the chain would.
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { CustomerPurse } from '../src/react/customer-purse/index.ts';
import { createTestStack } from '../src/test/stack.ts';
import { loadStack, stackOf, withPurse } from './support/stack.tsx';
import { onAPhone } from './support/reflow.ts';

const WAIT = { timeout: 5_000 };

const meta = {
  title: 'CustomerPurse/States',
  component: CustomerPurse,
  loaders: [loadStack],
  decorators: [withPurse],
  parameters: { purse: { stack: { customerReference: 'cust_seed_ada' } } },
  args: { pageSize: 5, pollIntervalMs: 300, onDeposit: fn(), onError: fn() },
} satisfies Meta<typeof CustomerPurse>;
export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) => within(canvasElement).getAllByRole('row').slice(1);

/** The addresses are being fetched (the emulator answers slowly). */
export const Loading: Story = {
  loaders: [
    () => {
      const stack = createTestStack({ customerReference: 'cust_seed_ada' });
      stack.purse.control.setFault({ path: '/api/v1/customer-purse/*', latencyMs: 600_000 });
      return { stack };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading your deposit account…', { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading your deposit account…');
  },
};

/** Two addresses (Bitcoin; Ethereum and its tokens), each with a copy button and a QR code; deposits in plain words. */
export const WithDeposits: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('heading', { name: 'Your deposit addresses' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('Accepts BTC')).toBeVisible();
    await expect(canvas.getByText('Accepts ETH, USDT, USDC')).toBeVisible();
    await expect(await canvas.findByRole('img', { name: 'QR code of the BTC address' }, WAIT)).toBeVisible();
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(5), WAIT);
    await expect(rows(canvasElement)[0]).toHaveTextContent(/1\.25 ETH.*Seen on the network, waiting for confirmation.*Not checked yet/);
    await expect(rows(canvasElement)[2]).toHaveTextContent(/Received.*Passed/);
    await expect(canvas.getByText('Page 1 of 3')).toBeVisible();
  },
};

/** Next and previous pages; the buttons at either end say they are unavailable. */
export const Paging: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await canvas.findByText('Page 1 of 3', {}, WAIT);
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Next page' }));
    await canvas.findByText('Page 3 of 3', {}, WAIT);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(2), WAIT);
    await expect(canvas.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A first visit: the customer is created, the addresses given, no deposit yet. */
export const Empty: Story = {
  parameters: { purse: { stack: { customerReference: 'cust_first_visit' } } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No deposits yet. They appear here as soon as the network reports them.', {}, WAIT)).toBeVisible();
    await expect(await canvas.findByText(/^bc1q/, {}, WAIT)).toBeVisible();
  },
};

/** Money arrives while the view is open: the next poll shows it and the live region says so. */
export const DepositArrives: Story = {
  parameters: { purse: { stack: { customerReference: 'cust_seed_new' } } },
  play: async (context) => {
    const { canvas, canvasElement, loaded, args } = context;
    await canvas.findByText('No deposits yet. They appear here as soon as the network reports them.', {}, WAIT);
    stackOf({ loaded }).purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_new', currency: 'USDT', amount: 250 });
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(1), WAIT);
    await expect(rows(canvasElement)[0]).toHaveTextContent('250 USDT');
    await expect(canvas.getByRole('status')).toHaveTextContent('New deposit: 250 USDT, Seen on the network, waiting for confirmation.');
    await expect(args.onDeposit).toHaveBeenCalledTimes(1);
  },
};

/** The merchant blocked the shopper: told why, no address shown, deposits still listed. */
export const Blocked: Story = {
  parameters: { purse: { stack: { customerReference: 'cust_seed_blocked' } } },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('heading', { name: 'Your deposit account is on hold' }, WAIT)).toBeVisible();
    await expect(canvas.getByRole('note')).toHaveTextContent('Contact the shop to have it reviewed.');
    await expect(canvas.queryByText(/^bc1q/)).not.toBeInTheDocument();
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(2), WAIT);
    await expect(rows(canvasElement)[0]).toHaveTextContent(/Declined.*Not passed/);
  },
};

/** The addresses could not be loaded: the shopper is told so and can try again. */
export const Failed: Story = {
  loaders: [
    () => {
      const stack = createTestStack({ customerReference: 'cust_seed_ada', backend: { retry: false } });
      stack.purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', status: 500, times: 1 });
      return { stack };
    },
  ],
  play: async ({ canvas, userEvent, args }) => {
    const alert = await canvas.findByRole('alert', {}, WAIT);
    await expect(alert).toHaveTextContent('Your deposit account could not be loaded.');
    await expect(args.onError).toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('heading', { name: 'Your deposit addresses' }, WAIT)).toBeVisible();
  },
};

/** The deposits could not be updated: what was shown stays, with a warning and a retry. */
export const DepositsFailed: Story = {
  loaders: [
    () => {
      const stack = createTestStack({ customerReference: 'cust_seed_ada', backend: { retry: false } });
      stack.purse.control.setFault({ path: '/api/v1/customer-purse/transaction/find', status: 500, times: 1 });
      return { stack };
    },
  ],
  args: { pollIntervalMs: 0 },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(await canvas.findByText('Your deposits could not be updated. What is shown may be out of date.', { selector: 'p' }, WAIT)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(5), WAIT);
  },
};

/** In French: states, amounts and dates follow the locale. */
export const French: Story = {
  parameters: { purse: { stack: { customerReference: 'cust_seed_ada' }, locale: 'fr' } },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('heading', { name: 'Vos adresses de dépôt' }, WAIT)).toBeVisible();
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(5), WAIT);
    await expect(rows(canvasElement)[0]).toHaveTextContent(/1,25 ETH.*Vu sur le réseau, en attente de confirmation.*Pas encore vérifié/);
    await expect(canvas.getByRole('button', { name: 'Copier l’adresse BTC' })).toBeVisible();
  },
};

// Keyboard: the deposits' box is a tab stop (named, so a screen reader says what it is) only while it scrolls sideways,
// so that keys can scroll it; a box that shows the whole table is not a stop. Axe runs on each of these stories.

/** Focuses `start`, presses Tab `count` times and names each element focused (the page's body when none). */
async function tabsFrom(start: HTMLElement, { userEvent }: Pick<StoryContext, 'userEvent'>, count: number): Promise<string[]> {
  start.focus();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    await userEvent.tab();
    const focused = document.activeElement;
    names.push(focused === document.body || !focused ? 'body' : (focused.getAttribute('aria-label') ?? focused.textContent ?? ''));
  }
  return names;
}
const lastCopyButton = (canvas: StoryContext['canvas']) => canvas.findByRole('button', { name: 'Copy address for ETH, USDT, USDC' }, WAIT);
const DEPOSITS_BOX = 'Deposits, newest first';

/** Five deposits and the pages, at a desktop width: the table fits, so Tab goes from the last copy button to the pages. */
export const KeyboardTableFits: Story = {
  play: async (context) => {
    const { canvas, canvasElement } = context;
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(5), WAIT);
    await expect(await tabsFrom(await lastCopyButton(canvas), context, 2)).toEqual(['Previous page', 'Next page']);
  },
};

/** One deposit, no pages: Tab goes from the copy button out of the view. */
export const KeyboardFewDeposits: Story = {
  parameters: { purse: { stack: { customerReference: 'cust_seed_new' } } },
  play: async (context) => {
    const { canvas, canvasElement, loaded } = context;
    const copy = await lastCopyButton(canvas);
    stackOf({ loaded }).purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_new', currency: 'USDT', amount: 250 });
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(1), WAIT);
    await expect(await tabsFrom(copy, context, 1)).toEqual(['body']);
  },
};

/** On a 320 px screen the table is wider than its box: Tab stops on the box (keys scroll it), then goes to the pages. */
export const KeyboardTableScrolls: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async (context) => {
    const { canvas, canvasElement } = context;
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(5), WAIT);
    const box = canvas.getByRole('region', { name: DEPOSITS_BOX });
    await expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    await expect(await tabsFrom(await lastCopyButton(canvas), context, 2)).toEqual([DEPOSITS_BOX, 'Previous page']);
    // Focused from the keyboard, it shows the kit's focus ring (the one every other stop shows), not the browser's.
    await context.userEvent.tab({ shift: true });
    await expect(box).toHaveFocus();
    await expect(getComputedStyle(box).outline).toMatch(/^rgb\(11, 87, 208\) solid 3px$/);
  },
};

/** The box follows its width: narrowed until the table scrolls it is a stop; widened again it is not. */
export const KeyboardFollowsTheWidth: Story = {
  play: async (context) => {
    const { canvas, canvasElement } = context;
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(5), WAIT);
    const copy = await lastCopyButton(canvas);
    const view = canvasElement.querySelector<HTMLElement>('.purse-customer-purse')!;
    view.style.width = '300px';
    await waitFor(async () => expect(await tabsFrom(copy, context, 1)).toEqual([DEPOSITS_BOX]));
    view.style.width = '';
    await waitFor(async () => expect(await tabsFrom(copy, context, 1)).toEqual(['Previous page']));
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** Addresses (copy button, QR code) and deposits: the table scrolls in its own box, the page does not. */
export const WithDepositsOnAPhone = onAPhone(WithDeposits);
/** The same in French (longer button and states). */
export const FrenchOnAPhone = onAPhone(French);
/** The notice of a blocked shopper. */
export const BlockedOnAPhone = onAPhone(Blocked);
