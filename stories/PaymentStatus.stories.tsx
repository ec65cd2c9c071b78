// PaymentStatus after checkout: each loader makes a real payment through the Purse emulator (drop-in API, test cards)
// and hands the story the signed redirect token or the payment id; the component verifies and polls through the real
// stack (adapter → merchant handler → emulator). The back office uses the server's Purse client.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { PaymentStatus } from '../src/react/payment-status/index.ts';
import type { Currency } from '../src/core/wire/payment.ts';
import { CARDS, createShop } from './support/payments.ts';
import { stackOf } from './support/stack.tsx';
import { detail, QUICK, statusMeta, WAIT } from './support/status.tsx';
import { onAPhone } from './support/reflow.ts';

const meta = { title: 'PaymentStatus/Payments', ...statusMeta } satisfies Meta<typeof PaymentStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

const EUR = { amount: 4_299, currency: 'EUR' } as const;
/** Payments stay PENDING until the story settles them (the emulator's default is 4 s). */
const NEVER_SETTLES = { pendingSettleMs: 24 * 3_600_000 };

/** The redirect token is being verified: the merchant server is still fetching Purse's signing keys. */
export const Verifying: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { token } = await shop.pay(CARDS.authorized);
      shop.stack.purse.control.setFault({ path: '/payment/v2/signing-jwks', latencyMs: 600_000 });
      return { stack: shop.stack, source: { token } };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Checking your payment…' })).toBeVisible();
    await expect(canvas.queryByText('Amount', { selector: 'dt' })).not.toBeInTheDocument();
  },
};

/** Authorized card payment in euros, from the signed token: amount, the card it was paid with, reference, timeline. */
export const SuccessEur: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { token, paymentId } = await shop.pay(CARDS.authorized);
      return { stack: shop.stack, source: { token }, paymentId };
    },
  ],
  play: async (context) => {
    const { canvas, args, loaded } = context;
    await expect(await canvas.findByRole('heading', { name: 'Payment successful' }, WAIT)).toBeVisible();
    await expect(await detail(context, 'Amount')).toHaveTextContent('€42.99');
    await expect(await detail(context, 'Paid with')).toHaveTextContent(/^Visa ••••ending in 1111$/);
    const history = await canvas.findByRole('list', { name: 'Payment history' });
    await expect(history.querySelectorAll('li')).toHaveLength(1);
    await expect(history).toHaveTextContent(/^Authorized €42\.99/);
    await expect(await detail(context, 'Payment reference')).toHaveTextContent(loaded.paymentId as string);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};

/** A yen cart: JPY has no minor unit, so 4299 is ¥4,299. */
export const SuccessJpy: Story = {
  loaders: [
    async () => {
      const shop = createShop({ amount: 4_299, currency: 'JPY' });
      const { token } = await shop.pay(CARDS.authorized);
      return { stack: shop.stack, source: { token } };
    },
  ],
  play: async (context) => {
    await context.canvas.findByRole('heading', { name: 'Payment successful' }, WAIT);
    await expect(await detail(context, 'Amount')).toHaveTextContent('¥4,299');
  },
};

/** The other currencies of the Payment API, each in its own minor units. */
const successIn = (currency: Currency, shown: string): Story => ({
  loaders: [
    async () => {
      const shop = createShop({ amount: 4_299, currency });
      const { token } = await shop.pay(CARDS.authorized);
      return { stack: shop.stack, source: { token } };
    },
  ],
  play: async (context) => {
    await context.canvas.findByRole('heading', { name: 'Payment successful' }, WAIT);
    await expect(await detail(context, 'Amount')).toHaveTextContent(shown);
  },
});
export const SuccessChf = successIn('CHF', 'CHF 42.99');
export const SuccessGbp = successIn('GBP', '£42.99');
export const SuccessUsd = successIn('USD', '$42.99');

/** A refused card: the shopper is not charged and "Try again" leads back to the checkout. */
export const Refused: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { token } = await shop.pay(CARDS.refused);
      return { stack: shop.stack, source: { token } };
    },
  ],
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('heading', { name: 'Payment refused' }, WAIT)).toBeVisible();
    await expect(canvas.getByText(/you have not been charged/, { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/checkout');
    await expect(args.onFailure).toHaveBeenCalledTimes(1);
  },
};

/** A pending authorization: the page says so and keeps asking (the emulator leaves it pending here). */
export const Pending: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR, NEVER_SETTLES);
      const { token } = await shop.pay(CARDS.pending);
      return { stack: shop.stack, source: { token } };
    },
  ],
  args: { schedule: QUICK },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('heading', { name: 'Your payment is being processed' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('This page updates by itself. You can stay here or come back later.')).toBeVisible();
    await expect(args.onPending).toHaveBeenCalledTimes(1);
  },
};

/** Pending, then Purse authorizes it: the next poll shows the success, announced in the live region. */
export const PendingThenAuthorized: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR, NEVER_SETTLES);
      const { token, paymentId } = await shop.pay(CARDS.pending);
      return { stack: shop.stack, source: { token }, paymentId };
    },
  ],
  args: { schedule: QUICK },
  play: async ({ canvas, loaded }) => {
    await canvas.findByRole('heading', { name: 'Your payment is being processed' }, WAIT);
    stackOf({ loaded }).purse.control.settlePayment(loaded.paymentId as string, 'AUTHORIZED');
    await expect(await canvas.findByRole('heading', { name: 'Payment successful' }, WAIT)).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(/^Payment successful\./);
  },
};

/** Still pending when the poll schedule ends: "still processing" and a Refresh button. */
export const TimedOut: Story = {
  loaders: Pending.loaders,
  args: { schedule: { ...QUICK, timeoutMs: 400 } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Your payment is still processing' }, WAIT)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Refresh' })).toBeVisible();
  },
};

/** Refresh after the time-out, once Purse has authorized: one request, the success, focus on the new heading. */
export const TimedOutThenRefresh: Story = {
  loaders: PendingThenAuthorized.loaders,
  args: { schedule: { ...QUICK, timeoutMs: 400 } },
  play: async ({ canvas, userEvent, loaded }) => {
    await canvas.findByRole('heading', { name: 'Your payment is still processing' }, WAIT);
    stackOf({ loaded }).purse.control.settlePayment(loaded.paymentId as string, 'AUTHORIZED');
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }));
    await expect(await canvas.findByRole('heading', { name: 'Payment successful' }, WAIT)).toHaveFocus();
  },
};

/** The back office captured then refunded the whole amount: the timeline shows each step with its date. */
export const Refunded: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { paymentId } = await shop.pay(CARDS.authorized);
      await shop.backOffice.capturePayment(paymentId, { amount: EUR.amount, merchant_reference: 'CAP-1' });
      await shop.backOffice.refundPayment(paymentId, { amount: EUR.amount, merchant_reference: 'REF-1' });
      return { stack: shop.stack, source: { paymentId } };
    },
  ],
  play: async (context) => {
    await expect(await context.canvas.findByRole('heading', { name: 'Payment refunded' }, WAIT)).toBeVisible();
    const steps = within(await context.canvas.findByRole('list', { name: 'Payment history' })).getAllByRole('listitem');
    await expect(steps.map((step) => step.firstChild?.textContent)).toEqual(['Authorized', 'Charged', 'Refunded']);
    await expect(steps[2]).toHaveTextContent(/^Refunded €42\.99/);
    for (const step of steps) await expect(step.querySelector('time')).toHaveAttribute('datetime');
  },
};

/** The back office released the authorization (void): nothing was charged. */
export const Voided: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { paymentId } = await shop.pay(CARDS.authorized);
      await shop.backOffice.voidPayment(paymentId, { amount: EUR.amount, merchant_reference: 'VOID-1' });
      return { stack: shop.stack, source: { paymentId } };
    },
  ],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Payment cancelled' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('The amount was released: you have not been charged.')).toBeVisible();
  },
};

/** In French, after a partial capture and a partial refund: "x sur y" amounts and dates formatted for fr. */
export const FrenchPartlyRefunded: Story = {
  parameters: { purse: { locale: 'fr' } },
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { paymentId } = await shop.pay(CARDS.authorized);
      await shop.backOffice.capturePayment(paymentId, { amount: 3_000, merchant_reference: 'CAP-1' });
      await shop.backOffice.refundPayment(paymentId, { amount: 1_000, merchant_reference: 'REF-1' });
      return { stack: shop.stack, source: { paymentId } };
    },
  ],
  play: async (context) => {
    await expect(await context.canvas.findByRole('heading', { name: 'Paiement réussi' }, WAIT)).toBeVisible();
    const steps = within(await context.canvas.findByRole('list', { name: 'Historique du paiement' })).getAllByRole('listitem');
    await expect(steps.map((step) => step.querySelector('.purse-timeline__amount')?.textContent)).toEqual([
      '42,99\u00a0€',
      '30,00\u00a0€ sur 42,99\u00a0€',
      '10,00\u00a0€ sur 42,99\u00a0€',
    ]);
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** The card, the reference and the timeline, one under the other: amounts and labels wrap, the page never scrolls sideways. */
export const SuccessEurOnAPhone = onAPhone(SuccessEur);
/** The widest amount of these stories ("CHF 42.99"). */
export const SuccessChfOnAPhone = onAPhone(SuccessChf);
/** "Awaiting confirmation" beside its amount in the timeline. */
export const PendingOnAPhone = onAPhone(Pending);
/** French labels and "30,00 € sur 42,99 €" amounts. */
export const FrenchPartlyRefundedOnAPhone = onAPhone(FrenchPartlyRefunded);
