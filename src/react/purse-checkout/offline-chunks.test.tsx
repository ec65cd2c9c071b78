// The parts of the checkout downloaded apart (the panels with the words for errors, the eligible methods' list, and the
// renewal / submit / cancel effects) cannot be downloaded: the shopper still learns what happened and has a way on, and nothing reaches Purse.
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkoutStack, expectSkeletonWithoutList, fakeCdn, installFakePurse, liveText, renderCheckout, resetPage } from './test-support.tsx';

// As a browser answers import() when the chunk's request fails.
vi.mock('./panels.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});
vi.mock('./methods.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});
vi.mock('../../core/checkout/off-path.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

beforeEach(() => {
  fakeCdn();
});
afterEach(() => {
  resetPage();
});

describe('when the chunks downloaded apart cannot be downloaded', () => {
  it('the skeleton shows without the eligible methods, and the drop-in still mounts', async () => {
    installFakePurse();
    const stack = checkoutStack();
    stack.sessionGate.close();
    renderCheckout({}, { stack });
    await waitFor(() => expect(stack.count('POST /payment/v2/eligible-solutions')).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expectSkeletonWithoutList();

    stack.sessionGate.open();
    await screen.findByText('Fake Purse drop-in');
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  });

  it('a failed step says what happened by its kind and "Try again" still mounts the drop-in', async () => {
    const purse = installFakePurse();
    const { user } = renderCheckout();
    await screen.findByText('Fake Purse drop-in');
    act(() => purse.latest().emit({ type: 'error', message: 'boom', code: 'CHECKOUT_API_INIT_FAILED' }));

    const text = 'A part of this page could not load. Please reload the page.';
    await screen.findByText(text, { selector: 'p' });
    expect(liveText()).toBe(text);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(purse.instances).toHaveLength(2));
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(purse.alive()).toEqual([purse.instances[1]]);
  });

  it('cancel reports a network failure, keeps the drop-in and aborts nothing at Purse', async () => {
    installFakePurse();
    const stack = checkoutStack();
    const onError = vi.fn();
    const onCancel = vi.fn();
    const { user } = renderCheckout({ onCancel, onError }, { stack });
    await screen.findByText('Fake Purse drop-in');

    await user.click(screen.getByRole('button', { name: 'Cancel payment' }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' })));
    const text = 'We could not connect. Check your internet connection and try again.';
    expect(screen.getByText(text, { selector: 'p' })).toBeInTheDocument();
    expect(liveText()).toBe(text);
    expect(screen.getByText('Fake Purse drop-in')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel payment' })).not.toHaveAttribute('aria-disabled');
    expect(onCancel).not.toHaveBeenCalled();
    expect(stack.purse.control.sessions()[0]!.status).toBe('CREATED');
  });

  it('a submit from the merchant pay button fails with a network error, and the form stays ready', async () => {
    const purse = installFakePurse();
    const onError = vi.fn();
    renderCheckout({ hidePayButton: true, onError, children: (c) => <button onClick={() => void c.submit()}>Pay now</button> });
    await screen.findByText('Fake Purse drop-in');
    screen.getByRole('button', { name: 'Pay now' }).click();
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' })));
    await waitFor(() => expect(liveText()).toBe('We could not connect. Check your internet connection and try again.'));
    expect(purse.latest().submitPayment).not.toHaveBeenCalled();
    expect(screen.getByText('Fake Purse drop-in')).toBeInTheDocument();
  });

  it('a renewal Drop-in Checkout asks for fails: "Start again" is offered, and works', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    const { user } = renderCheckout({}, { stack });
    await screen.findByText('Fake Purse drop-in');

    await act(() => purse.latest().expire().catch(() => {}));
    await screen.findByText('Your session expired.', { selector: 'p' });
    expect(stack.purse.control.sessions()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() => expect(purse.alive()).toHaveLength(1));
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(stack.purse.control.sessions()).toHaveLength(2);
  });
});
