// One driver interface over both drop-in generations. Each mount owns its listeners: unmount (or a failed or aborted
// mount) removes them and tears the drop-in down, and any event arriving later is dropped. What mounts is downloaded
// apart: the book-keeping and Drop-in Checkout's mount (mount.ts) as soon as a script is asked for (loadDropin, or a
// checkout's session request), beside the script, so it is there when the script is; Widget v3's (widget-v3.ts) when
// the script defined window.UpStreamPay. A failed download fails the mount (script_load), and mounting again (the
// shopper's retry) downloads it again.
import { PurseKitFailure } from '../errors.ts';
import type { DropinDriver, DropinWindow } from './types.ts';

const widgetV3 = () => import('./widget-v3.ts');
const mount = () => import('./mount.ts');

/** Does nothing: observes a promise whose failure surfaces elsewhere, or stands in for a silenced listener. */
export const noop = () => {};

/** Starts downloading the mount (with the script, not after it); a failure surfaces (again) on mount. */
export const preloadMount = () => void mount().catch(noop);

/** A `script_load` failure of the script at `url`: `why` ends "Purse's drop-in script <url> …" (the URL alone in production). */
export const scriptLoadFailure = (url: URL, why: string) =>
  new PurseKitFailure({
    kind: 'script_load',
    message: `${process.env.NODE_ENV !== 'production' ? "Purse's drop-in script " : ''}${url.href} ${why}`,
    url: url.href,
  });

/**
 * The driver for whichever global the script defined; undefined when neither is there (yet) or there is no window.
 * Each mount runs with its own listener book-keeping (mount.ts); a failure tears down what was set up and rejects typed.
 */
export function createDriver(win: DropinWindow | null, url: URL): DropinDriver | undefined {
  const ups = win?.UpStreamPay?.WidgetManager?.buildForWidgetData;
  // Both generations on one page: the script's path says which one this URL is.
  const current = win?.Purse?.createDropinCheckout && (!ups || url.pathname.includes('dropin-checkout'));
  if (!current) {
    if (!ups) return undefined;
    // Downloaded now, while the session may still be on its way; a failure here surfaces (again) on mount.
    widgetV3().catch(noop);
  }
  return {
    generation: current ? 'dropin-checkout' : 'widget-v3',
    // The mount itself is downloaded apart (mount.ts); a failed download fails the mount like a drop-in that cannot start.
    mount: (o) =>
      mount()
        .then((chunk) => chunk.mountDropin(win!, !!current, o))
        .catch((error: unknown) => {
          if (o.signal?.aborted) throw error;
          throw scriptLoadFailure(url, `failed to start: ${error}`);
        }),
  };
}
