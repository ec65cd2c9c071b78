// <PurseCheckout> with the mock server's real drop-in scripts (both generations) running in happy-dom: the script, its
// API calls and the merchant handler all reach the same in-process Purse emulator. Browser E2E covers the rest.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { PurseCheckoutApi } from './usePurseCheckout.ts';
import { checkoutStack, liveText, mockCdn, MOCK_ORIGIN, renderCheckout, resetPage } from './test-support.tsx';

let assign: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  // The drop-in redirects to shopper_redirection_url after paying.
  assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
});
afterEach(() => {
  assign.mockRestore();
  resetPage();
});

const RETURN = 'https://shop.test/checkout/return?purse-redirection-data=';

async function fillCard(user: ReturnType<typeof renderCheckout>['user'], number: string) {
  await user.type(await screen.findByLabelText('Card number'), number);
  await user.type(screen.getByLabelText('Expiry date (MM/YY)'), '12/39');
  await user.type(screen.getByLabelText('Security code (CVC)'), '123');
}

const payButton = (c: PurseCheckoutApi) => (
  <button type="button" disabled={!c.isFulfilled || c.status !== 'ready'} onClick={() => void c.submit()}>
    Pay now
  </button>
);

it('Drop-in Checkout: the merchant pay button pays with the authorized test card and Purse redirects', async () => {
  const stack = checkoutStack();
  const cdn = mockCdn(stack);
  const { user } = renderCheckout({ hidePayButton: true, children: payButton }, { stack });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(screen.queryByRole('button', { name: /^Pay €/ })).toBeNull();
  expect(cdn.urls.filter((u) => u.endsWith('purse.js'))).toEqual([`GET ${MOCK_ORIGIN}/dropin-checkout/stable/purse.js`]);

  const pay = screen.getByRole('button', { name: 'Pay now' });
  expect(pay).toBeDisabled();
  await fillCard(user, '4111111111111111');
  await waitFor(() => expect(pay).toBeEnabled());
  await user.click(pay);

  await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  expect(String(assign.mock.calls[0]![0])).toMatch(new RegExp(`^${RETURN.replace(/[?.]/g, '\\$&')}`));
  expect(stack.purse.control.payments().map((p) => p.authorization?.status)).toEqual(['AUTHORIZED']);
  expect(stack.purse.control.sessions()[0]!.status).toBe('SUBMITTED');
});

it("Drop-in Checkout: the drop-in's own button; a card Purse rejects leaves the checkout ready", async () => {
  const stack = checkoutStack();
  mockCdn(stack);
  const { user } = renderCheckout({}, { stack });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  await fillCard(user, '4242424242424242'); // not a test card: the drop-in shows a form error and stays
  await user.click(screen.getByRole('button', { name: /^Pay €/ }));

  await screen.findByText('This test mode accepts only the test cards listed above.', { selector: '[id$="-error"]' });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(stack.purse.control.payments()).toHaveLength(0);
  expect(assign).not.toHaveBeenCalled();
});

it('Drop-in Checkout: a refused card is submitted and Purse redirects with the refusal', async () => {
  const stack = checkoutStack();
  mockCdn(stack);
  const { user } = renderCheckout({}, { stack });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  await fillCard(user, '4000000000000002');
  await user.click(screen.getByRole('button', { name: /^Pay €/ }));
  await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  expect(stack.purse.control.payments()[0]!.authorization?.status).toBe('REFUSED');
  expect(liveText()).toBe('Submitting your payment…'); // the page is leaving
});

it('Drop-in Checkout: an expired session is renewed in place through onRefreshSession', async () => {
  const stack = checkoutStack({ sessionTtlMs: 400 });
  mockCdn(stack);
  const onSessionExpired = vi.fn();
  renderCheckout({ onSessionExpired }, { stack });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));

  await waitFor(() => expect(stack.purse.control.sessions().length).toBeGreaterThanOrEqual(2));
  await screen.findByLabelText('Card number');
  expect(liveText()).toBe('The payment form is ready.');
  expect(onSessionExpired).not.toHaveBeenCalled();
});

it('Widget v3: mounts the real PAYMENT widget and its PAY_BUTTON widget, which pays', async () => {
  const stack = checkoutStack({ generation: 'widget-v3' });
  const cdn = mockCdn(stack);
  const { user } = renderCheckout({}, { stack });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(cdn.urls.filter((u) => u.endsWith('purse.js'))).toEqual([`GET ${MOCK_ORIGIN}/dropin/v3-stable/purse.js`]);

  await fillCard(user, '4111111111111111');
  const pay = screen.getByRole('button', { name: /^Pay €/ });
  // The button is its own widget, not part of the PAYMENT widget's form.
  expect(pay.closest('form')).toBeNull();
  await user.click(pay);
  await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  expect(stack.purse.control.payments()[0]!.authorization?.status).toBe('AUTHORIZED');
});

it('Widget v3 with hidePayButton: no PAY_BUTTON widget; the merchant pay button pays through submit()', async () => {
  const stack = checkoutStack({ generation: 'widget-v3' });
  mockCdn(stack);
  const { user } = renderCheckout({ hidePayButton: true, children: payButton }, { stack });
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(screen.queryByRole('button', { name: /^Pay €/ })).toBeNull();

  const pay = screen.getByRole('button', { name: 'Pay now' });
  await fillCard(user, '4111111111111111');
  await waitFor(() => expect(pay).toBeEnabled());
  await user.click(pay);
  await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  expect(stack.purse.control.payments()[0]!.authorization?.status).toBe('AUTHORIZED');
});

it('recovers from a script the CDN fails to serve, with "Try again"', async () => {
  const stack = checkoutStack();
  mockCdn(stack);
  stack.purse.control.setFault({ method: 'GET', path: '/dropin-checkout/stable/purse.js', status: 404, times: 1 });
  const { user } = renderCheckout({}, { stack });
  await user.click(await screen.findByRole('button', { name: 'Try again' }));
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(await screen.findByLabelText('Card number')).toBeInTheDocument();
  expect(stack.purse.control.sessions()).toHaveLength(1);
});
