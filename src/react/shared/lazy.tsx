// Views a shopper sees only off the main path (a failure, an expired session, a payment's timeline) are downloaded
// apart, so a page does not pay for them before the shopper can pay. A component preloads its own when the browser is
// idle, so they are there when needed; a download that fails renders a small fallback instead of breaking the page.
import { lazy, useEffect, useSyncExternalStore, type ComponentType, type LazyExoticComponent } from 'react';

/** A view downloaded apart; `preload()` starts (or reuses) the download. */
export type LazyView<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<unknown> };

/** `load` resolves to the view; if it rejects, `fallback` (kept in the page's own chunk) is rendered instead. */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ComponentType<P>): LazyView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (view) => ({ default: view }),
      () => {
        // A later attempt (the render, after an idle preload failed) downloads again.
        loading = undefined;
        return { default: fallback };
      },
    ));
  return Object.assign(lazy(preload), { preload });
}

/** A module downloaded apart that views read as it arrives (words and actions that must change in the same render). */
export interface LazyModule<M> {
  /** Starts (or reuses) the download, also again after a failed one; never rejects (a failure shows through `useModule`). */
  load(): Promise<unknown>;
  /**
   * For `usePreloadWhenIdle`: `load()`, but never a new attempt after a failed one — a background download must not
   * take away the failure the shopper is reading (and its "Try again") while they act on it.
   */
  preload(): Promise<unknown>;
  /** The module once here; `false` after a failed download (until the next attempt); undefined while on its way. */
  useModule(): M | false | undefined;
}

/** See `LazyModule`: every view that reads it renders again when the download ends. */
export function lazyModule<M>(download: () => Promise<M>): LazyModule<M> {
  let module: M | false | undefined;
  let loading: Promise<unknown> | undefined;
  const listeners = new Set<() => void>();
  const settle = (value: M | false | undefined) => {
    module = value;
    listeners.forEach((listener) => listener());
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const get = () => module;
  const load = () => {
    if (!loading) {
      // A new attempt after a failed one: "on its way" again.
      if (module === false) settle(undefined);
      loading = download().then(settle, () => {
        loading = undefined;
        settle(false);
      });
    }
    return loading;
  };
  return {
    load,
    preload: () => (module === false ? Promise.resolve() : load()),
    useModule: () => useSyncExternalStore(subscribe, get, get),
  };
}

/** Preloads `views` once the browser is idle after the first render. */
export function usePreloadWhenIdle(views: readonly { preload(): Promise<unknown> }[]): void {
  useEffect(() => {
    const run = () => views.forEach((view) => void view.preload());
    // Safari has no requestIdleCallback: a short timer instead.
    const idle = typeof requestIdleCallback === 'function';
    const id = idle ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 200);
    return () => (idle ? cancelIdleCallback : clearTimeout)(id as number);
    // The views are module constants: preloaded once, after the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
