// The second half of redirect verification: the token's claims name a session and a payment; their statuses come from
// Purse, never from the token (it may be minutes old, and a PENDING payment may have settled since).
import type { VerifiedRedirect } from '../../core/backend/views.ts';
import type { ClientSession, Payment, RedirectTokenClaims } from '../../core/wire/payment.ts';
import type { PaymentApi } from './payment-api.ts';
import { RedirectTokenError } from './redirect-token.ts';
import { toShopperPayment } from '../handler/views.ts';

/** A verified redirect token, confirmed against Purse: what it names, as Purse has it now. */
export interface ConfirmedRedirect {
  /** The client session the token names, read from Purse. */
  session: ClientSession;
  /** The session's payment, read from Purse; `undefined` when none was made yet. */
  payment: Payment | undefined;
  /** The browser's view: statuses from Purse. */
  verified: VerifiedRedirect;
}

/**
 * Reads the session and payment the verified claims name from Purse, and checks that they belong together. Rejects
 * with `RedirectTokenError` (`mismatch`) when they do not, `PurseApiError` when Purse fails.
 */
export async function confirmRedirect(
  client: Pick<PaymentApi, 'getClientSession' | 'getPayment'>,
  claims: RedirectTokenClaims,
): Promise<ConfirmedRedirect> {
  const session = await client.getClientSession(claims.client_session_id);
  if (session.id !== claims.client_session_id) {
    throw new RedirectTokenError('mismatch', 'Purse answered with another client session than the redirect token names.');
  }
  if (claims.payment_id && session.payment_id && claims.payment_id !== session.payment_id) {
    throw new RedirectTokenError('mismatch', 'The redirect token names another payment than its client session has.');
  }
  const paymentId = session.payment_id ?? claims.payment_id;
  const payment = paymentId ? await client.getPayment(paymentId) : undefined;
  if (payment && payment.client_session_id !== session.id) {
    throw new RedirectTokenError('mismatch', 'The payment named by the redirect token belongs to another client session.');
  }
  const verified: VerifiedRedirect = { client_session_id: session.id, client_session_status: session.status };
  if (payment) {
    verified.payment_id = payment.id;
    verified.payment = toShopperPayment(payment);
  }
  return { session, payment, verified };
}
