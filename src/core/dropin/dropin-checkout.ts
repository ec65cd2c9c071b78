// The Drop-in Checkout (window.Purse) half of the driver: downloaded apart by drivers.ts, from the moment its script is
// asked for (loadDropin), so a page pays for it only once a drop-in is on its way. drivers.ts owns the listener
// book-keeping.
import type { Mount } from './drivers.ts';
import type { PurseDropinCheckoutEvent, PurseDropinCheckoutOptions } from './types.ts';

/** Mounts Drop-in Checkout (see drivers.ts, `Mount`). */
export const dropinCheckout: Mount = async (win, o, emit, cleanups, check) => {
  const options: Record<string, unknown> = {
    session: o.widgetData,
    // Its `ready` and `error` events have the kit's own shape.
    eventListener(event: PurseDropinCheckoutEvent) {
      if (event.type === 'ready' || event.type === 'error') emit(event);
    },
  };
  // Only what was given: an undefined (or empty) option must not override the script's own default.
  for (const key of ['locale', 'theme', 'hidePayButton'] as const) {
    if ((o[key] ?? '') !== '') options[key] = o[key];
  }
  if (o.onRefreshSession) options.hooks = { onRefreshSession: o.onRefreshSession };
  const instance = await win.Purse!.createDropinCheckout(options as unknown as PurseDropinCheckoutOptions);
  cleanups.push(() => instance.unmount());
  check();
  cleanups.push(
    instance.isPaymentFulfilled.subscribe((isFulfilled) => emit({ type: 'fulfilled', isFulfilled })),
    instance.sessionState.subscribe((state) => {
      if (state === 'ready' || state === 'submitting' || state === 'expired') emit({ type: state });
    }),
  );
  await instance.mount(o.element);
  return {
    submit: () => instance.submitPayment(),
    setSession: async (widgetData) => instance.setSession(widgetData),
  };
};
