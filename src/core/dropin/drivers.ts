// One driver interface over both drop-in generations. Each mount owns its listeners: unmount (or a failed or aborted
// mount) removes them and tears the drop-in down, and any event arriving later is dropped.
import { PurseKitFailure } from '../errors.ts';
import type {
  DropinDriver,
  DropinEvent,
  DropinGeneration,
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
  const purse = win.Purse?.createDropinCheckout && win.Purse;
  const ups = win.UpStreamPay?.WidgetManager?.buildForWidgetData && win.UpStreamPay;
  // Both generations on one page: the script's path says which one this URL is.
  if (purse && (!ups || url.pathname.includes('dropin-checkout'))) return driver('dropin-checkout', url, dropinCheckout(purse));
  return ups ? driver('widget-v3', url, widgetV3(ups)) : undefined;
}

/** What a generation's mount gets: events out, cleanups in, and a check that throws once the caller gave up. */
interface Mounting {
  emit(event: DropinEvent): void;
  onStop(cleanup: () => void): void;
  check(): void;
  stop(): void;
}

type Mount = (o: DropinMountOptions, m: Mounting) => Promise<MountedDropin>;

/** Runs each mount with its own listener book-keeping; a failure tears down what was set up and rejects typed. */
const driver = (generation: DropinGeneration, url: URL, run: Mount): DropinDriver => ({
  generation,
  async mount(o) {
    let active = true;
    let readySent = false;
    const cleanups: (() => void)[] = [];
    const m: Mounting = {
      emit(event) {
        if (!active || (event.type === 'ready' && readySent)) return;
        // A submission that did not leave the page (refused card) ends with the drop-in ready again: report that once.
        readySent = event.type === 'ready' || (readySent && event.type !== 'submitting');
        o.onEvent(event);
      },
      onStop: (cleanup) => void cleanups.push(cleanup),
      check() {
        o.signal?.throwIfAborted();
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
      return await run(o, m);
    } catch (error) {
      m.stop();
      if (o.signal?.aborted || error instanceof PurseKitFailure) throw error;
      const message = `Purse's drop-in failed to start: ${(error as Error | undefined)?.message ?? String(error)}`;
      throw new PurseKitFailure({ kind: 'script_load', message, url: url.href });
    }
  },
});

function listen<T>(m: Mounting, value: PurseSubscribable<T>, callback: (value: T) => void): void {
  const handle = value.subscribe(callback);
  m.onStop(() => (typeof handle === 'function' ? handle() : handle?.unsubscribe()));
}

const dropinCheckout =
  (purse: PurseGlobal): Mount =>
  async (o, m) => {
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
    listen(m, instance.isPaymentFulfilled, (isFulfilled) => m.emit({ type: 'fulfilled', isFulfilled }));
    listen(m, instance.sessionState, (state) => {
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
  };

function fromWidgetEvent({ code, payload }: UpStreamPayEvent): DropinEvent | undefined {
  if (code === 'CHECKOUT_PAYMENT_FULFILLED_CHANGES') return { type: 'fulfilled', isFulfilled: payload?.isFulfilled === true };
  if (code === 'CHECKOUT_SESSION_EXPIRED') return { type: 'expired' };
  if (code === 'CHECKOUT_API_INIT_FAILED') return { type: 'error', message: payload?.message ?? 'The payment form could not start.', code };
  return undefined;
}

/** Widget v3 mounts by element id: a container without one gets a unique id. */
const idOf = (element: HTMLElement) => (element.id ||= `purse-dropin-${++idSeq}`);

const widgetV3 =
  (ups: UpStreamPayGlobal): Mount =>
  async (o, m) => {
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
    const mountWidget = async (element: HTMLElement, kind: 'PAYMENT' | 'PAY_BUTTON') => {
      m.check();
      const widget = await manager.createWidget({ interface: kind, ui: {} });
      m.onStop(() => widget.unmount?.());
      m.check();
      await widget.mount(idOf(element));
    };
    await mountWidget(o.element, 'PAYMENT');
    // The pay button is a widget of its own, in a slot of ours after the form; without it the merchant pays through
    // submit().
    if (o.hidePayButton !== true) {
      const slot = document.createElement('div');
      o.element.append(slot);
      m.onStop(() => slot.remove());
      await mountWidget(slot, 'PAY_BUTTON');
    }
    m.check();
    m.emit({ type: 'ready' });
    return {
      async submit() {
        m.emit({ type: 'submitting' });
        await manager.submitPayment();
      },
      unmount: m.stop,
    };
  };
