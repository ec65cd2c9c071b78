// Binds the pure signup reducer to the backend. Requests start from dispatch() — that is, from the shopper's events
// and from the results of earlier requests — never from a render or an effect, so StrictMode cannot double them.
// Each request runs as a TanStack Query mutation (visible to the app's MutationCache and devtools), carries the
// intent's idempotency key, and is aborted on unmount; results of abandoned intents are ignored by the reducer.
import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import type { CallOptions, MerchantBackend } from '../../core/backend/backend.ts';
import type { PurseKitError } from '../../core/errors.ts';
import { createIdempotencyKey } from '../../core/backend/idempotency.ts';
import { initialSignupState, isPending, signupReducer } from '../../core/signup/machine.ts';
import type { PendingState, SignupEvent, SignupOutcome, SignupState } from '../../core/signup/types.ts';
import type { CountryCode } from '../../core/identifier.ts';
import type { XcoUser } from '../../core/wire/xco.ts';
import { toKitError } from '../../core/errors.ts';

/** Callbacks and settings read at the moment they are needed, so the latest props always apply. */
export interface SignupBindings {
  identifier?: string;
  lockIdentifier?: boolean;
  defaultCountry?: CountryCode;
  defaultProfile?: XcoUser;
  /** Awaited after the code is verified and before the consent is sent. */
  onVerified?: (details: { user: XcoUser }) => void | Promise<void>;
  onComplete?: (details: { outcome: SignupOutcome; user: XcoUser }) => void;
  onError?: (error: PurseKitError) => void;
  /** Client-side wait before "resend" is offered. */
  resendDelayMs: number;
  now: () => number;
}

type Operation = (options: CallOptions) => Promise<SignupEvent | undefined>;

export class SignupController {
  /** Props of the latest render; read when a request or callback runs. */
  bindings: SignupBindings;
  private readonly backend: MerchantBackend;
  private readonly queryClient: QueryClient;
  private state: SignupState;
  private readonly listeners = new Set<() => void>();
  private readonly mutations = new Map<string, MutationObserver<SignupEvent | undefined, unknown, Operation>>();
  private abort = new AbortController();
  private attached = false;
  /** The pending state whose request was aborted by a detach (StrictMode's simulated unmount). */
  private interrupted: PendingState | undefined;

  constructor(backend: MerchantBackend, queryClient: QueryClient, bindings: SignupBindings, initialInput = '') {
    this.backend = backend;
    this.queryClient = queryClient;
    this.bindings = bindings;
    this.state = initialSignupState(initialInput);
  }

  setBindings(bindings: SignupBindings): void {
    this.bindings = bindings;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SignupState => this.state;

  /** Applies an event; runs the new state's effect and the callbacks. Returns false when the event was ignored. */
  dispatch = (event: SignupEvent): boolean => {
    const previous = this.state;
    const next = signupReducer(previous, event);
    if (next === previous) return false;
    this.state = next;
    for (const listener of this.listeners) listener();
    const { onError, onComplete } = this.bindings;
    if (event.type === 'REQUEST_FAILED' || event.type === 'VERIFIED_HOOK_FAILED') onError?.(event.error);
    if (next.status === 'done') onComplete?.({ outcome: next.outcome, user: next.user });
    if (isPending(next)) {
      // Not mounted (yet, or any more): attach() runs it.
      if (this.attached) this.run(next);
      else this.interrupted = next;
    }
    return true;
  };

  newKey = (): string => createIdempotencyKey();

  /** Called when the view mounts. Resumes a request that a detach interrupted (same intent key: idempotent). */
  attach(): void {
    this.attached = true;
    const interrupted = this.interrupted;
    this.interrupted = undefined;
    if (interrupted && interrupted === this.state) this.run(interrupted);
  }

  /** Called when the view unmounts: aborts what is in flight; late answers are dropped. */
  detach(): void {
    this.attached = false;
    this.abandon();
    if (isPending(this.state)) this.interrupted = this.state;
  }

  /** Aborts what is in flight (the shopper left that step); the view stays mounted. */
  abandon(): void {
    this.abort.abort();
    this.abort = new AbortController();
  }

  private mutation(name: string): MutationObserver<SignupEvent | undefined, unknown, Operation> {
    let observer = this.mutations.get(name);
    if (!observer) {
      observer = new MutationObserver<SignupEvent | undefined, unknown, Operation>(this.queryClient, {
        mutationKey: ['purse', 'xco', name],
        mutationFn: (operation) => operation({ signal: this.abort.signal }),
        // The adapter already retries what is safe to retry; a pause while "offline" would hide the error.
        retry: false,
        networkMode: 'always',
      });
      this.mutations.set(name, observer);
    }
    return observer;
  }

  private run(state: PendingState): void {
    const signal = this.abort.signal;
    const { name, operation } = this.operationFor(state);
    const failed = (error: PurseKitError): SignupEvent =>
      state.status === 'verified'
        ? { type: 'VERIFIED_HOOK_FAILED', error, now: this.bindings.now() }
        : { type: 'REQUEST_FAILED', intentKey: state.intentKey, error, now: this.bindings.now() };
    this.mutation(name)
      .mutate(operation)
      .then(
        (event) => {
          if (!signal.aborted && event) this.dispatch(event);
        },
        (thrown: unknown) => {
          if (!signal.aborted) this.dispatch(failed(toKitError(thrown)));
        },
      );
  }

  private operationFor(state: PendingState): { name: string; operation: Operation } {
    const { backend } = this;
    const { identifier } = state;
    switch (state.status) {
      case 'checking':
        return {
          name: 'checkUser',
          operation: async (options) => {
            const { exists } = await backend.checkUser(identifier, options);
            const { defaultProfile, now } = this.bindings;
            return {
              type: 'CHECK_SUCCEEDED',
              intentKey: state.intentKey,
              exists,
              ...(defaultProfile ? { defaultProfile } : {}),
              nextIntentKey: this.newKey(),
              now: now(),
            };
          },
        };
      case 'creating':
        return {
          name: 'createUser',
          operation: async (options) => {
            const { user } = await backend.createUser({ user: state.user }, { ...options, idempotencyKey: state.intentKey });
            return { type: 'CREATE_SUCCEEDED', intentKey: state.intentKey, user };
          },
        };
      case 'sending':
        return {
          name: 'startPasswordless',
          operation: async (options) => {
            await backend.startPasswordless(identifier, { ...options, idempotencyKey: state.intentKey });
            const { now, resendDelayMs } = this.bindings;
            return { type: 'SEND_SUCCEEDED', intentKey: state.intentKey, resendAvailableAt: now() + resendDelayMs };
          },
        };
      case 'verifying':
        return {
          name: 'verifyPasswordless',
          operation: async (options) => {
            const input = { identifier, verification_code: state.code };
            const result = await backend.verifyPasswordless(input, { ...options, idempotencyKey: state.intentKey });
            return {
              type: 'VERIFY_SUCCEEDED',
              intentKey: state.intentKey,
              user: result.user,
              consentChallengeId: result.consent_challenge_id,
            };
          },
        };
      case 'verified':
        return {
          name: 'onVerified',
          operation: async () => {
            await this.bindings.onVerified?.({ user: state.user });
            return { type: 'LINK', intentKey: this.newKey() };
          },
        };
      case 'linking':
        return {
          name: 'createConsent',
          operation: async (options) => {
            const input = { identifier, consent_challenge_id: state.consentChallengeId };
            await backend.createConsent(input, { ...options, idempotencyKey: state.intentKey });
            return { type: 'LINK_SUCCEEDED', intentKey: state.intentKey };
          },
        };
    }
  }
}
