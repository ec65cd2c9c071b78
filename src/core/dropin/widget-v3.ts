// The Widget v3 (window.UpStreamPay) half of the driver: downloaded by drivers.ts only when the page's drop-in script
// is that older generation, so a Drop-in Checkout page does not pay for it. mount.ts owns the listener book-keeping.
import type { DropinEvent, DropinMountOptions, PurseUnsubscribe, UpStreamPayEvent, UpStreamPayGlobal } from './types.ts';

let idSeq = 0;

function fromWidgetEvent({ code, payload }: UpStreamPayEvent): DropinEvent | undefined {
  if (code === 'CHECKOUT_PAYMENT_FULFILLED_CHANGES') return { type: 'fulfilled', isFulfilled: payload?.isFulfilled === true };
  if (code === 'CHECKOUT_SESSION_EXPIRED') return { type: 'expired' };
  if (code === 'CHECKOUT_API_INIT_FAILED') return { type: 'error', message: payload?.message ?? 'The payment form could not start.', code };
  return undefined;
}

/** Widget v3 mounts by element id: a container without one gets a unique id. */
const idOf = (element: HTMLElement) => (element.id ||= `purse-dropin-${++idSeq}`);

/** Mounts Widget v3 (see mount.ts, `Mount`): `cleanups` run last first on unmount or failure, `check` throws once aborted. */
export const widgetV3 = async (
  { UpStreamPay: ups }: { UpStreamPay?: UpStreamPayGlobal },
  o: DropinMountOptions, emit: (event: DropinEvent) => void, cleanups: PurseUnsubscribe[], check: () => void) => {
    // Widget v3 cannot remove a listener: emit() drops what arrives after unmount.
    const manager = await ups!.WidgetManager.buildForWidgetData(o.widgetData, [
      {
        scopes: ['*'],
        listener(event) {
          const normalized = fromWidgetEvent(event);
          if (normalized) emit(normalized);
        },
      },
    ]);
    const mountWidget = async (element: HTMLElement, kind: 'PAYMENT' | 'PAY_BUTTON') => {
      check();
      const widget = await manager.createWidget({ interface: kind, ui: {} });
      cleanups.push(() => widget.unmount?.());
      check();
      await widget.mount(idOf(element));
    };
    await mountWidget(o.element, 'PAYMENT');
    // The pay button is a widget of its own, in a slot of ours after the form; without it the merchant pays through
    // submit().
    if (o.hidePayButton !== true) {
      const slot = document.createElement('div');
      o.element.append(slot);
      cleanups.push(() => slot.remove());
      await mountWidget(slot, 'PAY_BUTTON');
    }
    return {
      async submit() {
        emit({ type: 'submitting' });
        await manager.submitPayment();
      },
    };
  };
