import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MachineRunner } from '../../core/runner.ts';
import { useIsomorphicLayoutEffect } from './hooks.ts';

/** What a component's hook needs of its runner (core/<component>/effects.ts). */
type BoundRunner<C> = Pick<MachineRunner<unknown, never>, 'subscribe' | 'getState' | 'attach' | 'detach'> & {
  setConfig(config: C): void;
};

/**
 * Binds a component's runner to React: one runner per mounted component, given the latest config after each render (it
 * applies to work and callbacks that run later), attached while mounted, its state read as an external store.
 * `early`: attached in a layout effect, so the first request leaves before the first paint and the passive effects —
 * only for a runner whose work may be stopped and started again, because React also runs layout-effect cleanups when a
 * Suspense boundary hides the tree for a while (a signup's onVerified would run twice; see suspense.test.tsx).
 */
export function useRunner<C, R extends BoundRunner<C>>(
  create: (config: C) => R,
  config: C,
  early = false,
): [ReturnType<R['getState']>, R] {
  const [runner] = useState(() => create(config));
  useIsomorphicLayoutEffect(() => {
    runner.setConfig(config);
  });
  (early ? useIsomorphicLayoutEffect : useEffect)(() => {
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  return [useSyncExternalStore(runner.subscribe, runner.getState, runner.getState) as ReturnType<R['getState']>, runner];
}
