// PurseCheckout: the session comes from the real stack (adapter → merchant handler → Purse emulator) and the drop-in
// is the emulator's own script, loaded by a real <script> tag from PURSE_ORIGIN, which the Mock Service Worker hands
// to the story's emulator. Faults are injected in the emulator. Nothing of ours is stubbed.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { PurseCheckout } from '../src/react/purse-checkout/index.ts';
import { freshPage, loadShop, PURSE_ORIGIN, SCRIPT_PATHS, servePurseOrigin } from './support/purse-origin.ts';
import { stackOf, withPurse } from './support/stack.tsx';
import { onAPhone } from './support/reflow.ts';

/** Session, script and the drop-in's own API call, each through several in-process layers and a service worker. */
const LOAD = { timeout: 10_000 };
const READY = 'The payment form is ready.';

/** The checkout's own live region (the drop-in has one of its own). */
const liveRegion = (root: HTMLElement) => {
  const region = root.querySelector<HTMLElement>('.purse-checkout > [role="status"]');
  if (!region) throw new Error('PurseCheckout rendered no live region.');
  return region;
};

const meta = {
  title: 'PurseCheckout/States',
  component: PurseCheckout,
  loaders: [loadShop],
  beforeEach: [freshPage, servePurseOrigin],
  decorators: [withPurse],
  args: {
    order: { order_reference: 'cart-1' },
    allowedOrigins: [PURSE_ORIGIN],
    onReady: fn(),
    onError: fn(),
    onSessionExpired: fn(),
    onClosed: fn(),
  },
} satisfies Meta<typeof PurseCheckout>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Purse is slow to create the session: a skeleton shaped like the form, announced once. */
export const Loading: Story = {
  args: { showEligibleMethods: false },
  beforeEach: ({ loaded }) => {
    stackOf({ loaded }).purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', latencyMs: 600_000 });
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Loading payment methods…', { selector: 'p' })).toBeVisible();
    await expect(liveRegion(canvasElement)).toHaveTextContent('Loading payment methods…');
    await expect(canvas.getByRole('group', { name: 'Payment' })).toHaveAttribute('data-status', 'loading');
    await expect(canvas.queryByRole('list')).not.toBeInTheDocument();
  },
};

/** While the session is created, the methods Purse offers for this cart (fetched early, from the merchant's amount). */
export const EligibleMethods: Story = {
  parameters: { shop: { order: { amount: 25_000, currency: 'EUR' } } },
  beforeEach: ({ loaded }) => {
    stackOf({ loaded }).purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', latencyMs: 600_000 });
  },
  play: async ({ canvas }) => {
    const list = await canvas.findByRole('list', { name: 'Available payment methods' }, LOAD);
    const items = Array.from(list.querySelectorAll('li'), (item) => item.textContent);
    await expect(items).toEqual(['Card', 'PayPal', 'Gift card', 'Pay in 3 instalments']);
  },
};

type PlayContext = Parameters<NonNullable<Story['play']>>[0];

async function expectReady({ canvas, canvasElement, args }: Pick<PlayContext, 'canvas' | 'canvasElement' | 'args'>) {
  await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent(READY), LOAD);
  await expect(await canvas.findByLabelText('Card number', {}, LOAD)).toBeVisible();
  await expect(args.onReady).toHaveBeenCalledTimes(1);
}

const scriptRequests = (context: { loaded: Record<string, unknown> }) =>
  stackOf(context)
    .purse.control.requests()
    .filter((request) => request.path.endsWith('/purse.js'))
    .map((request) => request.path);

/** Drop-in Checkout (window.Purse), the default generation: the emulator's form, ready to take a card. */
export const ReadyDropinCheckout: Story = {
  play: async (context) => {
    await expectReady(context);
    await expect(context.canvas.getByRole('button', { name: /^Pay €120\.00/ })).toBeVisible();
    await expect(scriptRequests(context)).toEqual([SCRIPT_PATHS['dropin-checkout']]);
  },
};

/**
 * Widget v3 (window.UpStreamPay): sessions name the older script once the emulator is switched to it. The form is
 * the PAYMENT widget; the pay button under it is a PAY_BUTTON widget of its own.
 */
export const ReadyWidgetV3: Story = {
  beforeEach: ({ loaded }) => {
    stackOf({ loaded }).purse.control.setDropinGeneration('widget-v3');
  },
  play: async (context) => {
    await expectReady(context);
    const pay = context.canvas.getByRole('button', { name: /^Pay €120\.00/ });
    await expect(pay).toBeVisible();
    await expect(pay.closest('form')).toBeNull();
    await expect(context.canvas.getAllByRole('button', { name: /^Pay / })).toHaveLength(1);
    await expect(scriptRequests(context)).toEqual([SCRIPT_PATHS['widget-v3']]);
  },
};

/** The merchant's own pay button (`hidePayButton`), enabled once the shopper completed the drop-in's form. */
export const OwnPayButtonFulfilled: Story = {
  args: {
    hidePayButton: true,
    children: (checkout) => (
      <button type="button" className="purse-button purse-button--primary" disabled={!checkout.isFulfilled} onClick={() => void checkout.submit()}>
        Pay now
      </button>
    ),
  },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await expectReady(context);
    const pay = canvas.getByRole('button', { name: 'Pay now' });
    await expect(pay).toBeDisabled();
    await expect(canvas.queryByRole('button', { name: /^Pay €/ })).not.toBeInTheDocument();
    await userEvent.type(canvas.getByLabelText('Card number'), '4111111111111111');
    await userEvent.type(canvas.getByLabelText('Expiry date (MM/YY)'), '12/39');
    await userEvent.type(canvas.getByLabelText('Security code (CVC)'), '123');
    await waitFor(() => expect(pay).toBeEnabled(), LOAD);
  },
};

/** Purse's CDN fails to serve the script (404 once): the failure in the shopper's words, and "Try again". */
export const ScriptFailed: Story = {
  beforeEach: ({ loaded }) => {
    stackOf({ loaded }).purse.control.setFault({ method: 'GET', path: SCRIPT_PATHS['dropin-checkout'], status: 404, times: 1 });
  },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByText('The payment form could not load', { selector: 'p' }, LOAD)).toBeVisible();
    await expect(
      canvas.getByText('The payment form could not load. Check your connection and try again.', { selector: 'p' }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'script_load' }));
  },
};

/** "Try again" after the failed script: a second script request, same session, and the drop-in is ready. */
export const ScriptFailedThenRetry: Story = {
  beforeEach: ScriptFailed.beforeEach,
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }, LOAD));
    await expectReady(context);
    await expect(scriptRequests(context)).toEqual([SCRIPT_PATHS['dropin-checkout'], SCRIPT_PATHS['dropin-checkout']]);
    await expect(stackOf({ loaded }).purse.control.sessions()).toHaveLength(1);
  },
};

/**
 * The session expires while the shopper is on the page. Widget v3 cannot renew a session in place, so the shopper
 * is offered a fresh start (Drop-in Checkout renews it silently through onRefreshSession).
 */
export const ExpiredSession: Story = {
  parameters: { shop: { purse: { dropinGeneration: 'widget-v3', sessionTtlMs: 3_000 } } },
  play: async ({ canvas, canvasElement, args }) => {
    await expect(await canvas.findByText('Your session expired', { selector: 'p' }, LOAD)).toBeVisible();
    await expect(canvas.getByText('For your security, the payment session timed out. Start again to pay.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Start again' })).toBeVisible();
    await expect(liveRegion(canvasElement)).toHaveTextContent('Your session expired.');
    await expect(args.onSessionExpired).toHaveBeenCalledTimes(1);
  },
};

/**
 * The answer to a payment is lost on its way back (the connection drops after Purse took it): paying again finds the
 * session submitted, the drop-in closes it, and the checkout says so and leads to the payment's status, never to a
 * second payment.
 */
export const PaymentAnswerLost: Story = {
  beforeEach: ({ loaded }) => {
    stackOf({ loaded }).purse.control.setFault({ method: 'POST', path: '/dropin/api/sessions/*', after: true, drop: true, times: 1 });
  },
  play: async (context) => {
    const { canvas, canvasElement, userEvent, loaded, args } = context;
    await expectReady(context);
    await userEvent.type(canvas.getByLabelText('Card number'), '4111111111111111');
    await userEvent.type(canvas.getByLabelText('Expiry date (MM/YY)'), '12/39');
    await userEvent.type(canvas.getByLabelText('Security code (CVC)'), '123');
    const pay = canvas.getByRole('button', { name: /^Pay / });
    await userEvent.click(pay);
    // The drop-in says the connection failed; the shopper pays again.
    await waitFor(() => expect(pay).toBeEnabled(), LOAD);
    await userEvent.click(pay);

    const closed = 'This payment form is closed. A payment may already have been made.';
    await expect(await canvas.findByText(closed, { selector: 'p' }, LOAD)).toBeVisible();
    await expect(liveRegion(canvasElement)).toHaveTextContent(closed);
    await expect(args.onClosed).toHaveBeenCalledTimes(1);
    const { control } = stackOf({ loaded }).purse;
    const [sessions, payments] = [control.sessions(), control.payments()];
    const link = canvas.getByRole('link', { name: 'See the status of your payment' });
    await expect(new URL(link.getAttribute('href')!).searchParams.get('purse-client-session-id')).toBe(sessions[0]!.id);
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument();
    await expect(sessions).toHaveLength(1);
    await expect(payments).toHaveLength(1);
  },
};

/**
 * The order was paid already (in another tab, or before a reload whose page lost the answer): the merchant server
 * answers its submitted session, and the checkout shows it closed at once, with its status — no form to pay it twice.
 */
export const OrderAlreadyPaid: Story = {
  beforeEach: async ({ loaded }) => {
    const { backend, purse } = stackOf({ loaded });
    const session = await backend.createSession({ order_reference: 'cart-1' });
    const paid = await purse.fetch(
      new Request(`${PURSE_ORIGIN}/dropin/api/sessions/${session.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${session.widget!.data}`, 'content-type': 'application/json' },
        body: JSON.stringify({ card_number: '4111111111111111', expiry: '12/39', cvc: '123' }),
      }),
    );
    if (paid.status !== 201) throw new Error(`the mock refused the payment: ${paid.status}`);
  },
  play: async ({ canvas, canvasElement, loaded }) => {
    const closed = 'This payment form is closed. A payment may already have been made.';
    await expect(await canvas.findByText(closed, { selector: 'p' }, LOAD)).toBeVisible();
    await expect(liveRegion(canvasElement)).toHaveTextContent(closed);
    const [session] = stackOf({ loaded }).purse.control.sessions();
    const link = canvas.getByRole('link', { name: 'See the status of your payment' });
    await expect(new URL(link.getAttribute('href')!).searchParams.get('purse-client-session-id')).toBe(session!.id);
    await expect(canvas.queryByLabelText('Card number')).not.toBeInTheDocument();
    await expect(scriptRequests({ loaded })).toEqual([]);
    await expect(stackOf({ loaded }).purse.control.sessions()).toHaveLength(1);
  },
};

/** HOSTED_PAGE with `hostedPage: 'link'`: a link to Purse's hosted page (origin checked) instead of a drop-in. */
export const HostedPage: Story = {
  args: { integrationMode: 'HOSTED_PAGE', hostedPage: 'link' },
  play: async ({ canvas, canvasElement, loaded }) => {
    const link = await canvas.findByRole('link', { name: 'Continue to secure payment' }, LOAD);
    const hostedPage = stackOf({ loaded }).purse.control.sessions()[0]?.links.hosted_page?.href;
    await expect(hostedPage?.startsWith(`${PURSE_ORIGIN}/`)).toBe(true);
    await expect(link).toHaveAttribute('href', hostedPage);
    await expect(liveRegion(canvasElement)).toHaveTextContent('Continue to the secure payment page to pay.');
    await expect(scriptRequests({ loaded })).toEqual([]);
  },
};

/** The shopper cancels: the session is aborted at Purse, and a fresh start is offered. */
export const Cancelled: Story = {
  args: { onCancel: fn() },
  play: async (context) => {
    const { canvas, userEvent, loaded, args } = context;
    await expectReady(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel payment' }));
    await expect(await canvas.findByText('Payment cancelled', { selector: 'p' }, LOAD)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Start again' })).toBeVisible();
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(stackOf({ loaded }).purse.control.sessions()[0]?.status).toMatch(/^ABORTED/);
  },
};

/** The component and the emulator's drop-in in French. */
export const French: Story = {
  parameters: { purse: { locale: 'fr' } },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent('Le formulaire de paiement est prêt.'), LOAD);
    await expect(canvas.getByRole('group', { name: 'Paiement' })).toBeVisible();
  },
};

/** German: the component, and Purse's drop-in told "de-DE" (labels, method names, the amount written as the page writes it). */
export const German: Story = {
  parameters: { purse: { locale: 'de' } },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent('Das Zahlungsformular ist bereit.'), LOAD);
    await expect(canvas.getByRole('group', { name: 'Zahlung' })).toBeVisible();
    await expect(canvas.getByLabelText('Kartennummer')).toBeVisible();
    await expect(canvas.getByLabelText('Ablaufdatum (MM/JJ)')).toHaveAttribute('placeholder', 'MM/JJ');
    await expect(canvas.getByRole('button', { name: /^\d+,\d{2}\u00a0€ bezahlen$/ })).toBeVisible();
  },
};

// The same stories on a 320 px wide screen with text at 200 % (WCAG 1.4.10 reflow, 1.4.4 resize text): nothing wider than
// the screen, nothing running out of its box.
/** The drop-in ready, with the order's eligible methods. */
export const ReadyDropinCheckoutOnAPhone = onAPhone(ReadyDropinCheckout);
/** The failure panel and its action. */
export const ScriptFailedOnAPhone = onAPhone(ScriptFailed);
/** The hosted payment page's link. */
export const HostedPageOnAPhone = onAPhone(HostedPage);
/** In German (long compound words). */
export const GermanOnAPhone = onAPhone(German);
