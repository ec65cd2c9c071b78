// The one drop-in of a checkout: mounts it in the container, turns its events into checkout state, submits, and
// unmounts it. A mount replaced or closed is silenced at once (its late events and results are dropped).
import type { DropinDriver, DropinEvent, DropinTheme, MountedDropin } from '../../core/dropin/types.ts';
import { isPurseKitFailure, type PurseKitError } from '../../core/errors.ts';
import { toKitError } from '../shared/errors.ts';
import { dropinError, type CheckoutState } from './state.ts';

export interface DropinSlotHost {
  getState(): CheckoutState;
  update(patch: Partial<CheckoutState>): void;
  /** Events and results count only while the checkout is attached. */
  isAttached(): boolean;
  /** The drop-in reported that the session expired. */
  onExpired(): void;
  /** Drop-in Checkout's `hooks.onRefreshSession`. */
  refreshSession(): Promise<string>;
  /** An error the drop-in reported without failing (it shows it itself). */
  onDropinError(error: PurseKitError): void;
}

export interface MountOptions {
  driver: DropinDriver;
  element: HTMLElement;
  widgetData: string;
  locale?: string;
  theme?: DropinTheme;
  hidePayButton?: boolean;
}

interface Mount {
  element: HTMLElement;
  abort: AbortController;
  url: string;
  dropin?: MountedDropin;
}

export class DropinSlot {
  private mount: Mount | undefined;

  constructor(private readonly host: DropinSlotHost) {}

  /** The container of the current (or mounting) drop-in. */
  get element(): HTMLElement | undefined {
    return this.mount?.element;
  }

  open({ driver, element, widgetData, locale, theme, hidePayButton }: MountOptions, url: string): void {
    const mount: Mount = { element, abort: new AbortController(), url };
    this.mount = mount;
    this.host.update({ status: 'loading', step: 'mount', error: undefined });
    driver
      .mount({
        element,
        widgetData,
        locale,
        theme,
        hidePayButton,
        onEvent: (event) => {
          if (this.mount === mount && this.host.isAttached()) this.onEvent(mount, event);
        },
        onRefreshSession: () => this.host.refreshSession(),
        signal: mount.abort.signal,
      })
      .then(
        (dropin) => {
          if (this.mount !== mount) return dropin.unmount();
          mount.dropin = dropin;
          this.host.update({ status: 'ready' });
        },
        (thrown: unknown) => {
          if (this.mount !== mount) return;
          this.mount = undefined;
          this.host.update({ status: 'failed', step: 'mount', error: toKitError(thrown) });
        },
      );
  }

  /** Removes the drop-in (or stops its mount). Safe to call when there is none. */
  close(): void {
    const mount = this.mount;
    if (!mount) return;
    this.mount = undefined;
    mount.abort.abort();
    mount.dropin?.unmount();
  }

  /** Submits through the drop-in. Ignored unless `ready`. */
  async submit(): Promise<void> {
    const mount = this.mount;
    if (!mount?.dropin || this.host.getState().status !== 'ready') return;
    this.host.update({ status: 'submitting', error: undefined });
    try {
      await mount.dropin.submit();
      // Purse normally navigates away now; if it did not (e.g. a refused card shown in the drop-in), the form is back.
      if (this.mount === mount && this.host.getState().status === 'submitting') this.host.update({ status: 'ready' });
    } catch (thrown) {
      if (this.mount !== mount) return;
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      // Keep the drop-in's code when its rejection carries one (the shape is not documented: only a string counts).
      const code = (thrown as { code?: unknown } | null)?.code;
      const error = dropinError(message, typeof code === 'string' ? code : undefined);
      this.host.update({ status: 'ready', error: isPurseKitFailure(thrown) ? thrown.error : error });
    }
  }

  private onEvent(mount: Mount, event: DropinEvent): void {
    const { status } = this.host.getState();
    switch (event.type) {
      case 'fulfilled':
        this.host.update({ isFulfilled: event.isFulfilled });
        return;
      case 'submitting':
        if (status === 'ready') this.host.update({ status: 'submitting', error: undefined });
        return;
      case 'ready':
        if (status === 'submitting') this.host.update({ status: 'ready' });
        return;
      case 'expired':
        this.host.onExpired();
        return;
      case 'error':
        if (!mount.dropin || event.code === 'CHECKOUT_API_INIT_FAILED') {
          // The drop-in could not start: nothing the shopper can use is on screen.
          this.close();
          const message = `Purse's drop-in failed to start: ${event.message}`;
          this.host.update({ status: 'failed', step: 'mount', error: { kind: 'script_load', message, url: mount.url } });
          return;
        }
        // The drop-in shows its own payment errors; tell the merchant, and end a submission it ended.
        if (status === 'submitting') this.host.update({ status: 'ready' });
        this.host.onDropinError(dropinError(event.message, event.code));
    }
  }
}
