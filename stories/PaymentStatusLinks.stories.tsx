// PaymentStatus for payment links, sessions aborted or not paid yet, and the error states. Links are created by the back office (the
// server's Purse client) and paid through the emulator's payment link page; errors come from faults in the emulator
// or from a redirect token whose payload was changed.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { PaymentStatus } from '../src/react/payment-status/index.ts';
import { CARDS, createShop } from './support/payments.ts';
import { detail, QUICK, statusMeta, WAIT } from './support/status.tsx';
import { onAPhone } from './support/reflow.ts';

const meta = { title: 'PaymentStatus/Links and errors', ...statusMeta } satisfies Meta<typeof PaymentStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

const EUR = { amount: 12_000, currency: 'EUR' } as const;

/** A payment link nobody has paid yet: waiting, with the amount. */
export const LinkCreated: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const link = await shop.createLink();
      return { stack: shop.stack, source: { paymentLinkId: link.id } };
    },
  ],
  args: { schedule: QUICK },
  play: async (context) => {
    const { canvas } = context;
    await expect(await canvas.findByRole('heading', { name: 'Waiting for payment' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('This payment link has not been paid yet.', { selector: 'p' })).toBeVisible();
    await expect(await detail(context, 'Amount')).toHaveTextContent('€120.00');
  },
};

/** The last attempt on the link was refused: the link can still be used. */
export const LinkOpenedAfterRefusal: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const link = await shop.createLink();
      await shop.payLink(link.id, CARDS.refused);
      return { stack: shop.stack, source: { paymentLinkId: link.id } };
    },
  ],
  args: { schedule: QUICK },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Waiting for payment' }, WAIT)).toBeVisible();
    await expect(
      canvas.getByText('The last payment attempt did not go through. The link can still be used.', { selector: 'p' }),
    ).toBeVisible();
  },
};

/** The link was paid with the authorized card. */
export const LinkPaid: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const link = await shop.createLink();
      await shop.payLink(link.id, CARDS.authorized);
      return { stack: shop.stack, source: { paymentLinkId: link.id } };
    },
  ],
  play: async (context) => {
    await expect(await context.canvas.findByRole('heading', { name: 'Payment successful' }, WAIT)).toBeVisible();
    await expect(await detail(context, 'Amount')).toHaveTextContent('€120.00');
  },
};

/** The back office cancelled the link. */
export const LinkCancelled: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const link = await shop.createLink();
      await shop.backOffice.cancelPaymentLink(link.id);
      return { stack: shop.stack, source: { paymentLinkId: link.id } };
    },
  ],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Payment link cancelled' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('This payment link was cancelled and can no longer be used.', { selector: 'p' })).toBeVisible();
  },
};

/** The link's expiry passed (the emulator's control moves it to now). */
export const LinkExpired: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const link = await shop.createLink();
      shop.stack.purse.control.expirePaymentLink(link.id);
      return { stack: shop.stack, source: { paymentLinkId: link.id } };
    },
  ],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Payment link expired' }, WAIT)).toBeVisible();
  },
};

/** The shopper cancelled in the checkout (session aborted): the page follows the client session. */
export const SessionAbortedByShopper: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const session = await shop.stack.backend.createSession({});
      await shop.stack.backend.abortSession(session.id);
      return { stack: shop.stack, source: { clientSessionId: session.id } };
    },
  ],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Payment cancelled' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('You cancelled the payment.', { selector: 'p' })).toBeVisible();
  },
};

/**
 * A client session nobody has paid in yet (the shopper left the checkout, or followed a closed checkout's link while the
 * session was open): no payment received — not "being processed" — and the way back to pay; the page keeps asking.
 */
export const SessionNotPaidYet: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const session = await shop.stack.backend.createSession({});
      return { stack: shop.stack, source: { clientSessionId: session.id } };
    },
  ],
  args: { schedule: QUICK },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('heading', { name: 'No payment received yet' }, WAIT)).toBeVisible();
    await expect(
      canvas.getByText('We have not received a payment for this order yet. If you have just paid, this page updates by itself.', {
        selector: 'p',
      }),
    ).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Go back to payment' })).toHaveAttribute('href', '/checkout');
    await expect(canvas.queryByText(/being processed/)).toBeNull();
    await expect(args.onPending).toHaveBeenCalledTimes(1);
  },
};

/** The same session once the poll schedule ran out: still no payment received, with Refresh and the way back. */
export const SessionNotPaidYetTimedOut: Story = {
  ...SessionNotPaidYet,
  args: { schedule: { ...QUICK, timeoutMs: 300 } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Refresh' }, WAIT)).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'No payment received yet' })).toBeVisible();
    await expect(
      canvas.getByText('We have not received a payment for this order yet. If you have just paid, check again in a moment.', {
        selector: 'p',
      }),
    ).toBeVisible();
    const back = canvas.getByRole('link', { name: 'Go back to payment' });
    await expect(back).toBeVisible();
    // One main action: the way back to pay stands out (accent background), Refresh does not.
    const background = (element: Element) => getComputedStyle(element).backgroundColor;
    await expect(background(canvas.getByRole('button', { name: 'Refresh' }))).not.toBe(background(back));
  },
};

/** A redirect token whose payload was changed to AUTHORIZED: the signature check refuses it; no success shown. */
export const TamperedToken: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { token } = await shop.pay(CARDS.refused);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(atob((payload ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
      const forged = btoa(JSON.stringify({ ...claims, authorization_status: 'AUTHORIZED' }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      return { stack: shop.stack, source: { token: `${header}.${forged}.${signature}` } };
    },
  ],
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('heading', { name: 'We could not check your payment' }, WAIT)).toBeVisible();
    await expect(canvas.getByText(/We could not confirm this payment\./, { selector: 'p' })).toBeVisible();
    await expect(args.onSuccess).not.toHaveBeenCalled();
    await expect(args.onFailure).toHaveBeenCalledWith(
      expect.objectContaining({ error: expect.objectContaining({ code: 'invalid_redirect_token' }) }),
    );
  },
};

/** Purse is unavailable (503 on every try): a neutral message and "Try again", which asks once more. */
export const Unavailable: Story = {
  loaders: [
    async () => {
      const shop = createShop(EUR);
      const { paymentId } = await shop.pay(CARDS.authorized);
      shop.stack.purse.control.setFault({ method: 'GET', path: `/payment/v2/payments/${paymentId}`, status: 503 });
      return { stack: shop.stack, source: { paymentId } };
    },
  ],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'We could not check your payment' }, { timeout: 10_000 })).toBeVisible();
    await expect(canvas.getByText('Something went wrong on our side. Please try again.', { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The page was opened without a payment (no token in the URL, no id). */
export const NothingToShow: Story = {
  loaders: [() => ({ stack: createShop(EUR).stack })],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'We could not check your payment' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('There is no payment to show on this page.', { selector: 'p' })).toBeVisible();
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** A payment link's amount alone. */
export const LinkCreatedOnAPhone = onAPhone(LinkCreated);
