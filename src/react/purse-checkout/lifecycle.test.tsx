// Mount, StrictMode, unmount, preloading and loading states of <PurseCheckout>, over the real stack.
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PurseProvider } from '../provider/index.ts';
import { PurseCheckout } from './PurseCheckout.tsx';
import {
  checkoutStack,
  CHECKOUT_SCRIPT,
  CREATE_SESSION,
  fakeCdn,
  installFakePurse,
  liveText,
  MOCK_ORIGIN,
  renderCheckout,
  resetPage,
} from './test-support.tsx';

let cdn: ReturnType<typeof fakeCdn>;
let purse: ReturnType<typeof installFakePurse>;

beforeEach(() => {
  cdn = fakeCdn();
  purse = installFakePurse();
});
afterEach(() => resetPage());

/** Lets pending requests, script loads and timers of a few ms run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('one session and one drop-in per mount', () => {
  it('creates one session, loads the script once and mounts one drop-in under StrictMode', async () => {
    const onReady = vi.fn();
    const stack = checkoutStack();
    // Observes the browser adapter (calls through): the handler and Purse would hide a duplicate behind idempotency.
    const createSession = vi.spyOn(stack.backend, 'createSession');
    renderCheckout({ onReady }, { stack, strict: true });

    expect(await screen.findByText('Fake Purse drop-in')).toBeInTheDocument();
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(createSession).toHaveBeenCalledTimes(1);
    expect(stack.count(CREATE_SESSION)).toBe(1);
    expect(cdn.urls()).toEqual([CHECKOUT_SCRIPT]);
    expect(purse.instances).toHaveLength(1);
    expect(purse.alive()).toHaveLength(1);
    expect(onReady).toHaveBeenCalledTimes(1);
    // The drop-in runs on the session the merchant handler created.
    const [session] = stack.purse.control.sessions();
    expect(purse.latest().options.session).toBe(session!.widget!.data);
  });

  it('takes a ready session without creating one, and mounts one drop-in under StrictMode', async () => {
    const stack = checkoutStack();
    const session = await stack.backend.createSession({ order_reference: 'cart-1' });
    renderCheckout({ session }, { stack, strict: true });

    await screen.findByText('Fake Purse drop-in');
    await settle();
    expect(stack.count(CREATE_SESSION)).toBe(1); // the one above
    expect(purse.instances).toHaveLength(1);
    expect(purse.alive()).toHaveLength(1);
    expect(purse.latest().options.session).toBe(session.widget!.data);
  });

  it('starts over with a new session when the order changes, unmounting the first drop-in', async () => {
    const { stack, rerender } = renderCheckout({ order: { order_reference: 'cart-1' } });
    await screen.findByText('Fake Purse drop-in');

    rerender({ order: { order_reference: 'cart-2' } });
    await waitFor(() => expect(purse.instances).toHaveLength(2));
    await waitFor(() => expect(liveText()).toBe('The payment form is ready.'));
    expect(stack.count(CREATE_SESSION)).toBe(2);
    expect(purse.instances[0]!.unmount).toHaveBeenCalledTimes(1);
    expect(purse.alive()).toEqual([purse.instances[1]]);
    expect(stack.purse.control.sessions().map((s) => s.order.reference)).toEqual(['cart-1', 'cart-2']);
  });

  it('keeps the same session for a new order object with the same content', async () => {
    const { stack, rerender } = renderCheckout({ order: { order_reference: 'cart-1' } });
    await screen.findByText('Fake Purse drop-in');
    rerender({ order: { order_reference: 'cart-1' } });
    await settle();
    expect(stack.count(CREATE_SESSION)).toBe(1);
    expect(purse.instances).toHaveLength(1);
  });

  it('loads the script once for three checkouts on one page', async () => {
    const stack = checkoutStack();
    render(
      <PurseProvider backend={stack.backend}>
        {['a', 'b', 'c'].map((ref) => (
          <PurseCheckout key={ref} order={{ order_reference: ref }} allowedOrigins={[MOCK_ORIGIN]} />
        ))}
      </PurseProvider>,
    );
    await waitFor(() => expect(screen.getAllByText('Fake Purse drop-in')).toHaveLength(3));
    expect(cdn.urls()).toEqual([CHECKOUT_SCRIPT]);
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(stack.count(CREATE_SESSION)).toBe(3);
  });
});

describe('unmount', () => {
  it('unmounts the drop-in, removes its listeners and ignores later events', async () => {
    const onFulfilledChange = vi.fn();
    const { unmount } = renderCheckout({ onFulfilledChange });
    await screen.findByText('Fake Purse drop-in');
    const dropin = purse.latest();
    expect(dropin.listeners()).toBeGreaterThan(0);

    unmount();
    await settle();
    expect(dropin.unmount).toHaveBeenCalledTimes(1);
    expect(dropin.listeners()).toBe(0);
    dropin.emit({ type: 'error', message: 'late' });
    expect(onFulfilledChange).not.toHaveBeenCalled();
  });

  it('ignores a session that arrives after unmount: no script, no drop-in, no callback', async () => {
    const stack = checkoutStack();
    stack.sessionGate.close();
    const onReady = vi.fn();
    const onError = vi.fn();
    const { unmount } = renderCheckout({ onReady, onError }, { stack, strict: true });
    await settle();
    unmount();
    stack.sessionGate.open();
    await settle();
    await settle();
    expect(cdn.requests).toHaveLength(0);
    expect(purse.instances).toHaveLength(0);
    expect(onReady).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('preloading', () => {
  it('with a scriptUrl hint, preconnects and downloads the script while the session is being created', async () => {
    const stack = checkoutStack();
    stack.sessionGate.close();
    renderCheckout({ scriptUrl: CHECKOUT_SCRIPT }, { stack });

    await waitFor(() => expect(cdn.urls()).toEqual([CHECKOUT_SCRIPT]));
    expect(document.querySelector(`link[rel="preconnect"][href="${MOCK_ORIGIN}"]`)).not.toBeNull();
    expect(stack.count(CREATE_SESSION)).toBe(0); // still waiting for the merchant
    expect(liveText()).toBe('Loading payment methods…');

    stack.sessionGate.open();
    await screen.findByText('Fake Purse drop-in');
    expect(cdn.urls()).toEqual([CHECKOUT_SCRIPT]); // the session's js_url reused the preloaded script
  });

  it('without a hint, only preconnects to the allowed script origins until the session names its script', async () => {
    const stack = checkoutStack();
    stack.sessionGate.close();
    renderCheckout({}, { stack });
    await settle();
    expect(Array.from(document.querySelectorAll('link[rel="preconnect"]'), (l) => l.getAttribute('href'))).toEqual([
      MOCK_ORIGIN,
    ]);
    expect(cdn.requests).toHaveLength(0);
    stack.sessionGate.open();
    await screen.findByText('Fake Purse drop-in');
  });

  it('puts the CSP nonce and the SRI hash on the script tag, and preconnects in CORS mode for it', async () => {
    const stack = checkoutStack();
    stack.sessionGate.close();
    const integrity = 'sha384-abc';
    renderCheckout({ scriptUrl: CHECKOUT_SCRIPT, nonce: 'n0nce', integrity }, { stack });
    await waitFor(() => expect(document.querySelectorAll('script')).toHaveLength(1));
    const script = document.querySelector('script')!;
    expect(script.nonce).toBe('n0nce');
    expect(script.getAttribute('integrity')).toBe(integrity);
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    expect(document.querySelector('link[rel="preconnect"]')!.getAttribute('crossorigin')).toBe('anonymous');
    stack.sessionGate.open();
  });

  it("preconnects to Purse's CDNs by default, and refuses the mock's script outside the allow-list", async () => {
    const onError = vi.fn();
    renderCheckout({ allowedOrigins: undefined, onError });
    await screen.findByText('Payment is unavailable right now. Please try again later.', { selector: 'p' });
    const preconnected = Array.from(document.querySelectorAll('link[rel="preconnect"]'), (l) => l.getAttribute('href'));
    expect(preconnected).toEqual(['https://cdn.purse-secure.com', 'https://cdn.purse-sandbox.com']);
    expect(cdn.requests).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'config', message: expect.stringContaining(MOCK_ORIGIN) }));
    // Trying again cannot fix a configuration error: no retry button.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('loading state', () => {
  it('shows a busy skeleton with the eligible payment methods while the session is created', async () => {
    const stack = checkoutStack();
    stack.sessionGate.close();
    renderCheckout({}, { stack });

    const list = await screen.findByRole('list', { name: 'Available payment methods' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Card',
      'PayPal',
      'Gift card',
      'Pay in 3 instalments',
    ]);
    expect(screen.getByText('Loading payment methods…', { selector: 'p' }).closest('[aria-busy="true"]')).not.toBeNull();
    expect(stack.count(CREATE_SESSION)).toBe(0);
    expect(stack.count('POST /payment/v2/eligible-solutions')).toBe(1);

    stack.sessionGate.open();
    await screen.findByText('Fake Purse drop-in');
    expect(screen.queryByRole('list', { name: 'Available payment methods' })).toBeNull();
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('does not list methods with showEligibleMethods={false}, nor fetch them', async () => {
    const stack = checkoutStack();
    stack.sessionGate.close();
    renderCheckout({ showEligibleMethods: false }, { stack });
    await settle();
    expect(screen.getByText('Loading payment methods…', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
    expect(stack.count('POST /payment/v2/eligible-solutions')).toBe(0);
    stack.sessionGate.open();
  });

  it('says it in French with locale fr, and gives Purse the language as "fr-FR": drop-in option and session', async () => {
    const { stack } = renderCheckout({}, { locale: 'fr' });
    await screen.findByText('Fake Purse drop-in');
    expect(purse.latest().options.locale).toBe('fr-FR');
    // Widget v3 and the hosted page speak the session's customer.locale.
    expect(stack.purse.control.sessions()[0]!.customer).toEqual({ locale: 'fr-FR' });
    expect(liveText()).toBe('Le formulaire de paiement est prêt.');
    expect(screen.getByRole('group', { name: 'Paiement' })).toHaveAttribute('lang', 'fr');
  });

  it("a locale prop overrides the provider's, for the drop-in and the session", async () => {
    const { stack } = renderCheckout({ locale: 'de-AT' }, { locale: 'de' });
    await screen.findByText('Fake Purse drop-in');
    expect(purse.latest().options.locale).toBe('de-AT');
    expect(stack.purse.control.sessions()[0]!.customer).toEqual({ locale: 'de-AT' });
  });
});
