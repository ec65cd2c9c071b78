import { within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDriver } from '../../../core/dropin/drivers.ts';
import type { DropinEvent, DropinWindow, PurseDropinCheckoutEvent, PurseGlobal } from '../../../core/dropin/types.ts';
import { keySetOf, signingJwks, START, tokenOf } from '../test-support.ts';
import { cleanupScripts, setupScripts } from './script-test-support.ts';

afterEach(cleanupScripts);

const purseGlobal = () => (window as unknown as { Purse: PurseGlobal }).Purse;

/**
 * Resolves once the drop-in is in `state` (at once when it is already): the event that matters, however long the real
 * work before it takes (paying signs an RS256 token).
 */
function reached(checkout: { sessionState: { subscribe(listener: (state: string) => void): unknown } }, state: string) {
  return new Promise<void>((resolve) => void checkout.sessionState.subscribe((current) => current === state && resolve()));
}

async function fillCard(container: HTMLElement, number = '4111 1111 1111 1111', expiry = '12/30', cvc = '123') {
  const user = userEvent.setup();
  const view = within(container);
  await user.type(view.getByLabelText('Card number'), number);
  await user.type(view.getByLabelText('Expiry date (MM/YY)'), expiry);
  await user.type(view.getByLabelText('Security code (CVC)'), cvc);
  return user;
}

describe('Drop-in Checkout script (window.Purse)', () => {
  it('is served as JavaScript and defines window.Purse.createDropinCheckout', async () => {
    const { api, purse, runScript } = setupScripts();
    const session = await api.createSession();
    const response = await purse.fetch(new Request(session.widget!.js_url));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((window as DropinWindow).Purse).toBeUndefined();
    await runScript(session);
    expect(typeof purseGlobal().createDropinCheckout).toBe('function');
    expect((window as DropinWindow).UpStreamPay).toBeUndefined();
  });

  it('mounts the methods and a labelled card form, reports fulfilment, pays and redirects with a verifiable token', async () => {
    const { api, runScript, container, assign, purse, settle } = setupScripts();
    const session = await api.createSession();
    await runScript(session);
    const events: PurseDropinCheckoutEvent[] = [];
    const checkout = await purseGlobal().createDropinCheckout({ session: session.widget!.data, eventListener: (e) => events.push(e) });
    const states: string[] = [];
    const fulfilled: boolean[] = [];
    checkout.sessionState.subscribe((s) => void states.push(s));
    checkout.isPaymentFulfilled.subscribe((f) => void fulfilled.push(f));
    const element = container();
    await checkout.mount(element);
    expect(events).toEqual([{ type: 'ready' }]);
    expect(states).toEqual(['idle', 'ready']);
    const view = within(element);
    const methods = view.getByRole('list', { name: 'Payment methods for this order' });
    expect(within(methods).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Card (Dalenys)',
      'Wallet (PayPal)',
      'Gift card (Illicado)',
      'Pay in 3 instalments (Oney)',
    ]);
    const number = view.getByLabelText('Card number');
    expect(number.id).toMatch(new RegExp(`^purse-mock-${session.id}-\\d+-card-number$`));
    expect(view.getByRole('button', { name: 'Pay €120.00' })).toBeTruthy();

    const user = userEvent.setup();
    await user.type(view.getByLabelText('Card number'), '4111 1111 1111 1111');
    await user.type(view.getByLabelText('Expiry date (MM/YY)'), '12/30');
    expect(fulfilled).toEqual([false]);
    await user.type(view.getByLabelText('Security code (CVC)'), '12');
    expect(fulfilled).toEqual([false]);
    await user.type(view.getByLabelText('Security code (CVC)'), '3');
    expect(fulfilled).toEqual([false, true]);
    await user.type(view.getByLabelText('Expiry date (MM/YY)'), '{Backspace}');
    expect(fulfilled).toEqual([false, true, false]);
    await user.type(view.getByLabelText('Expiry date (MM/YY)'), '0');
    expect(fulfilled).toEqual([false, true, false, true]);
    const submitted = reached(checkout, 'submitted');
    await user.click(view.getByRole('button', { name: 'Pay €120.00' }));
    await submitted;
    expect(assign).toHaveBeenCalledTimes(1);
    expect(states.slice(-2)).toEqual(['submitting', 'submitted']);
    expect(view.getByRole('status').textContent).toBe('Payment submitted. Redirecting…');
    const redirect = assign.mock.calls[0]![0] as string;
    expect(redirect.startsWith('https://shop.test/return?order=o-1&purse-redirection-data=')).toBe(true);
    const jwks = keySetOf(await signingJwks(purse));
    const { payload } = await jwtVerify(tokenOf(redirect), createLocalJWKSet(jwks), { currentDate: new Date(START) });
    expect(payload).toMatchObject({ client_session_id: session.id, authorization_status: 'AUTHORIZED', client_session_status: 'SUBMITTED' });
    expect(purse.control.sessions()[0]).toMatchObject({ status: 'SUBMITTED', payment_id: payload.payment_id });
    checkout.unmount();
    await settle();
    expect(element.childElementCount).toBe(0);
  });

  it('hides its pay button on request and pays through submitPayment(); an incomplete form is an error event', async () => {
    const { api, runScript, container, assign } = setupScripts();
    const session = await api.createSession({ amount: 4299, currency: 'JPY' });
    await runScript(session);
    const events: PurseDropinCheckoutEvent[] = [];
    const checkout = await purseGlobal().createDropinCheckout({ session: session.widget!.data, hidePayButton: true, locale: 'fr-FR', eventListener: (e) => events.push(e) });
    const element = container();
    await checkout.mount(element);
    const view = within(element);
    expect(view.queryByRole('button')).toBeNull();
    expect(view.getByRole('list', { name: 'Moyens de paiement pour cette commande' })).toBeTruthy();
    await checkout.submitPayment();
    expect(events.at(-1)).toEqual({ type: 'error', message: 'Complete the payment form.', code: 'PAYMENT_NOT_FULFILLED' });
    const number = view.getByLabelText('Numéro de carte');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(number);
    expect(document.getElementById(number.getAttribute('aria-describedby')!.split(' ')[1]!)!.textContent).toBe('Saisissez un numéro de carte valide.');
    const user = userEvent.setup();
    await user.type(number, '4000000000000002');
    await user.type(view.getByLabelText('Date d’expiration (MM/AA)'), '1230');
    await user.type(view.getByLabelText('Cryptogramme (CVC)'), '999');
    await checkout.submitPayment();
    expect(assign).toHaveBeenCalledTimes(1);
    const claims = JSON.parse(atob(tokenOf(assign.mock.calls[0]![0] as string).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims.authorization_status).toBe('REFUSED');
    checkout.unmount();
  });

  it('shows the mock’s refusal of an unknown card next to the field', async () => {
    const { api, runScript, container, assign } = setupScripts();
    const session = await api.createSession();
    await runScript(session);
    const checkout = await purseGlobal().createDropinCheckout({ session: session.widget!.data });
    const element = container();
    await checkout.mount(element);
    const states: string[] = [];
    checkout.sessionState.subscribe((s) => void states.push(s));
    await fillCard(element, '4242 4242 4242 4242');
    await checkout.submitPayment();
    const number = within(element).getByLabelText('Card number');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${number.id}-error`)!.textContent).toContain('This test mode accepts only the test cards listed above.');
    expect(states).toEqual(['ready', 'submitting', 'ready']);
    expect(assign).not.toHaveBeenCalled();
    checkout.unmount();
  });

  it('on expiry reports expired, asks hooks.onRefreshSession for a new session and mounts it in place', async () => {
    const { api, runScript, container, assign, purse } = setupScripts();
    const first = await api.createSession();
    await runScript(first);
    let second: Awaited<ReturnType<typeof api.createSession>> | undefined;
    const onRefreshSession = vi.fn(async () => (second = await api.createSession()).widget!.data);
    const checkout = await purseGlobal().createDropinCheckout({ session: first.widget!.data, hooks: { onRefreshSession } });
    const states: string[] = [];
    checkout.sessionState.subscribe((s) => void states.push(s));
    const element = container();
    await checkout.mount(element);
    await fillCard(element);
    purse.control.expireSession(first.id);
    await checkout.submitPayment();
    expect(states).toContain('expired');
    await reached(checkout, 'ready');
    expect(onRefreshSession).toHaveBeenCalledTimes(1);
    const number = within(element).getByLabelText('Card number');
    expect(number.id).toContain(second!.id);
    await fillCard(element);
    await checkout.submitPayment();
    expect(assign).toHaveBeenCalledTimes(1);
    expect(purse.control.sessions().map((s) => s.status)).toEqual(['CREATED', 'SUBMITTED']);
    checkout.unmount();
  });

  it('mounts an already expired session as expired (no hook: a notice), and rejects an unknown session', async () => {
    const { api, runScript, container, purse } = setupScripts();
    const session = await api.createSession();
    purse.control.expireSession(session.id);
    await runScript(session);
    const checkout = await purseGlobal().createDropinCheckout({ session: session.widget!.data });
    const element = container();
    await checkout.mount(element);
    expect(checkout.sessionState.subscribe(() => {})).toBeTypeOf('function');
    expect(within(element).getByRole('status').textContent).toBe('This payment session has expired.');
    expect(within(element).queryByLabelText('Card number')).toBeNull();

    const unknown = await purseGlobal().createDropinCheckout({ session: 'not-a-session' });
    await expect(unknown.mount(container('other'))).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    await expect(purseGlobal().createDropinCheckout({ session: '' })).rejects.toThrow(TypeError);
  });

  it('drives through the kit’s own Drop-in Checkout driver; two instances on one page share no id', async () => {
    const { api, runScript, container, assign } = setupScripts();
    const session = await api.createSession();
    await runScript(session);
    const driver = createDriver(window as DropinWindow, new URL(session.widget!.js_url))!;
    expect(driver.generation).toBe('dropin-checkout');
    const events: DropinEvent[] = [];
    const first = container('a');
    const second = container('b');
    const mounted = await driver.mount({ element: first, widgetData: session.widget!.data, onEvent: (e) => events.push(e) });
    const other = await driver.mount({ element: second, widgetData: session.widget!.data, onEvent: () => {} });
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(events).toContainEqual({ type: 'ready' });
    await fillCard(first);
    expect(events).toContainEqual({ type: 'fulfilled', isFulfilled: true });
    await mounted.submit();
    expect(events).toContainEqual({ type: 'submitting' });
    expect(assign).toHaveBeenCalledTimes(1);
    other.unmount();
    mounted.unmount();
    expect(second.childElementCount).toBe(0);
  });
});
