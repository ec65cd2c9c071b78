// What a pending signup state asks for, done: the backend call (or `onVerified`) of that state, carrying the intent's
// idempotency key, reported back with an event. Requests start only from events — the shopper's, or the results of
// earlier requests — never from a render, so StrictMode cannot double them; a state the shopper left (edit, unmount)
// has its request aborted and its late answer dropped.
import type { CallOptions, MerchantBackend } from '../backend/backend.ts';
import { createIdempotencyKey } from '../backend/idempotency.ts';
import { toKitError, type PurseKitError } from '../errors.ts';
import { parseIdentifier, toXcoIdentifier, type CountryCode } from '../identifier.ts';
import { MachineRunner, type Effect } from '../runner.ts';
import type { XcoUser } from '../wire/xco.ts';
import { initialSignupState, isPending, signupReducer } from './machine.ts';
import type { PendingState, SignupEvent, SignupOutcome, SignupState } from './types.ts';

/** What the signup reads when a request or callback runs (the latest props). */
export interface SignupConfig {
  /** The provider's adapter. */
  backend: MerchantBackend;
  /** See `UseXcoSignupOptions`. */
  identifier?: string;
  /** See `UseXcoSignupOptions`. */
  lockIdentifier?: boolean;
  /** See `UseXcoSignupOptions`. */
  defaultCountry?: CountryCode;
  /** See `UseXcoSignupOptions`. */
  defaultProfile?: XcoUser;
  /** Awaited after the code is verified and before the consent is sent. */
  onVerified?: (details: { user: XcoUser }) => void | Promise<void>;
  /** See `UseXcoSignupOptions`. */
  onComplete?: (details: { outcome: SignupOutcome; user: XcoUser }) => void;
  /** See `UseXcoSignupOptions`. */
  onError?: (error: PurseKitError) => void;
  /** Client-side wait before "resend" is offered. */
  resendDelayMs: number;
}

/** One call of the flow: `name` is the backend method (or `onVerified`). */
export type SignupOperation = (options: CallOptions) => Promise<SignupEvent>;

/** Runs an operation: directly by default; the React binding runs it as a TanStack Query mutation. */
export type SignupExecutor = (name: string, operation: SignupOperation, options: CallOptions) => Promise<SignupEvent>;

const direct: SignupExecutor = (_name, operation, options) => operation(options);

type Operation<S extends PendingState['status']> = [
  name: string,
  run: (state: Extract<PendingState, { status: S }>, config: () => SignupConfig, options: CallOptions) => Promise<SignupEvent>,
];

/** The call of each pending state: its name (the backend method, or onVerified) and the event its answer sends. */
const OPERATIONS: { [S in PendingState['status']]: Operation<S> } = {
  checking: [
    'checkUser',
    async (state, config, options) => {
      const { exists } = await config().backend.checkUser(state.identifier, options);
      const { defaultProfile } = config();
      return {
        type: 'CHECK_SUCCEEDED',
        intentKey: state.intentKey,
        exists,
        ...(defaultProfile ? { defaultProfile } : {}),
        nextIntentKey: createIdempotencyKey(),
        now: Date.now(),
      };
    },
  ],
  creating: [
    'createUser',
    async (state, config, options) => {
      const { user } = await config().backend.createUser({ user: state.user }, { ...options, idempotencyKey: state.intentKey });
      return { type: 'CREATE_SUCCEEDED', intentKey: state.intentKey, user };
    },
  ],
  sending: [
    'startPasswordless',
    async (state, config, options) => {
      await config().backend.startPasswordless(state.identifier, { ...options, idempotencyKey: state.intentKey });
      return { type: 'SEND_SUCCEEDED', intentKey: state.intentKey, resendAvailableAt: Date.now() + config().resendDelayMs };
    },
  ],
  verifying: [
    'verifyPasswordless',
    async (state, config, options) => {
      const input = { identifier: state.identifier, verification_code: state.code };
      const { user, consent_challenge_id } = await config().backend.verifyPasswordless(input, { ...options, idempotencyKey: state.intentKey });
      return { type: 'VERIFY_SUCCEEDED', intentKey: state.intentKey, user, consentChallengeId: consent_challenge_id };
    },
  ],
  verified: [
    'onVerified',
    async (state, config) => {
      await config().onVerified?.({ user: state.user });
      return { type: 'LINK', intentKey: createIdempotencyKey() };
    },
  ],
  linking: [
    'createConsent',
    async (state, config, options) => {
      const input = { identifier: state.identifier, consent_challenge_id: state.consentChallengeId };
      await config().backend.createConsent(input, { ...options, idempotencyKey: state.intentKey });
      return { type: 'LINK_SUCCEEDED', intentKey: state.intentKey };
    },
  ],
};

/** The effect of a pending state: its call, run by `execute`, whose answer or failure comes back as an event. */
function effectFor(state: PendingState, config: () => SignupConfig, execute: SignupExecutor): Effect<SignupEvent> {
  const [name, run] = OPERATIONS[state.status] as Operation<PendingState['status']>;
  const failed = (error: PurseKitError): SignupEvent =>
    state.status === 'verified'
      ? { type: 'VERIFIED_HOOK_FAILED', error, now: Date.now() }
      : { type: 'REQUEST_FAILED', intentKey: state.intentKey, error, now: Date.now() };
  return {
    key: `${state.status}:${'intentKey' in state ? state.intentKey : state.consentChallengeId}`,
    run: ({ send, signal }) =>
      execute(name, (options) => run(state, config, options), { signal }).then(send, (thrown: unknown) => send(failed(toKitError(thrown)))),
  };
}

/** Runs one signup: its machine, and the request each pending state asks for. The hook creates one per component. */
export class SignupRunner {
  #config: SignupConfig;
  readonly #machine: MachineRunner<SignupState, SignupEvent>;

  constructor(config: SignupConfig, execute: SignupExecutor = direct) {
    this.#config = config;
    const latest = () => this.#config;
    this.#machine = new MachineRunner(initialSignupState(config.identifier ?? ''), {
      reducer: signupReducer,
      effects: (state) => (isPending(state) ? [effectFor(state, latest, execute)] : []),
      onEvent: (previous, next, event) => {
        if (next === previous) return;
        const { onError, onComplete } = this.#config;
        if (event.type === 'REQUEST_FAILED' || event.type === 'VERIFIED_HOOK_FAILED') onError?.(event.error);
        if (next.status === 'done') onComplete?.({ outcome: next.outcome, user: next.user });
      },
    });
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void) => this.#machine.subscribe(listener);
  /** The current state. */
  getState = (): SignupState => this.#machine.getState();
  /** The view mounted: the effects of the state start (a microtask later). */
  attach = (): void => this.#machine.attach();
  /** The view unmounted: every effect stops, unless it mounts again at once (StrictMode). */
  detach = (): void => this.#machine.detach();

  /** The latest props. */
  setConfig(config: SignupConfig): void {
    this.#config = config;
  }

  /** The identifier is the merchant's, not the shopper's to change. */
  get isIdentifierLocked(): boolean {
    return this.#config.lockIdentifier === true && this.#config.identifier !== undefined;
  }

  /** Parses the text (email or phone), then checks it. Ignored unless the state is `identify`. */
  submitIdentifier = async (input: string): Promise<void> => {
    if (this.getState().status !== 'identify') return;
    const { identifier, defaultCountry } = this.#config;
    // A locked identifier is the merchant's, whatever the field holds.
    const text = this.isIdentifierLocked && identifier !== undefined ? identifier : input;
    const parsed = await parseIdentifier(text, defaultCountry ? { defaultCountry } : {});
    this.#machine.send(
      parsed.kind === 'invalid'
        ? { type: 'IDENTIFIER_INVALID', input: text, reason: parsed.reason, ...('country' in parsed ? { country: parsed.country } : {}) }
        : { type: 'SUBMIT_IDENTIFIER', input: text, identifier: toXcoIdentifier(parsed), intentKey: createIdempotencyKey() },
    );
  };

  /** New shopper: creates the account with this profile. */
  submitProfile = (user: XcoUser): void => this.#machine.send({ type: 'SUBMIT_PROFILE', user, intentKey: createIdempotencyKey() });

  /** Existing shopper: verifies a code (digits only). */
  submitCode = (code: string): void => this.#machine.send({ type: 'SUBMIT_CODE', code, intentKey: createIdempotencyKey() });

  /** Sends a new code, once `resendAvailableAt` has passed. */
  resend = (): void => this.#machine.send({ type: 'RESEND', intentKey: createIdempotencyKey(), now: Date.now() });

  /**
   * Back to the identifier field (not when it is locked); what was in flight is aborted. `profile`: what the profile
   * form holds, to pre-fill it again for the next identifier.
   */
  editIdentifier = (profile?: XcoUser): void => {
    if (!this.isIdentifierLocked) this.#machine.send({ type: 'EDIT_IDENTIFIER', profile });
  };

  /** Runs the failed step again (after `retryAt` when rate limited). */
  retry = (): void => this.#machine.send({ type: 'RETRY', intentKey: createIdempotencyKey(), now: Date.now() });
}
