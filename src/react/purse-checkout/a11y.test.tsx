// Accessibility structure of the default view: one polite live region through every state, a busy skeleton, focus
// kept in the checkout. (Axe scans run on the stories and in the browser E2E.)
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkoutStack, fakeCdn, installFakePurse, installFakeUpStreamPay, renderCheckout, resetPage } from './test-support.tsx';

let cdn: ReturnType<typeof fakeCdn>;
beforeEach(() => {
  cdn = fakeCdn();
});
afterEach(() => resetPage());

it('announces every state in the same single polite live region', async () => {
  const ups = installFakeUpStreamPay();
  cdn.hold = true;
  const stack = checkoutStack({ generation: 'widget-v3' });
  const { user } = renderCheckout({}, { stack });
  const group = screen.getByRole('group', { name: 'Payment' });
  const region = within(group).getByRole('status');
  const seen: string[] = [];
  const observe = () => {
    expect(within(group).getAllByRole('status')).toEqual([region]);
    expect(region).toHaveAttribute('aria-live', 'polite');
    seen.push(region.textContent ?? '');
  };

  observe(); // loading
  expect(within(group).getByText('Loading payment methods…', { selector: 'p' }).closest('[aria-busy="true"]')).not.toBeNull();
  await waitFor(() => expect(cdn.requests).toHaveLength(1));
  cdn.requests[0]!.respond('', 500);
  await screen.findByRole('button', { name: 'Try again' });
  observe(); // failed

  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(group).toHaveFocus();
  await waitFor(() => expect(cdn.requests).toHaveLength(2));
  cdn.requests[1]!.respond('');
  await screen.findByText('Fake UpStreamPay widget');
  observe(); // ready

  act(() => ups.fire({ code: 'CHECKOUT_SESSION_EXPIRED' }));
  await screen.findByRole('button', { name: 'Start again' });
  observe(); // expired

  expect(seen).toEqual([
    'Loading payment methods…',
    'The payment form could not load. Check your connection and try again.',
    'The payment form is ready.',
    'Your session expired.',
  ]);
});

it('keeps keyboard focus in the checkout when the shopper cancels with the keyboard (the button goes away)', async () => {
  installFakePurse();
  const { user } = renderCheckout({ onCancel: () => {} });
  await screen.findByText('Fake Purse drop-in');
  screen.getByRole('button', { name: 'Cancel payment' }).focus();
  await user.keyboard('{Enter}');
  await screen.findByRole('button', { name: 'Start again' });
  expect(screen.getByRole('group', { name: 'Payment' })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'Start again' })).toHaveFocus();
});

it('keeps keyboard focus in the checkout when the session expires under the shopper’s focus in the drop-in', async () => {
  const purse = installFakePurse();
  const stack = checkoutStack();
  renderCheckout({}, { stack });
  await screen.findByText('Fake Purse drop-in');
  screen.getByRole('button', { name: 'Pay with Purse' }).focus();
  // The renewal fails: the drop-in goes, "Start again" comes.
  stack.purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', status: 400, body: { title: 'Bad' } });
  await act(() => purse.latest().expire().catch(() => {}));
  await screen.findByRole('button', { name: 'Start again' });
  expect(screen.getByRole('group', { name: 'Payment' })).toHaveFocus();
});

it('leaves focus where it is when the session expires while the shopper is not in the checkout', async () => {
  const ups = installFakeUpStreamPay();
  renderCheckout({}, { stack: checkoutStack({ generation: 'widget-v3' }) });
  await screen.findByText('Fake UpStreamPay widget');
  // The shopper reads the page (nothing focused), and the session expires meanwhile.
  expect(document.activeElement).toBe(document.body);
  act(() => ups.fire({ code: 'CHECKOUT_SESSION_EXPIRED' }));
  await screen.findByRole('button', { name: 'Start again' });
  expect(document.activeElement).toBe(document.body);
});

it('keeps keyboard focus in the checkout when the drop-in fails under the shopper’s focus: the next Tab is "Try again"', async () => {
  const purse = installFakePurse();
  const { user } = renderCheckout();
  await screen.findByText('Fake Purse drop-in');
  screen.getByRole('button', { name: 'Pay with Purse' }).focus();
  act(() => purse.latest().emit({ type: 'error', message: 'boom', code: 'CHECKOUT_API_INIT_FAILED' }));
  await screen.findByRole('button', { name: 'Try again' });
  expect(screen.getByRole('group', { name: 'Payment' })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();
});
