// The eligible methods' list is downloaded apart (methods.tsx), its download started with the skeleton, beside the
// session request and the request for the methods: while it comes, the skeleton shows without the list (no title
// without its list, no raw key), and the list appears as soon as both are there.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { checkoutStack, expectSkeletonWithoutList, fakeCdn, Gate, installFakePurse, liveText, renderCheckout, resetPage } from './test-support.tsx';

const chunk = vi.hoisted(() => ({ requested: false, gate: undefined as unknown as Gate }));
vi.mock('./methods.tsx', async (importOriginal) => {
  chunk.requested = true;
  await chunk.gate.pass();
  return importOriginal();
});

beforeEach(() => {
  fakeCdn();
  installFakePurse();
});
afterEach(() => resetPage());

it('starts downloading the list with the skeleton, shows the skeleton alone while it comes, then the list', async () => {
  chunk.gate = new Gate();
  chunk.gate.close();
  const stack = checkoutStack();
  stack.sessionGate.close();
  renderCheckout({}, { stack });

  await waitFor(() => expect(chunk.requested).toBe(true));
  await waitFor(() => expect(stack.count('POST /payment/v2/eligible-solutions')).toBe(1));
  await new Promise((resolve) => setTimeout(resolve, 30));
  expectSkeletonWithoutList();

  chunk.gate.open();
  const list = await screen.findByRole('list', { name: 'Available payment methods' });
  expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Card', 'PayPal', 'Gift card', 'Pay in 3 instalments']);

  stack.sessionGate.open();
  await screen.findByText('Fake Purse drop-in');
  await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  expect(screen.queryByRole('list')).toBeNull();
});
