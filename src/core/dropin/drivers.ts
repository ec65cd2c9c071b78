// One driver interface over both drop-in generations. Each mount owns its listeners: unmount (or a failed or aborted
// mount) removes them and tears the drop-in down, and any event arriving later is dropped.
import { PurseKitFailure } from '../errors.ts';
import type {
  DropinDriver,
  DropinEvent,
  DropinMountOptions,
  DropinWindow,
  MountedDropin,
  PurseGlobal,
  PurseSubscribable,
  UpStreamPayEvent,
  UpStreamPayGlobal,
} from './types.ts';

let idSeq = 0;

/** The driver for whichever global the script defined; undefined when neither is there (yet). */
export function createDriver(win: DropinWindow, url: URL): DropinDriver | undefined {
  const purse = win.Purse?.createDropinCheckout ? win.Purse : undefined;
  const ups = win.UpStreamPay?.WidgetManager?.buildForWidgetData ? win.UpStreamPay : undefined;
  // Both generations on one page: the script's path says which one this URL is.
  if (purse && (!ups || url.pathname.includes('dropin-checkout'))) return dropinCheckout(purse, url);
  return ups && widgetV3(ups, url);
}

interface Mounting {
  emit(event: DropinEvent): void;
  listen<T>(value: PurseSubscribable<T>, callback: (value: T) => void): void;
  onStop(cleanup: () => void): void;
  /** Throws the abort reason once the caller gave up on this mount. */
  check(): void;
  stop(): void;
}

/** Runs one mount with its own listener book-keeping; a failure tears down what was set up and rejects typed. */
async function mounting(o: DropinMountOptions, url: URL, run: (m: Mounting) => Promise<MountedDropin>): Promise<MountedDropin> {
  let active = true;
  let readySent = false;
  const cleanups: (() => void)[] = [];
  const m: Mounting = {
    emit(event) {
      if (!active || (event.type === 'ready' && readySent)) return;
      if (event.type === 'ready') readySent = true;
      // A submission that did not leave the page (refused card) ends with the drop-in ready again: report that once.
      if (event.type === 'submitting') readySent = false;
      o.onEvent(event);
    },
    listen(value, callback) {
      const handle = value.subscribe(callback);
      cleanups.push(() => (typeof handle === 'function' ? handle() : handle?.unsubscribe()));
    },
    onStop: (cleanup) => void cleanups.push(cleanup),
    check() {
      if (o.signal?.aborted) throw o.signal.reason;
    },
    stop() {
      if (!active) return;
      active = false;
      // Last set up, first torn down; one throwing cleanup must not keep the others from running.
      for (const cleanup of cleanups.reverse()) {
        try {
          cleanup();
        } catch {
          // the drop-in is going away anyway
        }
      }
    },
  };
  try {
    m.check();
    return await run(m);
  } catch (error) {
    m.stop();
    if (o.signal?.aborted || error instanceof PurseKitFailure) throw error;
    const reason = (error as Error | undefined)?.message ?? String(error);
    throw new PurseKitFailure({ kind: 'script_load', message: `Purse's drop-in failed to start: ${reason}`, url: url.href });
  }
}

const dropinCheckout = (purse: PurseGlobal, url: URL): DropinDriver => ({
  generation: 'dropin-checkout',
  mount: (o) =>
    mounting(o, url, async (m) => {
      const instance = await purse.createDropinCheckout({
        session: o.widgetData,
        // Only what was given: undefined must not override the script's own defaults.
        ...(o.locale && { locale: o.locale }),
        ...(o.theme && { theme: o.theme }),
        ...(o.hidePayButton !== undefined && { hidePayButton: o.hidePayButton }),
        ...(o.onRefreshSession && { hooks: { onRefreshSession: o.onRefreshSession } }),
        eventListener(event) {
          if (event.type === 'ready') m.emit(event);
          else if (event.type === 'error') m.emit({ type: 'error', message: event.message, code: event.code });
        },
      });
      m.onStop(() => instance.unmount());
      m.check();
      m.listen(instance.isPaymentFulfilled, (isFulfilled) => m.emit({ type: 'fulfilled', isFulfilled }));
      m.listen(instance.sessionState, (state) => {
        if (state === 'ready' || state === 'submitting' || state === 'expired') m.emit({ type: state });
      });
      await instance.mount(o.element);
      m.check();
      m.emit({ type: 'ready' });
      return {
        submit: () => instance.submitPayment(),
        unmount: m.stop,
        setSession: async (widgetData) => void (await instance.setSession(widgetData)),
      };
    }),
});

function fromWidgetEvent(event: UpStreamPayEvent): DropinEvent | undefined {
  switch (event.code) {
    case 'CHECKOUT_PAYMENT_FULFILLED_CHANGES':
      return { type: 'fulfilled', isFulfilled: event.payload?.isFulfilled === true };
    case 'CHECKOUT_SESSION_EXPIRED':
      return { type: 'expired' };
    case 'CHECKOUT_API_INIT_FAILED':
      return { type: 'error', message: event.payload?.message ?? 'The payment form could not start.', code: event.code };
  }
  return undefined;
}

const widgetV3 = (ups: UpStreamPayGlobal, url: URL): DropinDriver => ({
  generation: 'widget-v3',
  mount: (o) =>
    mounting(o, url, async (m) => {
      // Widget v3 cannot remove a listener: the active flag inside emit() silences it after unmount.
      const manager = await ups.WidgetManager.buildForWidgetData(o.widgetData, [
        {
          scopes: ['*'],
          listener(event) {
            const normalized = fromWidgetEvent(event);
            if (normalized) m.emit(normalized);
          },
        },
      ]);
      m.check();
      const payment = await manager.createWidget({ interface: 'PAYMENT', ui: {} });
      m.onStop(() => payment.unmount?.());
      m.check();
      // Widget v3 mounts by element id.
      if (!o.element.id) o.element.id = `purse-dropin-${++idSeq}`;
      await payment.mount(o.element.id);
      m.check();
      // The pay button is a widget of its own (PAY_BUTTON), in a slot of ours after the form; without it the
      // merchant pays through submit().
      if (o.hidePayButton !== true) {
        const slot = document.createElement('div');
        slot.id = `purse-dropin-${++idSeq}`;
        o.element.append(slot);
        m.onStop(() => slot.remove());
        const button = await manager.createWidget({ interface: 'PAY_BUTTON', ui: {} });
        m.onStop(() => button.unmount?.());
        m.check();
        await button.mount(slot.id);
        m.check();
      }
      m.emit({ type: 'ready' });
      return {
        async submit() {
          m.emit({ type: 'submitting' });
          await manager.submitPayment();
        },
        unmount: m.stop,
      };
    }),
});
