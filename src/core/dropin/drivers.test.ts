// Both drivers against fakes of Purse's two scripts (the edge), shaped as Purse documents them. The page already has
// the script and its global, so loadDropin resolves at once with the driver for that global.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isPurseKitFailure } from '../errors.ts';
import { __resetDropinCache, loadDropin } from './index.ts';
import type {
  DropinEvent,
  DropinSessionState,
  PurseDropinCheckout,
  PurseDropinCheckoutOptions,
  PurseGlobal,
  PurseSubscribable,
  UpStreamPayEvent,
  UpStreamPayGlobal,
  UpStreamPaySubscription,
  UpStreamPayWidget,
} from './types.ts';

const CHECKOUT_URL = 'https://cdn.purse-secure.com/dropin-checkout/stable/purse.js';
const WIDGET_URL = 'https://cdn.purse-secure.com/dropin/v3-stable/purse.js';
const globals = window as unknown as Record<string, unknown>;

class FakeValue<T> implements PurseSubscribable<T> {
  readonly callbacks = new Set<(value: T) => void>();
  constructor(private readonly style: 'function' | 'object' = 'function') {}
  subscribe(callback: (value: T) => void) {
    this.callbacks.add(callback);
    const off = () => void this.callbacks.delete(callback);
    return this.style === 'function' ? off : { unsubscribe: off };
  }
  set(value: T) {
    for (const callback of this.callbacks) callback(value);
  }
}

/** A fake of window.Purse (Drop-in Checkout). */
function fakePurse(options: { failCreate?: Error } = {}) {
  const created: { options: PurseDropinCheckoutOptions; instance: PurseDropinCheckout & Record<string, unknown> }[] = [];
  const purse: PurseGlobal = {
    async createDropinCheckout(opts) {
      if (options.failCreate) throw options.failCreate;
      let mountedIn: HTMLElement | undefined;
      const instance = {
        isPaymentFulfilled: new FakeValue<boolean>('function'),
        sessionState: new FakeValue<DropinSessionState>('object'),
        mount: vi.fn(async (element: HTMLElement) => {
          mountedIn = element;
          element.textContent = 'Purse drop-in';
        }),
        unmount: vi.fn(() => {
          if (mountedIn) mountedIn.textContent = '';
        }),
        setSession: vi.fn(async () => {}),
        submitPayment: vi.fn(async () => {}),
      };
      created.push({ options: opts, instance });
      return instance;
    },
  };
  globals.Purse = purse;
  return created;
}

type FakeWidget = UpStreamPayWidget & { kind: 'PAYMENT' | 'PAY_BUTTON'; mountedId?: string; unmount: () => void };

/** A fake of window.UpStreamPay (Widget v3): the PAYMENT widget is the form, PAY_BUTTON the pay button. */
function fakeUpStreamPay(options: { asyncCreateWidget?: boolean } = {}) {
  const state = {
    widgetData: [] as string[],
    subscriptions: [] as UpStreamPaySubscription[],
    createWidget: vi.fn(),
    widgets: [] as FakeWidget[],
    submitPayment: vi.fn(async () => {}),
    fire(event: UpStreamPayEvent) {
      for (const s of state.subscriptions) s.listener(event);
    },
  };
  const ups: UpStreamPayGlobal = {
    WidgetManager: {
      async buildForWidgetData(widgetData, subscriptions) {
        state.widgetData.push(widgetData);
        state.subscriptions.push(...subscriptions);
        return {
          createWidget(opts) {
            state.createWidget(opts);
            const widget: FakeWidget = {
              kind: opts.interface,
              mountedId: undefined,
              mount(id: string) {
                const element = document.getElementById(id);
                if (!element) throw new Error(`no element #${id}`);
                widget.mountedId = id;
                element.textContent = opts.interface === 'PAYMENT' ? 'UpStreamPay form' : 'UpStreamPay pay button';
              },
              unmount: vi.fn(() => {
                if (widget.mountedId) document.getElementById(widget.mountedId)!.textContent = '';
              }),
            };
            state.widgets.push(widget);
            return options.asyncCreateWidget ? Promise.resolve(widget) : widget;
          },
          submitPayment: state.submitPayment,
        };
      },
    },
  };
  globals.UpStreamPay = ups;
  return state;
}

async function driverFor(url: string) {
  const script = document.createElement('script');
  script.src = url;
  document.head.appendChild(script);
  return loadDropin(url);
}

function container(id = '') {
  const element = document.createElement('div');
  if (id) element.id = id;
  document.body.appendChild(element);
  return element;
}

beforeAll(() => {
  // happy-dom does not run scripts here: report the page's own tag as loaded instead of failed.
  (window as unknown as { happyDOM: { settings: Record<string, unknown> } }).happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
});

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  delete globals.Purse;
  delete globals.UpStreamPay;
  __resetDropinCache();
});

describe('Drop-in Checkout (window.Purse)', () => {
  it('creates the drop-in with what was given, mounts it in the element and reports ready once', async () => {
    const created = fakePurse();
    const driver = await driverFor(CHECKOUT_URL);
    expect(driver.generation).toBe('dropin-checkout');
    const events: DropinEvent[] = [];
    const onRefreshSession = async () => 'refreshed-data';
    const element = container();
    await driver.mount({
      element,
      widgetData: 'w9R5pLx2',
      locale: 'fr-FR',
      theme: { accentColor: '#123456' },
      hidePayButton: true,
      onRefreshSession,
      onEvent: (e) => events.push(e),
    });

    const [{ options, instance }] = created as [(typeof created)[number]];
    expect(options).toMatchObject({ session: 'w9R5pLx2', locale: 'fr-FR', theme: { accentColor: '#123456' }, hidePayButton: true });
    await expect(options.hooks?.onRefreshSession?.()).resolves.toBe('refreshed-data');
    expect(instance.mount).toHaveBeenCalledWith(element);
    expect(element).toHaveTextContent('Purse drop-in');

    options.eventListener?.({ type: 'ready' });
    (instance.sessionState as FakeValue<DropinSessionState>).set('ready');
    expect(events).toEqual([{ type: 'ready' }]);
  });

  it('leaves out the options that were not given', async () => {
    const created = fakePurse();
    const driver = await driverFor(CHECKOUT_URL);
    await driver.mount({ element: container(), widgetData: 'data', onEvent: () => {} });
    expect(Object.keys(created[0]!.options).sort()).toEqual(['eventListener', 'session']);
  });

  it('normalizes fulfilment, session states and errors, submits, and replaces the session', async () => {
    const created = fakePurse();
    const driver = await driverFor(CHECKOUT_URL);
    const events: DropinEvent[] = [];
    const mounted = await driver.mount({ element: container(), widgetData: 'data', onEvent: (e) => events.push(e) });
    const { options, instance } = created[0]!;
    events.length = 0;

    (instance.isPaymentFulfilled as FakeValue<boolean>).set(true);
    (instance.isPaymentFulfilled as FakeValue<boolean>).set(false);
    const state = instance.sessionState as FakeValue<DropinSessionState>;
    state.set('submitting');
    state.set('submitted');
    state.set('expired');
    options.eventListener?.({ type: 'error', message: 'Card declined', code: 'REFUSED' });
    expect(events).toEqual([
      { type: 'fulfilled', isFulfilled: true },
      { type: 'fulfilled', isFulfilled: false },
      { type: 'submitting' },
      { type: 'expired' },
      { type: 'error', message: 'Card declined', code: 'REFUSED' },
    ]);

    await mounted.submit();
    expect(instance.submitPayment).toHaveBeenCalledTimes(1);
    await mounted.setSession?.('new-data');
    expect(instance.setSession).toHaveBeenCalledWith('new-data');
  });

  it('unmounts the drop-in and removes every listener; later events are dropped', async () => {
    const created = fakePurse();
    const driver = await driverFor(CHECKOUT_URL);
    const onEvent = vi.fn();
    const element = container();
    const mounted = await driver.mount({ element, widgetData: 'data', onEvent });
    const { options, instance } = created[0]!;
    const fulfilled = instance.isPaymentFulfilled as FakeValue<boolean>;
    const state = instance.sessionState as FakeValue<DropinSessionState>;
    expect(fulfilled.callbacks.size).toBe(1);
    expect(state.callbacks.size).toBe(1);
    onEvent.mockClear();

    mounted.unmount();
    mounted.unmount();
    expect(instance.unmount).toHaveBeenCalledTimes(1);
    expect(element).toBeEmptyDOMElement();
    expect(fulfilled.callbacks.size).toBe(0);
    expect(state.callbacks.size).toBe(0);
    options.eventListener?.({ type: 'error', message: 'late' });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('rejects a drop-in that fails to start as script_load, with the reason', async () => {
    fakePurse({ failCreate: new Error('invalid session') });
    const driver = await driverFor(CHECKOUT_URL);
    const error = await driver.mount({ element: container(), widgetData: 'bad', onEvent: () => {} }).catch((e: unknown) => e);
    expect(isPurseKitFailure(error) && error.error).toMatchObject({ kind: 'script_load', url: CHECKOUT_URL });
    expect(isPurseKitFailure(error) && error.error.message).toContain('invalid session');
  });

  it('tears down a mount aborted half-way (StrictMode, unmounted component) and rejects with the abort reason', async () => {
    const created = fakePurse();
    const driver = await driverFor(CHECKOUT_URL);
    const controller = new AbortController();
    // Half-way: the drop-in is created, not yet mounted (the mount's own code may still be downloading when mount() is
    // called, so the abort waits for the creation rather than for mount() to return).
    const purse = globals.Purse as PurseGlobal;
    const create = purse.createDropinCheckout.bind(purse);
    purse.createDropinCheckout = async (opts) => {
      const instance = await create(opts);
      controller.abort();
      return instance;
    };
    const onEvent = vi.fn();
    const mounting = driver.mount({ element: container(), widgetData: 'data', onEvent, signal: controller.signal });
    await expect(mounting).rejects.toMatchObject({ name: 'AbortError' });
    const { instance } = created[0]!;
    expect(instance.unmount).toHaveBeenCalledTimes(1);
    expect((instance.isPaymentFulfilled as FakeValue<boolean>).callbacks.size).toBe(0);
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('creates nothing when the mount is aborted while its own code is still on the way', async () => {
    const created = fakePurse();
    const driver = await driverFor(CHECKOUT_URL);
    const controller = new AbortController();
    const onEvent = vi.fn();
    const element = container();
    // mount() asks for its code (a chunk, import()) first: the abort comes before it is there.
    const mounting = driver.mount({ element, widgetData: 'data', onEvent, signal: controller.signal });
    controller.abort();
    await expect(mounting).rejects.toMatchObject({ name: 'AbortError' });
    expect(created).toHaveLength(0);
    expect(element).toBeEmptyDOMElement();
    expect(onEvent).not.toHaveBeenCalled();
  });
});

describe('Widget v3 (window.UpStreamPay)', () => {
  it('builds the manager, mounts the PAYMENT widget by element id, then a PAY_BUTTON widget in a slot after it', async () => {
    const fake = fakeUpStreamPay();
    const driver = await driverFor(WIDGET_URL);
    expect(driver.generation).toBe('widget-v3');
    const events: DropinEvent[] = [];
    const element = container('checkout-here');
    await driver.mount({ element, widgetData: 'w9R5pLx2', onEvent: (e) => events.push(e) });

    expect(fake.widgetData).toEqual(['w9R5pLx2']);
    expect(fake.subscriptions).toEqual([{ scopes: ['*'], listener: expect.any(Function) }]);
    expect(fake.createWidget.mock.calls.map(([opts]) => (opts as { interface: string }).interface)).toEqual(['PAYMENT', 'PAY_BUTTON']);
    const [payment, button] = fake.widgets as [FakeWidget, FakeWidget];
    expect(payment.mountedId).toBe('checkout-here');
    const slot = element.lastElementChild!;
    expect(slot.id).not.toBe('');
    expect(button.mountedId).toBe(slot.id);
    expect(element).toHaveTextContent(/^UpStreamPay formUpStreamPay pay button$/);
    expect(events).toEqual([{ type: 'ready' }]);
  });

  it('creates no PAY_BUTTON widget with hidePayButton: the merchant pays through submit()', async () => {
    const fake = fakeUpStreamPay();
    const driver = await driverFor(WIDGET_URL);
    const element = container();
    const mounted = await driver.mount({ element, widgetData: 'data', hidePayButton: true, onEvent: () => {} });
    expect(fake.widgets.map((w) => w.kind)).toEqual(['PAYMENT']);
    expect(element.children).toHaveLength(0);
    expect(element).toHaveTextContent(/^UpStreamPay form$/);
    await mounted.submit();
    expect(fake.submitPayment).toHaveBeenCalledTimes(1);
  });

  it('gives an element without id a unique one to mount by', async () => {
    const fake = fakeUpStreamPay({ asyncCreateWidget: true });
    const driver = await driverFor(WIDGET_URL);
    const first = container();
    const second = container();
    await driver.mount({ element: first, widgetData: 'a', onEvent: () => {} });
    await driver.mount({ element: second, widgetData: 'b', onEvent: () => {} });
    expect(first.id).not.toBe('');
    expect(second.id).not.toBe(first.id);
    const ids = fake.widgets.map((w) => w.mountedId);
    expect(ids).toEqual([first.id, first.lastElementChild!.id, second.id, second.lastElementChild!.id]);
    expect(new Set(ids).size).toBe(4);
    expect(second).toHaveTextContent('UpStreamPay pay button');
  });

  it('normalizes events by code, and submit reports submitting then submits', async () => {
    const fake = fakeUpStreamPay();
    const driver = await driverFor(WIDGET_URL);
    const events: DropinEvent[] = [];
    const mounted = await driver.mount({ element: container(), widgetData: 'data', onEvent: (e) => events.push(e) });
    events.length = 0;

    fake.fire({ code: 'CHECKOUT_PAYMENT_FULFILLED_CHANGES', payload: { isFulfilled: true } });
    fake.fire({ code: 'CHECKOUT_SESSION_SET' });
    fake.fire({ code: 'CHECKOUT_PAYMENT_FULFILLED_CHANGES', payload: { isFulfilled: false } });
    fake.fire({ code: 'CHECKOUT_SESSION_EXPIRED' });
    fake.fire({ code: 'CHECKOUT_API_INIT_FAILED' });
    await mounted.submit();
    expect(events).toEqual([
      { type: 'fulfilled', isFulfilled: true },
      { type: 'fulfilled', isFulfilled: false },
      { type: 'expired' },
      { type: 'error', message: expect.any(String), code: 'CHECKOUT_API_INIT_FAILED' },
      { type: 'submitting' },
    ]);
    expect(fake.submitPayment).toHaveBeenCalledTimes(1);
    expect(mounted.setSession).toBeUndefined();
  });

  it('unmounts both widgets, removes the pay button slot and silences the listener', async () => {
    const fake = fakeUpStreamPay();
    const driver = await driverFor(WIDGET_URL);
    const onEvent = vi.fn();
    const element = container('pay');
    const mounted = await driver.mount({ element, widgetData: 'data', onEvent });
    const slotId = element.lastElementChild!.id;
    onEvent.mockClear();
    mounted.unmount();
    mounted.unmount();
    expect(fake.widgets.map((w) => vi.mocked(w.unmount).mock.calls.length)).toEqual([1, 1]);
    expect(document.getElementById(slotId)).toBeNull();
    expect(element).toBeEmptyDOMElement();
    fake.fire({ code: 'CHECKOUT_SESSION_EXPIRED' });
    expect(onEvent).not.toHaveBeenCalled();
  });
});

describe('choosing the generation', () => {
  it('follows the script path when both globals are on the page', async () => {
    fakePurse();
    fakeUpStreamPay();
    expect((await driverFor(CHECKOUT_URL)).generation).toBe('dropin-checkout');
    expect((await driverFor(WIDGET_URL)).generation).toBe('widget-v3');
  });
});
