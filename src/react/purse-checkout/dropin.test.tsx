// The mounted drop-in: submit, fulfilment, script failure and retry, drop-in errors, both generations.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PurseCheckoutApi } from './usePurseCheckout.ts';
import {
  checkoutStack,
  CHECKOUT_SCRIPT,
  CREATE_SESSION,
  fakeCdn,
  installFakePurse,
  installFakeUpStreamPay,
  liveText,
  renderCheckout,
  resetPage,
  WIDGET_SCRIPT,
} from './test-support.tsx';

let cdn: ReturnType<typeof fakeCdn>;

beforeEach(() => {
  cdn = fakeCdn();
});
afterEach(() => resetPage());

/** The merchant's own pay button, enabled once the drop-in's form is complete. */
const payButton = (c: PurseCheckoutApi) => (
  <button type="button" disabled={!c.isFulfilled || c.status !== 'ready'} onClick={() => void c.submit()}>
    Pay now
  </button>
);

describe('Drop-in Checkout', () => {
  it('passes locale, theme and hidePayButton through, and reports fulfilment for the merchant pay button', async () => {
    const purse = installFakePurse();
    const onFulfilledChange = vi.fn();
    const theme = { accentColor: '#0a5', borderRadius: '4px' };
    const { user } = renderCheckout({ hidePayButton: true, theme, locale: 'fr-FR', onFulfilledChange, children: payButton });
    await screen.findByText('Fake Purse drop-in');
    const dropin = purse.latest();
    expect(dropin.options).toMatchObject({ hidePayButton: true, theme, locale: 'fr-FR' });
    expect(screen.queryByRole('button', { name: 'Pay with Purse' })).toBeNull();

    const pay = screen.getByRole('button', { name: 'Pay now' });
    expect(pay).toBeDisabled();
    dropin.isPaymentFulfilled.set(true);
    await waitFor(() => expect(pay).toBeEnabled());
    expect(onFulfilledChange).toHaveBeenLastCalledWith({ isFulfilled: true });

    let finish!: () => void;
    dropin.outcome.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    await user.click(pay);
    await waitFor(() => expect(dropin.submitPayment).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(liveText()).toBe('Submitting your payment…'));
    expect(pay).toBeDisabled();
    await user.click(pay); // a double click submits once
    expect(dropin.submitPayment).toHaveBeenCalledTimes(1);

    finish(); // Purse did not navigate away (e.g. the drop-in shows a refused card): the form is usable again
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(pay).toBeEnabled();
  });

  it('mounts again, on the same session, when locale, theme or hidePayButton change', async () => {
    const purse = installFakePurse();
    const { rerender, stack } = renderCheckout({ locale: 'en' });
    await screen.findByText('Fake Purse drop-in');
    rerender({ locale: 'en' }); // same options: nothing happens
    rerender({ locale: 'fr', hidePayButton: true });
    await waitFor(() => expect(purse.instances).toHaveLength(2));
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(purse.instances[0]!.unmount).toHaveBeenCalledTimes(1);
    expect(purse.latest().options).toMatchObject({ locale: 'fr', hidePayButton: true, session: purse.instances[0]!.options.session });
    expect(stack.count(CREATE_SESSION)).toBe(1);
  });

  it('shows a failed submit as a message and reports it, keeping the drop-in', async () => {
    const purse = installFakePurse();
    const onError = vi.fn();
    const { user } = renderCheckout({ hidePayButton: true, onError, children: payButton });
    await screen.findByText('Fake Purse drop-in');
    const dropin = purse.latest();
    dropin.isPaymentFulfilled.set(true);
    dropin.outcome.mockRejectedValue(Object.assign(new Error('card refused'), { code: 'PAYMENT_REFUSED' }));
    await user.click(await screen.findByRole('button', { name: 'Pay now' }));

    expect(await screen.findByText('Your payment could not be submitted. Please try again.', { selector: 'p' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith({ kind: 'dropin', code: 'PAYMENT_REFUSED', message: "Purse's drop-in: card refused" });
    // A rejection without a string code reports none.
    dropin.outcome.mockRejectedValue(Object.assign(new Error('timed out'), { code: 408 }));
    await user.click(screen.getByRole('button', { name: 'Pay now' }));
    await waitFor(() => expect(onError).toHaveBeenLastCalledWith({ kind: 'dropin', message: "Purse's drop-in: timed out" }));
    expect(screen.getByText('Fake Purse drop-in')).toBeInTheDocument();
    expect(dropin.unmount).not.toHaveBeenCalled();
  });

  it("follows the drop-in's own pay button: submitting, then ready again after a refused card", async () => {
    const purse = installFakePurse();
    const { user } = renderCheckout();
    await screen.findByText('Fake Purse drop-in');
    const dropin = purse.latest();
    let finish!: () => void;
    dropin.outcome.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));

    await user.click(screen.getByRole('button', { name: 'Pay with Purse' }));
    await waitFor(() => expect(liveText()).toBe('Submitting your payment…'));
    finish(); // the drop-in shows the refusal itself and goes back to `ready`
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
  });

  it('passes the errors the drop-in reports to onError, without failing the checkout', async () => {
    const purse = installFakePurse();
    const onError = vi.fn();
    renderCheckout({ onError });
    await screen.findByText('Fake Purse drop-in');
    purse.latest().emit({ type: 'error', message: 'Refused by the issuer', code: 'PAYMENT_REFUSED' });
    expect(onError).toHaveBeenCalledWith({
      kind: 'dropin',
      code: 'PAYMENT_REFUSED',
      message: "Purse's drop-in: Refused by the issuer",
    });
    expect(liveText()).toBe('The payment form is ready.');
    expect(purse.latest().unmount).not.toHaveBeenCalled();
  });

  it('fails with a retry when the drop-in cannot start, and mounts a new one on retry', async () => {
    const purse = installFakePurse();
    const { user } = renderCheckout();
    await screen.findByText('Fake Purse drop-in');
    purse.latest().emit({ type: 'error', message: 'boom', code: 'CHECKOUT_API_INIT_FAILED' });

    await screen.findByText('The payment form could not load. Check your connection and try again.', { selector: 'p' });
    expect(purse.latest().unmount).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(purse.instances).toHaveLength(2));
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(purse.alive()).toEqual([purse.instances[1]]);
    // Keyboard focus stays in the checkout when the clicked button goes away.
    expect(screen.getByRole('group', { name: 'Payment' })).toHaveFocus();
  });
});

describe('script failure', () => {
  it('shows an error with "Try again"; the retry injects the script again and the drop-in mounts', async () => {
    const purse = installFakePurse();
    cdn.hold = true;
    const onError = vi.fn();
    const { user, stack } = renderCheckout({ onError });

    await waitFor(() => expect(cdn.requests).toHaveLength(1));
    cdn.requests[0]!.respond('not found', 404);
    await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByText('The payment form could not load', { selector: 'p' })).toBeInTheDocument();
    expect(liveText()).toBe('The payment form could not load. Check your connection and try again.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'script_load', url: CHECKOUT_SCRIPT }));
    expect(document.querySelectorAll('script')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(liveText()).toBe('Loading payment methods…');
    await waitFor(() => expect(cdn.requests).toHaveLength(2));
    cdn.requests[1]!.respond('/* ok */');
    await screen.findByText('Fake Purse drop-in');
    expect(purse.instances).toHaveLength(1);
    expect(stack.count(CREATE_SESSION)).toBe(1); // the session was kept
  });

  it('times out a script that never answers', async () => {
    installFakePurse();
    cdn.hold = true;
    renderCheckout({ scriptTimeoutMs: 50 });
    await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByText('The payment form could not load. Check your connection and try again.', { selector: 'p' })).toBeInTheDocument();
  });

  it('retries a failed session creation, then mounts the drop-in on the one session', async () => {
    installFakePurse();
    const stack = checkoutStack();
    stack.purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', status: 503, times: 3 });
    const { user } = renderCheckout({}, { stack });
    await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByText('Something went wrong on our side. Please try again.', { selector: 'p' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Fake Purse drop-in');
    expect(stack.purse.control.sessions()).toHaveLength(1);
  });

  it('retries the same request after the shopper switched language on the error: the drop-in comes, in the new language', async () => {
    // The first attempt's outcome is unknown to the handler (Purse 503): it keeps that attempt's body, and refuses
    // (409 idempotency_key_reused) the same Idempotency-Key with another body, here another locale. Every retry
    // refused so: a dead end until a reload.
    const purse = installFakePurse();
    const stack = checkoutStack();
    stack.purse.control.setFault({ method: 'POST', path: '/payment/v2/client-sessions', status: 503, times: 3 });
    const { user, rerender } = renderCheckout({}, { stack });
    await screen.findByRole('button', { name: 'Try again' });
    rerender({}, 'fr');
    await user.click(await screen.findByRole('button', { name: 'Réessayer' }));
    await screen.findByText('Fake Purse drop-in');
    expect(purse.latest().options.locale).toBe('fr-FR');
    expect(stack.purse.control.sessions()).toHaveLength(1);
  });
});

describe('Widget v3', () => {
  it('mounts by element id, submits through the manager and reports fulfilment from its events', async () => {
    const ups = installFakeUpStreamPay();
    const stack = checkoutStack({ generation: 'widget-v3' });
    const onFulfilledChange = vi.fn();
    const { user } = renderCheckout({ hidePayButton: true, onFulfilledChange, children: payButton }, { stack });

    await screen.findByText('Fake UpStreamPay widget');
    expect(cdn.urls()).toEqual([WIDGET_SCRIPT]);
    expect(ups.widgetData).toEqual([stack.purse.control.sessions()[0]!.widget!.data]);
    ups.fire({ code: 'CHECKOUT_PAYMENT_FULFILLED_CHANGES', payload: { isFulfilled: true } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay now' })).toBeEnabled());
    expect(onFulfilledChange).toHaveBeenCalledWith({ isFulfilled: true });

    await user.click(screen.getByRole('button', { name: 'Pay now' }));
    await waitFor(() => expect(ups.submitPayment).toHaveBeenCalledTimes(1));
  });

  it('fails when the widget reports CHECKOUT_API_INIT_FAILED', async () => {
    const ups = installFakeUpStreamPay();
    renderCheckout({}, { stack: checkoutStack({ generation: 'widget-v3' }) });
    await screen.findByText('Fake UpStreamPay widget');
    ups.fire({ code: 'CHECKOUT_API_INIT_FAILED', payload: { message: 'no session' } });
    await screen.findByRole('button', { name: 'Try again' });
    expect(ups.unmounts).toBe(1);
  });
});
