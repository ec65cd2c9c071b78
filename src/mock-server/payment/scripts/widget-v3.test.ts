import { within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createDriver } from '../../../core/dropin/drivers.ts';
import type { DropinEvent, DropinWindow, UpStreamPayEvent, UpStreamPayGlobal } from '../../../core/dropin/types.ts';
import { ORIGIN } from '../test-support.ts';
import { cleanupScripts, setupScripts } from './script-test-support.ts';

afterEach(cleanupScripts);

const ups = () => (window as unknown as { UpStreamPay: UpStreamPayGlobal }).UpStreamPay;

async function fillCard(container: HTMLElement, number = '4111 1111 1111 1111') {
  const user = userEvent.setup();
  const view = within(container);
  await user.type(view.getByLabelText('Card number'), number);
  await user.type(view.getByLabelText('Expiry date (MM/YY)'), '12/30');
  await user.type(view.getByLabelText('Security code (CVC)'), '123');
  return user;
}

describe('Widget v3 script (window.UpStreamPay)', () => {
  it('is served at the v3 paths and defines window.UpStreamPay.WidgetManager.buildForWidgetData', async () => {
    const { api, runScript, purse } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession();
    expect(session.widget!.js_url).toBe(`${ORIGIN}/dropin/v3-stable/purse.js`);
    expect((await purse.fetch(new Request(`${ORIGIN}/dropin/latest/purse.js`))).status).toBe(200);
    const text = await runScript(session);
    expect(text).toContain(`var API_BASE = "${ORIGIN}";`);
    expect(typeof ups().WidgetManager.buildForWidgetData).toBe('function');
    expect((window as DropinWindow).Purse).toBeUndefined();
  });

  it('emits session, fulfilment and submits through manager.submitPayment(), redirecting with the token', async () => {
    const { api, runScript, container, assign, purse } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession();
    await runScript(session);
    const all: UpStreamPayEvent[] = [];
    const onlySession: UpStreamPayEvent[] = [];
    const manager = await ups().WidgetManager.buildForWidgetData(session.widget!.data, [
      { listener: (e) => all.push(e), scopes: ['*'] },
      { listener: (e) => onlySession.push(e), scopes: ['CHECKOUT_SESSION_SET'] },
    ]);
    expect(all).toEqual([{ code: 'CHECKOUT_SESSION_SET', payload: { sessionId: session.id } }]);
    const widget = await manager.createWidget({ interface: 'PAYMENT', ui: {} });
    const element = container('pay-here');
    await widget.mount('pay-here');
    const view = within(element);
    expect(element.querySelector('[data-purse-mock="widget-v3"]')).not.toBeNull();
    expect(view.getAllByRole('listitem')).toHaveLength(4);
    // The form alone: Purse's pay button is the PAY_BUTTON widget.
    expect(view.queryByRole('button')).toBeNull();
    await expect(manager.submitPayment()).rejects.toMatchObject({ code: 'PAYMENT_NOT_FULFILLED' });
    await fillCard(element);
    expect(all.filter((e) => e.code === 'CHECKOUT_PAYMENT_FULFILLED_CHANGES').map((e) => e.payload!.isFulfilled)).toEqual([true]);
    await manager.submitPayment();
    expect(assign).toHaveBeenCalledTimes(1);
    expect(assign.mock.calls[0]![0]).toMatch(/^https:\/\/shop\.test\/return\?order=o-1&purse-redirection-data=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(onlySession.map((e) => e.code)).toEqual(['CHECKOUT_SESSION_SET']);
    expect(purse.control.payments()).toHaveLength(1);
    widget.unmount!();
    expect(element.childElementCount).toBe(0);
  });

  it('reports an unknown session with CHECKOUT_API_INIT_FAILED and a rejection; mount needs an existing id', async () => {
    const { api, runScript } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession();
    await runScript(session);
    const events: UpStreamPayEvent[] = [];
    await expect(ups().WidgetManager.buildForWidgetData('unknown', [{ listener: (e) => events.push(e), scopes: ['*'] }])).rejects.toMatchObject({
      code: 'SESSION_INVALID',
    });
    expect(events.map((e) => e.code)).toEqual(['CHECKOUT_API_INIT_FAILED']);
    const manager = await ups().WidgetManager.buildForWidgetData(session.widget!.data, []);
    await expect((await manager.createWidget({ interface: 'PAYMENT' })).mount('missing')).rejects.toThrow(/no element with id "missing"/);
  });

  it('emits CHECKOUT_SESSION_EXPIRED when paying an expired session', async () => {
    const { api, runScript, container, purse, assign } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession();
    await runScript(session);
    const events: UpStreamPayEvent[] = [];
    const manager = await ups().WidgetManager.buildForWidgetData(session.widget!.data, [{ listener: (e) => events.push(e), scopes: ['*'] }]);
    const element = container();
    const buttonSlot = container('pay-button');
    await (await manager.createWidget({ interface: 'PAYMENT' })).mount(element.id);
    await (await manager.createWidget({ interface: 'PAY_BUTTON' })).mount('pay-button');
    expect(within(buttonSlot).getByRole('button', { name: /^Pay / })).toBeVisible();
    await fillCard(element);
    purse.control.expireSession(session.id);
    await expect(manager.submitPayment()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(events.map((e) => e.code)).toContain('CHECKOUT_SESSION_EXPIRED');
    expect(within(element).getByRole('status').textContent).toBe('This payment session has expired.');
    // Nothing left to pay: the button goes away with the form.
    expect(within(buttonSlot).queryByRole('button')).toBeNull();
    expect(assign).not.toHaveBeenCalled();
  });

  it('renders a PAY_BUTTON widget that submits the PAYMENT widget’s form, like manager.submitPayment()', async () => {
    const { api, runScript, container, assign, purse } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession({ amount: 4299, currency: 'GBP' });
    await runScript(session);
    const events: UpStreamPayEvent[] = [];
    const manager = await ups().WidgetManager.buildForWidgetData(session.widget!.data, [{ listener: (e) => events.push(e), scopes: ['*'] }]);
    const form = container('form');
    const buttonSlot = container('button');
    await (await manager.createWidget({ interface: 'PAYMENT', ui: {} })).mount('form');
    expect(within(form).queryByRole('button')).toBeNull();
    const payButton = await manager.createWidget({ interface: 'PAY_BUTTON', ui: {} });
    await payButton.mount('button');
    const pay = within(buttonSlot).getByRole('button', { name: 'Pay £42.99' });

    // An incomplete form: nothing is sent, the form shows what is missing.
    const user = userEvent.setup();
    await user.click(pay);
    await expect.poll(() => events.map((e) => e.code)).toContain('CHECKOUT_PAYMENT_FAILED');
    expect(within(form).getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
    expect(purse.control.payments()).toHaveLength(0);

    await fillCard(form);
    await user.click(pay);
    expect(pay).toBeDisabled(); // while the payment is submitted
    await expect.poll(() => assign.mock.calls.length).toBe(1);
    expect(purse.control.payments()).toHaveLength(1);
    payButton.unmount!();
    expect(buttonSlot.childElementCount).toBe(0);
  });

  it('drives through the kit’s own Widget v3 driver', async () => {
    const { api, runScript, assign } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession();
    await runScript(session);
    const driver = createDriver(window as DropinWindow, new URL(session.widget!.js_url))!;
    expect(driver.generation).toBe('widget-v3');
    const events: DropinEvent[] = [];
    const element = document.createElement('div');
    document.body.append(element);
    const mounted = await driver.mount({ element, widgetData: session.widget!.data, onEvent: (e) => events.push(e) });
    expect(element.id).toMatch(/^purse-dropin-\d+$/);
    expect(events).toEqual([{ type: 'ready' }]);
    // The form first, then the PAY_BUTTON widget in the driver's own slot.
    const pay = within(element).getByRole('button', { name: /^Pay €/ });
    expect(element.lastElementChild!.id).toMatch(/^purse-dropin-\d+$/);
    expect(element.lastElementChild!.id).not.toBe(element.id);
    expect(element.lastElementChild!.contains(pay)).toBe(true);
    expect(element.firstElementChild!.contains(within(element).getByLabelText('Card number'))).toBe(true);
    const user = await fillCard(element);
    expect(events).toContainEqual({ type: 'fulfilled', isFulfilled: true });
    await user.click(pay);
    await expect.poll(() => assign.mock.calls.length).toBe(1);
    mounted.unmount();
    expect(element.childElementCount).toBe(0);
  });

  it('leaves the pay button out through the driver with hidePayButton: the merchant submits', async () => {
    const { api, runScript, assign } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession();
    await runScript(session);
    const driver = createDriver(window as DropinWindow, new URL(session.widget!.js_url))!;
    const element = document.createElement('div');
    document.body.append(element);
    const mounted = await driver.mount({ element, widgetData: session.widget!.data, hidePayButton: true, onEvent: () => {} });
    expect(within(element).queryByRole('button')).toBeNull();
    expect(element.childElementCount).toBe(1);
    await fillCard(element);
    await mounted.submit();
    expect(assign).toHaveBeenCalledTimes(1);
    mounted.unmount();
    expect(element.childElementCount).toBe(0);
  });
});
