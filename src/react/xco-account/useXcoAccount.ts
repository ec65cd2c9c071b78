// Headless returning shopper: binds the account machine (core/xco-account) to the provider's backend and to React —
// the Purse Express Checkout account linked to the signed-in customer, or none yet.
import type { PurseKitError } from '../../core/errors.ts';
import { XcoAccountRunner, type XcoAccountConfig } from '../../core/xco-account/effects.ts';
import type { XcoAccountState } from '../../core/xco-account/types.ts';
import { usePurse } from '../provider/context.ts';
import { useRunner } from '../shared/useRunner.ts';
import { enXcoAccount } from '../i18n/en/xco-account.ts';
import { addMessages } from '../i18n/index.ts';
import { xcoMethods } from '../../core/backend/http-methods.ts';
import { addHttpMethods } from '../provider/http.ts';

// XcoAccount's English texts come with it (a page without it never downloads them).
addMessages(enXcoAccount);
addHttpMethods(xcoMethods);

/** Options of `useXcoAccount()` and props of `<XcoAccount>`. */
export interface UseXcoAccountOptions {
  /** Every failure to read the account, as data (also rendered by the view in the shopper's language). */
  onError?: (error: PurseKitError) => void;
}

/** What `useXcoAccount()` returns: the state and the shopper's actions. */
export interface XcoAccountApi {
  /** Render from `state.status`: `loading | linked | none | signup | failed`. */
  state: XcoAccountState;
  /** Opens the signup/link flow (from `none`). */
  startSignup(): void;
  /** The flow completed: reads the linked account. */
  signupDone(): void;
  /** Reads the account again after a failure. */
  retry(): void;
}

function configOf(options: UseXcoAccountOptions, backend: XcoAccountConfig['backend']): XcoAccountConfig {
  return { ...options, backend };
}

/** The Purse Express Checkout account linked to the signed-in customer, or none yet (then the signup/link flow). */
export function useXcoAccount(options: UseXcoAccountOptions = {}): XcoAccountApi {
  const { backend } = usePurse();
  const [state, account] = useRunner((initial) => new XcoAccountRunner(initial), configOf(options, backend));
  return { state, startSignup: account.startSignup, signupDone: account.signupDone, retry: account.retry };
}
