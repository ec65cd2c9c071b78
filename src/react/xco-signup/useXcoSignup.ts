import { MutationObserver, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PurseKitError } from '../../core/errors.ts';
import type { CountryCode } from '../../core/identifier.ts';
import { SignupRunner, type SignupConfig, type SignupExecutor, type SignupOperation } from '../../core/signup/effects.ts';
import { isPending } from '../../core/signup/machine.ts';
import type { SignupEvent, SignupOutcome, SignupState } from '../../core/signup/types.ts';
import type { XcoUser } from '../../core/wire/xco.ts';
import { usePurse } from '../provider/context.ts';
import { useRunner } from '../shared/useRunner.ts';
import { enSignup } from '../i18n/en/xco-signup.ts';
import { addMessages } from '../i18n/index.ts';
import { xcoMethods } from '../../core/backend/http-methods.ts';
import { addHttpMethods } from '../provider/http.ts';

// The signup's English texts come with the signup (a page without it never downloads them).
addMessages(enSignup);
addHttpMethods(xcoMethods);

/** The wait before "resend" is offered: Purse's (and the mock's) resend throttle. */
export const DEFAULT_RESEND_DELAY_MS = 30_000;

/** Given to `onVerified`: the verified XCO user, to pre-fill or create the merchant's own customer. */
export interface XcoSignupVerifiedDetails {
  /** The verified XCO user. */
  user: XcoUser;
}

/** Given to `onComplete`. More fields may be added later. */
export interface XcoSignupCompleteDetails {
  /** `created` (new shopper) or `linked` (existing shopper). */
  outcome: SignupOutcome;
  /** The XCO user. */
  user: XcoUser;
}

/** Options of `useXcoSignup()` and props of `<XcoSignup>`. */
export interface UseXcoSignupOptions {
  /** Pre-fills the identifier field (email or phone number). */
  identifier?: string;
  /**
   * With `identifier`: the shopper cannot change it (read-only field, no "use another" button).
   * @defaultValue false
   */
  lockIdentifier?: boolean;
  /** Country for phone numbers typed without "+", e.g. 'FR'. Without it, phones need the international prefix. */
  defaultCountry?: CountryCode;
  /** Pre-fills the profile of a new shopper; when complete (names, email, billing address) the profile step is skipped. */
  defaultProfile?: XcoUser;
  /**
   * Existing shopper, code verified: create or update your customer here (the user pre-fills your form). Awaited
   * before the consent is sent; throwing shows an error with a retry that calls it again.
   */
  onVerified?: (details: XcoSignupVerifiedDetails) => void | Promise<void>;
  /** The XCO account was created (new shopper) or linked (existing shopper). */
  onComplete?: (details: XcoSignupCompleteDetails) => void;
  /** Every failure, as data (also rendered by the view in the shopper's language). */
  onError?: (error: PurseKitError) => void;
  /**
   * Client-side wait before a new code may be requested, in ms.
   * @defaultValue 30000 (`DEFAULT_RESEND_DELAY_MS`)
   */
  resendDelayMs?: number;
}

/** What `useXcoSignup()` returns: the state and the shopper's actions. */
export interface XcoSignupApi {
  /** The state of the flow (see `SignupState`); render from `state.status`. */
  state: SignupState;
  /** A request (or `onVerified`) is running. */
  isPending: boolean;
  /** The identifier is the merchant's (`lockIdentifier` with `identifier`): no "use another" button. */
  lockIdentifier: boolean;
  /** From the options, for the views. */
  defaultCountry: CountryCode | undefined;
  /** Parses the text (email or phone), then checks it. Ignored unless the state is `identify`. */
  submitIdentifier(input: string): Promise<void>;
  /** New shopper: creates the account with this profile. */
  submitProfile(user: XcoUser): void;
  /** Existing shopper: verifies a code (digits only). */
  submitCode(code: string): void;
  /** Sends a new code, once `state.resendAvailableAt` has passed. */
  resend(): void;
  /**
   * Back to the identifier field, keeping what was typed. From the profile form, pass what it holds (`profile`): it
   * pre-fills the form again for the next identifier (WCAG 3.3.7).
   */
  editIdentifier(profile?: XcoUser): void;
  /** Runs the failed step again (after `retryAt` when rate limited). */
  retry(): void;
}

function configOf(options: UseXcoSignupOptions, backend: SignupConfig['backend']): SignupConfig {
  return { ...options, backend, resendDelayMs: options.resendDelayMs ?? DEFAULT_RESEND_DELAY_MS };
}

/** Each request as a TanStack Query mutation: visible to the app's MutationCache and devtools. */
function mutations(queryClient: QueryClient): SignupExecutor {
  const observers = new Map<string, MutationObserver<SignupEvent, unknown, () => Promise<SignupEvent>>>();
  return (name: string, operation: SignupOperation, options) => {
    let observer = observers.get(name);
    if (!observer) {
      observer = new MutationObserver<SignupEvent, unknown, () => Promise<SignupEvent>>(queryClient, {
        mutationKey: ['purse', 'xco', name],
        mutationFn: (run) => run(),
        // The adapter already retries what is safe to retry; a pause while "offline" would hide the error.
        retry: false,
        networkMode: 'always',
      });
      observers.set(name, observer);
    }
    return observer.mutate(() => operation(options));
  };
}

/** Headless XCO signup: binds the signup machine (core/signup) to the provider's backend and to React. */
export function useXcoSignup(options: UseXcoSignupOptions = {}): XcoSignupApi {
  const { backend } = usePurse();
  const queryClient = useQueryClient();
  const [state, signup] = useRunner((initial) => new SignupRunner(initial, mutations(queryClient)), configOf(options, backend));
  return {
    state,
    isPending: isPending(state),
    lockIdentifier: (options.lockIdentifier ?? false) && options.identifier !== undefined,
    defaultCountry: options.defaultCountry,
    submitIdentifier: signup.submitIdentifier,
    submitProfile: signup.submitProfile,
    submitCode: signup.submitCode,
    resend: signup.resend,
    editIdentifier: signup.editIdentifier,
    retry: signup.retry,
  };
}
