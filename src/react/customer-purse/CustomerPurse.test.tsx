// <CustomerPurse> over the real in-process stack (browser adapter → merchant handler → mock), as a shopper sees it.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import { PurseProvider } from '../provider/index.ts';
import { CustomerPurse, type CustomerPurseProps } from './CustomerPurse.tsx';

function renderPurse(customerReference: string, props: CustomerPurseProps = {}, locale: 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl' = 'en', before?: (stack: ReturnType<typeof createTestStack>) => void) {
  const stack = createTestStack({ customerReference });
  before?.(stack);
  const view = render(
    <StrictMode>
      <PurseProvider backend={stack.backend} locale={locale}>
        <CustomerPurse {...props} />
      </PurseProvider>
    </StrictMode>,
  );
  const calls = (path: string) => stack.purse.control.requests().filter((r) => r.path === `/api/v1/customer-purse/${path}`).length;
  return { ...stack, ...view, calls, user: userEvent.setup() };
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('<CustomerPurse>', () => {
  it('shows each address once (text, copy button, QR code) and the deposits in plain words, under StrictMode', async () => {
    const { calls } = renderPurse('cust_seed_ada', { pageSize: 5 });
    expect(screen.getByRole('status')).toHaveTextContent('Loading your deposit account…');
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/^bc1q/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy address for BTC' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy address for ETH, USDT, USDC' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'QR code of the BTC address' })).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows()[0]).toHaveTextContent('1.25 ETH');
    expect(rows()[0]).toHaveTextContent('Seen on the network, waiting for confirmation');
    expect(rows()[0]).toHaveTextContent('Not checked yet');
    expect(rows()[1]).toHaveTextContent('Being checked');
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(calls('customer/get')).toBe(1);
    expect(calls('transaction/find')).toBe(1);
  });

  it('pages with Previous / Next', async () => {
    const { user } = renderPurse('cust_seed_ada', { pageSize: 5 });
    await screen.findByText('Page 1 of 3');
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Page 2 of 3');
    // Next is inactive while page 2 loads (a click then is ignored, as for a shopper): wait until it is not.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next page' })).not.toHaveAttribute('aria-disabled'));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Page 3 of 3');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('a page that could not be loaded leaves the pager on the page shown, and Next asks for it again', async () => {
    const { user, purse } = renderPurse('cust_seed_ada', { pageSize: 5 });
    await screen.findByText('Page 1 of 3');
    const first = rows().map((row) => row.textContent);
    // Every attempt the adapter makes at page 2 fails.
    purse.control.setFault({ path: '/api/v1/customer-purse/transaction/find', status: 503, times: 3 });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findAllByText('Your deposits could not be updated. What is shown may be out of date.');
    // Page 1's rows are still shown: the pager says so, and Next is there to try page 2 again.
    expect(rows().map((row) => row.textContent)).toEqual(first);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.queryByText('Page 2 of 3')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Page 2 of 3');
    await waitFor(() => expect(rows().map((row) => row.textContent)).not.toEqual(first));
  });

  it('a deposit that arrives while the view is open appears and is announced, without a reload', async () => {
    const { purse } = renderPurse('cust_seed_new', { pollIntervalMs: 50 });
    await screen.findByText('No deposits yet. They appear here as soon as the network reports them.');
    act(() => void purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_new', currency: 'BTC', amount: 0.015 }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('0.015 BTC');
    expect(screen.getByRole('status')).toHaveTextContent('New deposit: 0.015 BTC, Seen on the network, waiting for confirmation.');
  });

  it('a deposit shows the amount received to its last decimal, never more and never 0, in the table and the announcement', async () => {
    const { purse } = renderPurse('cust_seed_new', { pollIntervalMs: 50 }, 'fr');
    await screen.findByText(/^Aucun dépôt pour l’instant/);
    act(() => void purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_new', currency: 'ETH', amount: 0.123456789999 }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('0,123456789999 ETH');
    expect(screen.getByRole('status')).toHaveTextContent('0,123456789999 ETH');
    act(() => void purse.control.customerPurse.addDeposit({ externalId: 'cust_seed_new', currency: 'ETH', amount: 1e-9 }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0]).toHaveTextContent('0,000000001 ETH');
  });

  it('a blocked customer is told why and gets no address, but still sees their deposits', async () => {
    renderPurse('cust_seed_blocked');
    expect(await screen.findByRole('heading', { name: 'Your deposit account is on hold' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(/Do not send funds now/);
    expect(screen.queryByText(/^bc1q/)).toBeNull();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0]).toHaveTextContent('Declined');
    expect(rows()[0]).toHaveTextContent('Not passed');
  });

  it('copies an address, or selects it for the shopper when the clipboard is refused', async () => {
    const { user } = renderPurse('cust_seed_ada');
    const button = await screen.findByRole('button', { name: 'Copy address for BTC' });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValueOnce(undefined);
    await user.click(button);
    expect(writeText).toHaveBeenCalledWith(screen.getByText(/^bc1q/).textContent);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Address copied.'));
    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await user.click(button);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The address could not be copied. Select it and copy it yourself.'));
    expect(window.getSelection()?.toString()).toBe(screen.getByText(/^bc1q/).textContent);
  });

  it('a deposit whose date Purse sent unreadable is still listed, without breaking the page', async () => {
    const find = '/api/v1/customer-purse/transaction/find';
    const deposit = { id: 'd-1', amount: 0.2, currency: 'BTC', transactionState: 'CONFIRMED', complianceState: 'CHECKED' };
    renderPurse('cust_seed_ada', { pollIntervalMs: 0 }, 'en', (stack) =>
      stack.purse.control.setFault({
        path: find,
        status: 200,
        body: { result: [{ ...deposit, createdDate: 'yesterday' }], page: 0, size: 10, total: 1, totalElements: 1 },
        times: 1,
      }),
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('0.2 BTC');
    expect(rows()[0]).toHaveTextContent('Received');
    expect(await screen.findByText(/^bc1q/)).toBeInTheDocument();
  });

  it.each(['en', 'fr', 'de', 'es', 'it', 'nl'] as const)('a copy button’s name holds the words it shows (speech input), in %s', async (locale) => {
    renderPurse('cust_seed_ada', {}, locale);
    await screen.findByRole('list');
    const buttons = within(screen.getByRole('list')).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    for (const button of buttons) {
      const name = button.getAttribute('aria-label') ?? '';
      expect(name.toLowerCase()).toContain(button.textContent!.toLowerCase());
    }
  });

  it('another shopper signs in (another tab): the open view shows their account, never their deposits under the first one’s addresses', async () => {
    const session = { customerReference: 'cust_seed_ada' };
    const stack = createTestStack(session);
    const onDeposit = vi.fn();
    render(
      <PurseProvider backend={stack.backend}>
        <CustomerPurse pollIntervalMs={50} onDeposit={onDeposit} />
      </PurseProvider>,
    );
    const adaAddress = (await screen.findByText(/^bc1q/)).textContent;
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    session.customerReference = 'cust_seed_blocked';
    expect(await screen.findByRole('heading', { name: 'Your deposit account is on hold' }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.queryByText(adaAddress!)).toBeNull();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(onDeposit).not.toHaveBeenCalled();
  });

  it('a failure says so in the shopper’s language and retries', async () => {
    const again = renderPurse('cust_seed_ada', {}, 'fr', (stack) =>
      stack.purse.control.setFault({ path: '/api/v1/customer-purse/customer/get', status: 400, body: { code: 'X', message: 'no' }, times: 1 }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Votre compte de dépôt n’a pas pu être chargé.');
    await again.user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { name: 'Vos adresses de dépôt' })).toBeInTheDocument();
  });

  it('stops polling once unmounted', async () => {
    const { calls, unmount } = renderPurse('cust_seed_ada', { pollIntervalMs: 30 });
    await waitFor(() => expect(calls('transaction/find')).toBeGreaterThanOrEqual(2));
    unmount();
    // A request already on its way when the view unmounted may still arrive; after that, nothing more.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const count = calls('transaction/find');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls('transaction/find')).toBe(count);
  });
});
