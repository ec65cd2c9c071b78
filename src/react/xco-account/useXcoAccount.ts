// Headless returning shopper: the Purse Express Checkout account linked to the signed-in customer, or none yet.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import { createXcoAccountRunner } from '../../core/xco-account/effects.ts';
import type { XcoAccountState } from '../../core/xco-account/types.ts';
import { usePurse } from '../provider/context.ts';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';

export interface UseXcoAccountOptions {
  /** Every failure to read the account, as data. */
  onError?: (error: PurseKitError) => void;
}

export interface XcoAccountApi {
  /** `loading | linked | none | signup | failed`. */
  state: XcoAccountState;
  /** Opens the signup/link flow (from `none`). */
  startSignup(): void;
  /** The flow completed: reads the linked account. */
  signupDone(): void;
  retry(): void;
}

export function useXcoAccount(options: UseXcoAccountOptions = {}): XcoAccountApi {
  const { backend } = usePurse();
  const [runner] = useState(() => createXcoAccountRunner({ backend, ...options }));
  useIsomorphicLayoutEffect(() => runner.update(options));
  useEffect(() => {
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  const state = useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
  const actions = useMemo(() => ({ startSignup: runner.startSignup, signupDone: runner.signupDone, retry: runner.retry }), [runner]);
  return { state, ...actions };
}
