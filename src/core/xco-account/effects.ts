// What an account state asks for, done: the linked user (getUser), then the saved payment methods (checkUser's
// token_count) with the account's own identifier. Requests start only from events (mount included), never from a
// render; a request the state no longer asks for (an unmount) is aborted and its late answer dropped.
import type { MerchantBackend } from '../backend/backend.ts';
import { toKitError, type PurseKitError } from '../errors.ts';
import { MachineRunner, type Effect } from '../runner.ts';
import type { XcoIdentifier } from '../wire/xco.ts';
import { initialXcoAccountState, xcoAccountReducer } from './machine.ts';
import type { XcoAccountEvent, XcoAccountState } from './types.ts';

/** What the account reads when a request or callback runs (the latest props). */
export interface XcoAccountConfig {
  /** The provider's adapter. */
  backend: Pick<MerchantBackend, 'getUser' | 'checkUser'>;
  /** See `UseXcoAccountOptions`. */
  onError?: (error: PurseKitError) => void;
}

/**
 * The handler's own answer when no XCO account is linked to the signed-in customer. Any other 404 (a proxy's, a
 * router's) says nothing about the account: a failure with a retry, never an offer to sign up.
 */
const isMissing = (error: PurseKitError) => error.kind === 'request' && error.status === 404 && error.code === 'xco_account_not_linked';

/** Runs one account view: its machine, and the request each state asks for. The hook creates one. */
export class XcoAccountRunner {
  private config: XcoAccountConfig;
  private readonly machine: MachineRunner<XcoAccountState, XcoAccountEvent>;
  private counter = 0;

  constructor(config: XcoAccountConfig) {
    this.config = config;
    this.machine = new MachineRunner(initialXcoAccountState(this.newKey()), {
      reducer: xcoAccountReducer,
      effects: (state) => this.effects(state),
      onEvent: (previous, next, event) => {
        if (next !== previous && event.type === 'USER_FAILED') this.config.onError?.(event.error);
      },
    });
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void) => this.machine.subscribe(listener);
  /** The current state. */
  getState = (): XcoAccountState => this.machine.getState();
  /** The view mounted: the effects of the state start (a microtask later). */
  attach = (): void => this.machine.attach();
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  detach = (): void => this.machine.detach();

  /** The latest props. */
  setConfig(config: XcoAccountConfig): void {
    this.config = config;
  }

  /** Opens the signup/link flow (from `none`). */
  startSignup = (): void => this.machine.send({ type: 'START_SIGNUP' });
  /** The flow completed: reads the linked account. */
  signupDone = (): void => this.machine.send({ type: 'SIGNUP_DONE', requestKey: this.newKey() });
  /** Reads the account again after a failure. */
  retry = (): void => this.machine.send({ type: 'RETRY', requestKey: this.newKey() });

  private newKey(): string {
    return `a${++this.counter}`;
  }

  private effects(state: XcoAccountState): Effect<XcoAccountEvent>[] {
    const { backend } = this.config;
    if (state.status === 'loading') {
      const { requestKey } = state;
      return [
        {
          key: `user:${requestKey}`,
          run: ({ send, signal }) =>
            backend.getUser({ signal }).then(
              (user) => send({ type: 'USER_LOADED', requestKey, user, countKey: this.newKey() }),
              // Adapters reject with PurseKitFailure; anything else is a bug of a custom adapter, shown as a server error.
              (thrown: unknown) => {
                const error = toKitError(thrown);
                send(isMissing(error) ? { type: 'USER_MISSING', requestKey } : { type: 'USER_FAILED', requestKey, error });
              },
            ),
        },
      ];
    }
    if (state.status === 'linked' && state.countKey !== undefined) {
      const { countKey, user } = state;
      const identifier: XcoIdentifier = user.email ? { email: user.email } : { phone_number: user.phone_number! };
      return [
        {
          key: `count:${countKey}`,
          run: ({ send, signal }) =>
            backend.checkUser(identifier, { signal }).then(
              ({ token_count }) => send({ type: 'COUNT_LOADED', countKey, tokenCount: token_count ?? 0 }),
              () => send({ type: 'COUNT_FAILED', countKey }),
            ),
        },
      ];
    }
    return [];
  }
}
