// Checkout refusals: "Try again" only where trying again can succeed; otherwise what happened and what to do instead.
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkoutStack, CREATE_SESSION, installFakePurse, renderCheckout, resetPage } from './test-support.tsx';

beforeEach(() => installFakePurse());
afterEach(() => resetPage());

describe('<PurseCheckout> dead ends', () => {
  it('no order to pay (404 order_not_found): back to the cart, no retry that would meet the same refusal', async () => {
    const stack = checkoutStack({ noOrder: true });
    renderCheckout({}, { stack });
    expect(await screen.findByText('This order can no longer be paid. Go back to your cart and check it.', { selector: 'p' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    expect(stack.count(CREATE_SESSION)).toBe(0);
  });

  it('an integration mode the merchant does not allow: "unavailable", no retry', async () => {
    const stack = checkoutStack({ modes: ['EMBEDDED'] });
    renderCheckout({ integrationMode: 'HOSTED_PAGE' }, { stack });
    expect(await screen.findByText('Payment is unavailable right now. Please try again later.', { selector: 'p' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
  });

  it('rate limited with a long wait: "Try again in 2 min", unusable until then', async () => {
    const stack = checkoutStack();
    stack.purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', status: 429, headers: { 'Retry-After': '120' }, times: 1 });
    const { user } = renderCheckout({}, { stack });
    const retry = await screen.findByRole('button', { name: 'Try again in 2 min' });
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    await user.click(retry);
    expect(stack.count(CREATE_SESSION)).toBe(1);
  });
});
