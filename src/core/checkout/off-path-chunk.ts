// The download of off-path.ts (renewal, submit from the merchant's own button, cancel), apart from the checkout's
// first render: asked for when first needed (or preloaded once the drop-in is ready); a failed download is tried again
// on the next use.
import type { PurseKitError } from '../errors.ts';
import type * as OffPathModule from './off-path.ts';

export type OffPath = typeof OffPathModule;

let offPathLoaded: OffPath | undefined;
let offPathChunk: Promise<OffPath> | undefined;
/** The off-path effects; a failed download is tried again on the next use. */
export const offPath = (): Promise<OffPath> =>
  (offPathChunk ??= import('./off-path.ts').then(
    (chunk) => (offPathLoaded = chunk),
    (thrown: unknown) => {
      offPathChunk = undefined;
      throw thrown;
    },
  ));

/**
 * Runs `run` with the off-path effects, at once when they are there (a pay click then submits in the same task); a
 * chunk that cannot be downloaded becomes `fail(network error)`.
 */
export const withOffPath = (run: (chunk: OffPath) => Promise<void>, fail: (error: PurseKitError) => void): Promise<void> =>
  offPathLoaded
    ? run(offPathLoaded)
    : offPath().then(run, (thrown: unknown) =>
        fail({ kind: 'network', timeout: false, message: `${process.env.NODE_ENV !== 'production' ? 'A part of the checkout could not be downloaded' : 'chunk'}: ${String(thrown)}` }),
      );
