// States and events of the returning shopper's Purse Express Checkout account: the linked account (read with the
// signed-in customer's reference on the merchant server), or none yet, then the signup/link flow.
import type { PurseKitError } from '../errors.ts';
import type { XcoUser } from '../wire/xco.ts';

export type XcoAccountState =
  /** Asking the merchant server for the account linked to the signed-in customer. */
  | { status: 'loading'; requestKey: string }
  /** Linked. `tokenCount`: saved payment methods, once known (asked with the account's email or phone). */
  | { status: 'linked'; user: XcoUser; tokenCount?: number; countKey?: string }
  /** No account is linked to this customer: the view offers the signup/link flow. */
  | { status: 'none' }
  /** The shopper opened the signup/link flow. */
  | { status: 'signup' }
  | { status: 'failed'; error: PurseKitError };

export type XcoAccountStatus = XcoAccountState['status'];

export type XcoAccountEvent =
  | { type: 'USER_LOADED'; requestKey: string; user: XcoUser; countKey: string }
  | { type: 'USER_MISSING'; requestKey: string }
  | { type: 'USER_FAILED'; requestKey: string; error: PurseKitError }
  | { type: 'COUNT_LOADED'; countKey: string; tokenCount: number }
  /** The count is a nice-to-have: failing to get it changes nothing the shopper sees. */
  | { type: 'COUNT_FAILED'; countKey: string }
  | { type: 'START_SIGNUP' }
  /** The signup/link flow completed: read the linked account. */
  | { type: 'SIGNUP_DONE'; requestKey: string }
  | { type: 'RETRY'; requestKey: string };
