// From what the backend answered so far to the one phase the page shows. Pure; the hook feeds it query snapshots.
import type { CheckoutSession, ShopperPayment, ShopperPaymentLink, VerifiedRedirect } from '../../core/backend/views.ts';
import type { PurseKitError } from '../../core/errors.ts';
import { classifyPayment, classifyPaymentLink, classifySession } from '../../core/status/index.ts';
import type { StatusClassification } from '../../core/status/index.ts';
import { toKitError as anyToKitError } from '../../core/errors.ts';
import type { StatusSource } from './source.ts';

export type PaymentStatusPhase = 'verifying' | 'waiting' | 'success' | 'failure' | 'timed_out' | 'error';

/** What one query knows: its data, or the error of its last attempt. Absent when the query is not in use. */
export interface Snapshot<T> {
  data?: T;
  error?: unknown;
}

export interface DeriveInput {
  source: StatusSource['kind'];
  verify?: Snapshot<VerifiedRedirect>;
  link?: Snapshot<ShopperPaymentLink>;
  session?: Snapshot<CheckoutSession>;
  payment?: Snapshot<ShopperPayment>;
  /** The poll schedule ran out while waiting. */
  timedOut: boolean;
}

export interface Derived {
  phase: PaymentStatusPhase;
  classification?: StatusClassification;
  error?: PurseKitError;
}

export const MISSING_SOURCE: PurseKitError = {
  kind: 'config',
  message:
    'PaymentStatus found no purse-redirection-data in the URL and no token, paymentId, paymentLinkId or clientSessionId ' +
    'prop: render it on the page Purse redirects to (shopper_redirection_url), or pass one of those props.',
};

/** Adapters reject with PurseKitFailure; anything else is a bug of a custom adapter, shown as a server error. */
export const toKitError = (error: unknown): PurseKitError => anyToKitError(error, 'The merchant backend adapter failed');

const failed = (error: unknown): Derived => ({ phase: 'error', error: toKitError(error) });
const verifying: Derived = { phase: 'verifying' };

function settle(classification: StatusClassification, timedOut: boolean): Derived {
  const phase = classification.outcome === 'waiting' && timedOut ? 'timed_out' : classification.outcome;
  return { phase, classification };
}

export function derivePhase(input: DeriveInput): Derived {
  const { source, verify, link, session, payment, timedOut } = input;
  if (source === 'none') return { phase: 'error', error: MISSING_SOURCE };
  // On the server, render what the browser's first render will show once it has read the URL.
  if (source === 'unread') return verifying;

  if (source === 'token') {
    if (verify?.error !== undefined) return failed(verify.error);
    if (!verify?.data) return verifying;
  }

  if (source === 'link') {
    if (link?.data) return settle(classifyPaymentLink(link.data), timedOut);
    return link?.error !== undefined ? failed(link.error) : verifying;
  }

  // Once a payment id is known, only the payment (as Purse reports it) can say success or failure.
  if (payment) {
    if (payment.data) return settle(classifyPayment(payment.data), timedOut);
    if (payment.error !== undefined) return failed(payment.error);
    // Its first answer is on the way: stay on what the session said rather than flash "verifying".
    if (session?.data) return settle(classifySession(session.data), timedOut);
    return verifying;
  }

  if (session) {
    if (session.data) return settle(classifySession(session.data), timedOut);
    if (session.error !== undefined) return failed(session.error);
    if (source === 'session') return verifying;
  }

  // A verified redirect without a payment yet: an aborted session is final, otherwise wait for the payment.
  if (verify?.data) return settle(classifySession({ status: verify.data.client_session_status }), timedOut);
  return verifying;
}
