import { useState, useSyncExternalStore } from 'react';
import type { MachineRunner } from '../../core/runner.ts';
import { useIsomorphicLayoutEffect } from './hooks.ts';

/** What a component's hook needs of its runner (core/<component>/effects.ts). */
type BoundRunner<C> = Pick<MachineRunner<unknown, never>, 'subscribe' | 'getState' | 'attach' | 'detach'> & {
  setConfig(config: C): void;
};

/**
 * Binds a component's runner to React: one runner per mounted component, given the latest config after each render (it
 * applies to work and callbacks that run later), attached while mounted, its state read as an external store.
 * Attached in a layout effect: the first request leaves before the first paint and before the passive effects.
 */
export function useRunner<C, R extends BoundRunner<C>>(create: (config: C) => R, config: C): [ReturnType<R['getState']>, R] {
  const [runner] = useState(() => create(config));
  useIsomorphicLayoutEffect(() => {
    runner.setConfig(config);
  });
  useIsomorphicLayoutEffect(() => {
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  return [useSyncExternalStore(runner.subscribe, runner.getState, runner.getState) as ReturnType<R['getState']>, runner];
}
