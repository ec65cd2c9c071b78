// What the account states ask for: the linked user (getUser), then the saved payment methods (checkUser's
// token_count) with the account's identifier. Requests start from attach() and events, never from a render.
import type { MerchantBackend } from '../backend/backend.ts';
import { isAbortError } from '../backend/retry.ts';
import { isPurseKitFailure, type PurseKitError } from '../errors.ts';
import type { XcoIdentifier } from '../wire/xco.ts';
import { initialXcoAccountState, xcoAccountReducer } from './machine.ts';
import type { XcoAccountEvent, XcoAccountState } from './types.ts';

export interface XcoAccountRunner {
  getState(): XcoAccountState;
  subscribe(listener: () => void): () => void;
  startSignup(): void;
  signupDone(): void;
  retry(): void;
  attach(): void;
  detach(): void;
  /** The latest callbacks (props of the latest render). */
  update(options: Pick<XcoAccountRunnerOptions, 'onError'>): void;
}

export interface XcoAccountRunnerOptions {
  backend: Pick<MerchantBackend, 'getUser' | 'checkUser'>;
  onError?: (error: PurseKitError) => void;
}

const toError = (thrown: unknown): PurseKitError =>
  isPurseKitFailure(thrown) ? thrown.error : { kind: 'server', status: 0, message: `Unexpected error: ${String(thrown)}` };

/** The handler answers 404 when no XCO account is linked to the signed-in customer. */
const isMissing = (error: PurseKitError) => error.kind === 'request' && error.status === 404;

export function createXcoAccountRunner(options: XcoAccountRunnerOptions): XcoAccountRunner {
  let onError = options.onError;
  let counter = 0;
  const newKey = () => `a${++counter}`;
  let state = initialXcoAccountState(newKey());
  const listeners = new Set<() => void>();
  const started = new Set<string>();
  let abort = new AbortController();
  let attached = false;
  let abortTimer: ReturnType<typeof setTimeout> | undefined;

  function dispatch(event: XcoAccountEvent): void {
    const previous = state;
    state = xcoAccountReducer(previous, event);
    if (state === previous) return;
    for (const listener of listeners) listener();
    if (event.type === 'USER_FAILED') onError?.(event.error);
    effects();
  }

  function effects(): void {
    if (!attached) return;
    const { signal } = abort;
    const current = state;
    const guard = (key: string, run: () => Promise<XcoAccountEvent>, failed: (error: PurseKitError) => XcoAccountEvent) => {
      if (started.has(key)) return;
      started.add(key);
      run().then(
        (event) => !signal.aborted && dispatch(event),
        (thrown: unknown) => !signal.aborted && !isAbortError(thrown) && dispatch(failed(toError(thrown))),
      );
    };
    if (current.status === 'loading') {
      const { requestKey } = current;
      guard(
        requestKey,
        async () => ({ type: 'USER_LOADED', requestKey, user: await options.backend.getUser({ signal }), countKey: newKey() }),
        (error) => (isMissing(error) ? { type: 'USER_MISSING', requestKey } : { type: 'USER_FAILED', requestKey, error }),
      );
    }
    if (current.status === 'linked' && current.countKey) {
      const { countKey, user } = current;
      const identifier: XcoIdentifier = user.email ? { email: user.email } : { phone_number: user.phone_number! };
      guard(
        countKey,
        async () => ({ type: 'COUNT_LOADED', countKey, tokenCount: (await options.backend.checkUser(identifier, { signal })).token_count ?? 0 }),
        () => ({ type: 'COUNT_FAILED', countKey }),
      );
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startSignup: () => dispatch({ type: 'START_SIGNUP' }),
    signupDone: () => dispatch({ type: 'SIGNUP_DONE', requestKey: newKey() }),
    retry: () => dispatch({ type: 'RETRY', requestKey: newKey() }),
    attach() {
      clearTimeout(abortTimer);
      attached = true;
      effects();
    },
    update(next) {
      onError = next.onError;
    },
    detach() {
      attached = false;
      // StrictMode detaches and attaches again in the same task: only a real unmount aborts.
      abortTimer = setTimeout(() => {
        abort.abort();
        abort = new AbortController();
        started.clear();
      }, 0);
    },
  };
}
