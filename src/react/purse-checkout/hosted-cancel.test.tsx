// HOSTED_PAGE (redirect or link, allowed origins only) and cancel (abortSession once).
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkoutStack,
  fakeCdn,
  installFakePurse,
  liveText,
  MOCK_ORIGIN,
  renderCheckout,
  resetPage,
} from './test-support.tsx';

// The redirect replaces the checkout's history entry (see options.ts): spied on `replace`, and `assign` must stay unused.
let replace: ReturnType<typeof vi.spyOn>;
let assign: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeCdn();
  replace = vi.spyOn(window.location, 'replace').mockImplementation(() => {});
  assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
});
afterEach(() => {
  replace.mockRestore();
  assign.mockRestore();
  resetPage();
});

const abortCalls = (stack: ReturnType<typeof checkoutStack>) => stack.count(/^POST \/payment\/v2\/client-sessions\/[^/]+\/abort$/);

describe('HOSTED_PAGE', () => {
  it('navigates once to the hosted page (allowed origin), also under StrictMode, with a fallback link', async () => {
    const stack = checkoutStack();
    const onReady = vi.fn();
    renderCheckout({ integrationMode: 'HOSTED_PAGE', onReady }, { stack, strict: true });

    await waitFor(() => expect(replace).toHaveBeenCalledTimes(1));
    const [session] = stack.purse.control.sessions();
    expect(session!.integration_mode).toBe('HOSTED_PAGE');
    const url = session!.links.hosted_page!.href;
    expect(url.startsWith(`${MOCK_ORIGIN}/`)).toBe(true);
    expect(replace).toHaveBeenCalledWith(url);
    expect(assign).not.toHaveBeenCalled();
    expect(liveText()).toBe('Redirecting you to the secure payment page…');
    expect(screen.getByRole('link', { name: 'Not redirected? Continue to the secure payment page' })).toHaveAttribute('href', url);
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('renders a link instead with hostedPage="link"', async () => {
    const stack = checkoutStack();
    renderCheckout({ integrationMode: 'HOSTED_PAGE', hostedPage: 'link' }, { stack });
    const link = await screen.findByRole('link', { name: 'Continue to secure payment' });
    expect(link).toHaveAttribute('href', stack.purse.control.sessions()[0]!.links.hosted_page!.href);
    expect([...replace.mock.calls, ...assign.mock.calls]).toEqual([]);
  });

  it('refuses a hosted page outside the allowed origins: config error, no navigation, no retry', async () => {
    const stack = checkoutStack();
    const onError = vi.fn();
    renderCheckout({ integrationMode: 'HOSTED_PAGE', allowedOrigins: ['https://pay.purse-secure.com'], onError }, { stack });

    await screen.findByText('Payment is unavailable right now. Please try again later.', { selector: 'p' });
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'config', message: expect.stringContaining(`Hosted payment page origin "${MOCK_ORIGIN}" is not allowed`) }),
    );
    expect([...replace.mock.calls, ...assign.mock.calls]).toEqual([]);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('refuses a javascript: hosted page URL in a session passed in', async () => {
    const stack = checkoutStack();
    const created = await stack.backend.createSession({ integration_mode: 'HOSTED_PAGE' });
    renderCheckout({ session: { ...created, hosted_page_url: 'javascript:alert(1)' } }, { stack });
    await screen.findByText('Payment is unavailable right now. Please try again later.', { selector: 'p' });
    expect([...replace.mock.calls, ...assign.mock.calls]).toEqual([]);
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('cancel', () => {
  it('aborts the session once (ABORTED_BY_CUSTOMER), removes the drop-in and offers to start again', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    const onCancel = vi.fn();
    const { user } = renderCheckout({ onCancel }, { stack });
    await screen.findByText('Fake Purse drop-in');

    const cancel = screen.getByRole('button', { name: 'Cancel payment' });
    await Promise.all([user.click(cancel), user.click(cancel)]);
    await screen.findByText('Payment cancelled', { selector: 'p' });
    expect(abortCalls(stack)).toBe(1);
    expect(stack.purse.control.sessions()[0]!.status).toBe('ABORTED_BY_CUSTOMER');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(purse.latest().unmount).toHaveBeenCalledTimes(1);
    expect(liveText()).toBe('Payment cancelled.');

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() => expect(purse.alive()).toHaveLength(1));
    const sessions = stack.purse.control.sessions();
    expect(sessions.map((s) => s.status)).toEqual(['ABORTED_BY_CUSTOMER', 'CREATED']);
    expect(purse.latest().options.session).toBe(sessions[1]!.widget!.data);
  });

  it('keeps the drop-in when the abort fails, says so, and lets the shopper try again', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    const onError = vi.fn();
    const { user } = renderCheckout({ onCancel: () => {}, onError }, { stack });
    await screen.findByText('Fake Purse drop-in');

    stack.purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions/*', status: 400, body: { title: 'Refused' } });
    await user.click(screen.getByRole('button', { name: 'Cancel payment' }));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(screen.getByText('Fake Purse drop-in')).toBeInTheDocument();
    expect(purse.latest().unmount).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Cancel payment' })).not.toHaveAttribute('aria-disabled');

    stack.purse.control.clearFaults();
    await user.click(screen.getByRole('button', { name: 'Cancel payment' }));
    await screen.findByText('Payment cancelled', { selector: 'p' });
    expect(stack.purse.control.sessions()[0]!.status).toBe('ABORTED_BY_CUSTOMER');
  });

  // Aborted by the merchant because the order got a newer session in another tab (maybe paid there): the shopper's
  // cancel did nothing, and the order is not theirs to call cancelled. The merchant's onCancel (which may cancel the
  // order) is not called; the checkout closes with the link to the session's status, as for a submitted session.
  it('closes a session the order’s newer session (another tab) has aborted already: not "cancelled", no onCancel, not an error', async () => {
    const purse = installFakePurse();
    const stack = checkoutStack();
    const onCancel = vi.fn();
    const onClosed = vi.fn();
    const onError = vi.fn();
    const { user } = renderCheckout({ order: { order_reference: 'cart-5' }, onCancel, onClosed, onError }, { stack });
    await screen.findByText('Fake Purse drop-in');
    // Another tab of the same shopper opens the order: this tab's session is aborted (ABORTED_BY_MERCHANT).
    await stack.backend.createSession({ order_reference: 'cart-5' }, { idempotencyKey: 'other-tab' });
    const [mine] = stack.purse.control.sessions();
    expect(mine!.status).toBe('ABORTED_BY_MERCHANT');

    await user.click(screen.getByRole('button', { name: 'Cancel payment' }));
    await screen.findByText('This payment form is closed. A payment may already have been made.', { selector: 'p' });
    expect(screen.getByRole('link', { name: 'See the status of your payment' }).getAttribute('href')).toContain(mine!.id);
    expect(screen.queryByText('Payment cancelled')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(purse.latest().unmount).toHaveBeenCalledTimes(1);
    // The other tab's session is left alone.
    expect(stack.purse.control.sessions()[1]!.status).toBe('CREATED');
  });

  it('does not tell the merchant of a cancel when the order was paid in another tab meanwhile', async () => {
    installFakePurse();
    const stack = checkoutStack();
    const onCancel = vi.fn();
    const onClosed = vi.fn();
    const { user } = renderCheckout({ order: { order_reference: 'cart-6' }, onCancel, onClosed }, { stack });
    await screen.findByText('Fake Purse drop-in');
    const other = await stack.backend.createSession({ order_reference: 'cart-6' }, { idempotencyKey: 'other-tab' });
    const paid = await stack.purse.fetch(
      new Request(`${MOCK_ORIGIN}/dropin/api/sessions/${other.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${other.widget!.data}`, 'content-type': 'application/json' },
        body: JSON.stringify({ card_number: '4111 1111 1111 1111', expiry: '12/30', cvc: '123' }),
      }),
    );
    expect(paid.status).toBe(201);

    await user.click(screen.getByRole('button', { name: 'Cancel payment' }));
    await screen.findByRole('link', { name: 'See the status of your payment' });
    expect(liveText()).not.toContain('cancelled');
    expect(onCancel).not.toHaveBeenCalled();
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(stack.purse.control.payments().map((p) => p.authorization.status)).toEqual(['AUTHORIZED']);
  });

  it('shows no cancel button unless asked for', async () => {
    installFakePurse();
    renderCheckout();
    await screen.findByText('Fake Purse drop-in');
    expect(screen.queryByRole('button', { name: 'Cancel payment' })).toBeNull();
  });
});
