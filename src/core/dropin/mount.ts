// Mounting a drop-in, downloaded apart by drivers.ts as soon as a drop-in script is asked for (loadDropin, or a
// checkout's session request), so it is there when the script is: the listener book-keeping every mount runs with, and
// Drop-in Checkout's (window.Purse) own mount. Widget v3's is in widget-v3.ts, downloaded only for that generation.
import type {
  DropinEvent,
  DropinMountOptions,
  DropinWindow,
  MountedDropin,
  PurseDropinCheckoutEvent,
  PurseDropinCheckoutOptions,
  PurseUnsubscribe,
} from './types.ts';

/** A teardown step: a function, or what a drop-in's `subscribe` handed back. */
type Cleanup = PurseUnsubscribe;

/**
 * A generation's mount: events out through `emit`, teardown steps pushed on `cleanups` (run last first), `check`
 * throws once the caller gave up. Resolves once the drop-in is mounted; the driver then reports `ready`.
 */
type Mount = (
  win: DropinWindow,
  o: DropinMountOptions,
  emit: (event: DropinEvent) => void,
  cleanups: Cleanup[],
  check: () => void,
) => Promise<Omit<MountedDropin, 'unmount'>>;

/**
 * Mounts the drop-in of `win`'s generation (`current`: Drop-in Checkout, else Widget v3) with its own listeners; a
 * failure tears down what was set up and rejects with the cause (drivers.ts makes it a script_load failure).
 */
export async function mountDropin(win: DropinWindow, current: boolean, o: DropinMountOptions): Promise<MountedDropin> {
  let on = o.onEvent;
  let readySent = false;
  const cleanups: Cleanup[] = [];
  const check = () => o.signal?.throwIfAborted();
  const emit = (event: DropinEvent) => {
    if (event.type !== 'ready' || !readySent) on(event);
    // A submission that did not leave the page (refused card) ends with the drop-in ready again: report that once.
    readySent = event.type === 'ready' || (readySent && event.type !== 'submitting');
  };
  // Idempotent; events arriving later are dropped. Last set up, first torn down; one throwing cleanup must not
  // keep the others from running.
  const stop = () => {
    on = () => {};
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        if (typeof cleanup === 'function') cleanup();
        else cleanup?.unsubscribe();
      } catch {
        // the drop-in is going away anyway
      }
    }
  };
  try {
    check();
    const mounted = await (current ? dropinCheckout : (await import('./widget-v3.ts')).widgetV3)(win, o, emit, cleanups, check);
    check();
    emit({ type: 'ready' });
    return { ...mounted, unmount: stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Mounts Drop-in Checkout (see `Mount`). */
const dropinCheckout: Mount = async (win, o, emit, cleanups, check) => {
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
      if (state === 'ready' || state === 'submitting' || state === 'expired' || state === 'terminated') emit({ type: state });
    }),
  );
  await instance.mount(o.element);
  return {
    submit: () => instance.submitPayment(),
    setSession: async (widgetData) => instance.setSession(widgetData),
  };
};
