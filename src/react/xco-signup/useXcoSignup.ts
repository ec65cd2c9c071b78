import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PurseKitError } from '../../core/errors.ts';
import { parseIdentifier, toXcoIdentifier, type CountryCode } from '../../core/identifier.ts';
import { isPending } from '../../core/signup/machine.ts';
import type { SignupOutcome, SignupState } from '../../core/signup/types.ts';
import type { XcoUser } from '../../core/wire/xco.ts';
import { usePurse } from '../provider/context.ts';
import { useIsomorphicLayoutEffect } from '../shared/hooks.ts';
import { SignupController, type SignupBindings } from './controller.ts';

/** The wait before "resend" is offered: Purse's (and the mock's) resend throttle. */
export const DEFAULT_RESEND_DELAY_MS = 30_000;

/** Given to `onVerified`: the verified XCO user, to pre-fill or create the merchant's own customer. */
export interface XcoSignupVerifiedDetails {
  user: XcoUser;
}

/** Given to `onComplete`. More fields may be added later. */
export interface XcoSignupCompleteDetails {
  outcome: SignupOutcome;
  user: XcoUser;
}

export interface UseXcoSignupOptions {
  /** Pre-fills the identifier field (email or phone number). */
  identifier?: string;
  /** With `identifier`: the shopper cannot change it (read-only field, no "use another" button). */
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
  /** Client-side wait before a new code may be requested. Default 30 s. */
  resendDelayMs?: number;
}

export interface XcoSignupApi {
  /** The state of the flow (see `SignupState`); render from `state.status`. */
  state: SignupState;
  /** A request (or `onVerified`) is running. */
  isPending: boolean;
  /** Options the views need. */
  lockIdentifier: boolean;
  defaultCountry: CountryCode | undefined;
  defaultProfile: XcoUser | undefined;
  /** Parses the text (email or phone), then checks it. Ignored unless the state is `identify`. */
  submitIdentifier(input: string): Promise<void>;
  /** New shopper: creates the account with this profile. */
  submitProfile(user: XcoUser): void;
  /** Existing shopper: verifies a code (digits only). */
  submitCode(code: string): void;
  /** Sends a new code, once `state.resendAvailableAt` has passed. */
  resend(): void;
  /** Back to the identifier field, keeping what was typed. */
  editIdentifier(): void;
  /** Runs the failed step again (after `retryAt` when rate limited). */
  retry(): void;
}

function bindingsOf(options: UseXcoSignupOptions): SignupBindings {
  return { ...options, resendDelayMs: options.resendDelayMs ?? DEFAULT_RESEND_DELAY_MS, now: Date.now };
}

/** Headless XCO signup: binds the signup state machine to the provider's backend. */
export function useXcoSignup(options: UseXcoSignupOptions = {}): XcoSignupApi {
  const { backend } = usePurse();
  const queryClient = useQueryClient();
  const { lockIdentifier = false, defaultCountry, defaultProfile } = options;

  const [controller] = useState(
    () => new SignupController(backend, queryClient, bindingsOf(options), options.identifier ?? ''),
  );
  // The latest props apply to requests and callbacks that run later.
  useIsomorphicLayoutEffect(() => {
    controller.setBindings(bindingsOf(options));
  });

  useEffect(() => {
    controller.attach();
    return () => controller.detach();
  }, [controller]);

  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);

  const submitIdentifier = useCallback(
    async (input: string) => {
      if (controller.getState().status !== 'identify') return;
      const { identifier, lockIdentifier: locked, defaultCountry: country } = controller.bindings;
      // A locked identifier is the merchant's, whatever the field holds.
      const text = locked && identifier !== undefined ? identifier : input;
      const parsed = await parseIdentifier(text, country ? { defaultCountry: country } : {});
      if (parsed.kind === 'invalid') {
        controller.dispatch({ type: 'IDENTIFIER_INVALID', input: text, reason: parsed.reason });
        return;
      }
      controller.dispatch({
        type: 'SUBMIT_IDENTIFIER',
        input: text,
        identifier: toXcoIdentifier(parsed),
        intentKey: controller.newKey(),
      });
    },
    [controller],
  );

  const actions = useMemo(
    () => ({
      submitProfile: (user: XcoUser) => {
        controller.dispatch({ type: 'SUBMIT_PROFILE', user, intentKey: controller.newKey() });
      },
      submitCode: (code: string) => {
        controller.dispatch({ type: 'SUBMIT_CODE', code, intentKey: controller.newKey() });
      },
      resend: () => {
        controller.dispatch({ type: 'RESEND', intentKey: controller.newKey(), now: Date.now() });
      },
      editIdentifier: () => {
        const { lockIdentifier: locked, identifier } = controller.bindings;
        if (locked && identifier !== undefined) return;
        if (controller.dispatch({ type: 'EDIT_IDENTIFIER' })) controller.abandon();
      },
      retry: () => {
        controller.dispatch({ type: 'RETRY', intentKey: controller.newKey(), now: Date.now() });
      },
    }),
    [controller],
  );

  return {
    state,
    isPending: isPending(state),
    lockIdentifier: lockIdentifier && options.identifier !== undefined,
    defaultCountry,
    defaultProfile,
    submitIdentifier,
    ...actions,
  };
}
