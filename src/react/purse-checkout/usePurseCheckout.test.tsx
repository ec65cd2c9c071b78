// The headless hook with the merchant's own markup.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PurseProvider } from '../provider/index.ts';
import type { UsePurseCheckoutOptions } from './options.ts';
import { usePurseCheckout } from './usePurseCheckout.ts';
import { checkoutStack, fakeCdn, installFakePurse, MOCK_ORIGIN, resetPage, type CheckoutStack } from './test-support.tsx';

beforeEach(() => {
  fakeCdn();
});
afterEach(() => resetPage());

const statuses: string[] = [];

function MyCheckout(options: UsePurseCheckoutOptions) {
  const c = usePurseCheckout(options);
  // Destructured: the React Compiler's lint treats `ref={c.containerRef}` as reading a ref during render.
  const { containerRef } = c;
  useEffect(() => {
    if (statuses.at(-1) !== c.status) statuses.push(c.status);
  });
  return (
    <section>
      <p data-testid="status">{c.status}</p>
      <div ref={containerRef} />
      <button type="button" onClick={() => void c.submit()}>
        Pay
      </button>
      <button
        type="button"
        onClick={() => {
          void c.cancel();
          void c.cancel();
        }}
      >
        Leave
      </button>
    </section>
  );
}

function renderHeadless(stack: CheckoutStack, options: UsePurseCheckoutOptions) {
  statuses.length = 0;
  return render(
    <PurseProvider backend={stack.backend}>
      <MyCheckout allowedOrigins={[MOCK_ORIGIN]} {...options} />
    </PurseProvider>,
  );
}

it('mounts into the merchant container and goes loading → ready', async () => {
  const purse = installFakePurse();
  renderHeadless(checkoutStack(), { order: {} });
  await screen.findByText('Fake Purse drop-in');
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('ready'));
  expect(statuses).toEqual(['loading', 'ready']);
  expect(purse.instances).toHaveLength(1);
});

it('ignores submit() before the drop-in is ready', async () => {
  const purse = installFakePurse();
  const stack = checkoutStack();
  stack.sessionGate.close();
  renderHeadless(stack, { order: {} });
  await userEvent.click(screen.getByRole('button', { name: 'Pay' }));
  stack.sessionGate.open();
  await screen.findByText('Fake Purse drop-in');
  expect(purse.latest().submitPayment).not.toHaveBeenCalled();
});

it('sends one abort for cancel() called twice at once', async () => {
  installFakePurse();
  const stack = checkoutStack();
  const onCancel = vi.fn();
  renderHeadless(stack, { order: {}, onCancel });
  await screen.findByText('Fake Purse drop-in');
  await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('cancelled'));
  expect(stack.count(/\/abort$/)).toBe(1);
  expect(onCancel).toHaveBeenCalledTimes(1);
});

it('does not cancel a payment being submitted', async () => {
  const purse = installFakePurse();
  const stack = checkoutStack();
  renderHeadless(stack, { order: {} });
  await screen.findByText('Fake Purse drop-in');
  purse.latest().outcome.mockImplementation(() => new Promise<void>(() => {}));
  await userEvent.click(screen.getByRole('button', { name: 'Pay' }));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('submitting'));
  await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
  expect(screen.getByTestId('status')).toHaveTextContent('submitting');
  expect(stack.count(/\/abort$/)).toBe(0);
});

it('says how to fix a missing order or session', () => {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(() => renderHeadless(checkoutStack(), {})).toThrow(/need an `order`.*or a ready `session`/);
  spy.mockRestore();
});
