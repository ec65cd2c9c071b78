// @vitest-environment node
// The browser adapter (createHttpBackend) against the real handler against the real mock, for checkout and payment
// status: both sides of src/core/backend/routes.ts agree, and errors reach the browser as PurseKitErrors.
import { describe, expect, it } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import { CARDS, checkoutShop, kitError } from '../test-support.ts';

function browser(customer: string) {
  const s = checkoutShop();
  const backend = createHttpBackend({
    baseUrl: 'https://shop.test/api/purse',
    retry: { sleep: async () => undefined },
    fetch: (input, init) => {
      const headers = new Headers(init.headers);
      headers.set('x-session', customer);
      return s.handler(new Request(input, { ...init, headers }));
    },
  });
  return { ...s, backend };
}

describe('createHttpBackend ⇄ createMerchantHandler ⇄ Purse mock: checkout and status', () => {
  it('create, read and abort a session; eligible methods', async () => {
    const b = browser('cust_1');
    const session = await b.backend.createSession({ integration_mode: 'EMBEDDED', order_reference: 'cart-1' });
    expect(session).toMatchObject({ status: 'CREATED', amount: 4299, currency: 'EUR', widget: { js_url: expect.any(String) } });
    expect(await b.backend.getSession(session.id)).toEqual(session);
    expect((await b.backend.abortSession(session.id)).status).toBe('ABORTED_BY_CUSTOMER');
    expect(await b.backend.getEligibleSolutions({ order_reference: 'cart-1' })).toContainEqual({ partner: expect.any(String), method: 'creditcard' });
    // One click, one Purse session: the adapter's idempotency key reaches the handler.
    expect(b.calls('/payment/v2/client-sessions')).toHaveLength(1);
  });

  it('pay, come back with the token, verify, then follow the payment', async () => {
    const b = browser('cust_2');
    const session = await b.backend.createSession({});
    const { token, paymentId } = await b.pay(session, CARDS.pending);
    const verified = await b.backend.verifyRedirect(token);
    expect(verified).toMatchObject({ client_session_id: session.id, client_session_status: 'SUBMITTED', payment_id: paymentId });
    expect(verified.payment?.authorization_status).toBe('PENDING');
    b.purse.control.settlePayment(paymentId, 'AUTHORIZED');
    expect((await b.backend.getPayment(paymentId)).authorization_status).toBe('AUTHORIZED');
  });

  it('maps refusals: a disallowed mode is a validation error, a tampered token a request error, someone else’s session 404', async () => {
    const b = browser('cust_3');
    const mode = await kitError(b.backend.createSession({ integration_mode: 'POPUP' as never }));
    expect(mode).toMatchObject({ kind: 'validation', fields: { integration_mode: expect.any(String) } });
    const session = await b.backend.createSession({});
    const { token } = await b.pay(session);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload!.slice(0, -2)}${payload!.endsWith('A') ? 'B' : 'A'}${payload!.slice(-1)}.${signature}`;
    const invalid = await kitError(b.backend.verifyRedirect(tampered));
    expect(invalid).toMatchObject({ kind: 'request', status: 400, code: 'invalid_redirect_token', message: expect.stringMatching(/signature/) });

    const other = browser('cust_4');
    const theirs = await other.backend.createSession({});
    const stranger = createHttpBackend({
      baseUrl: 'https://shop.test/api/purse',
      retry: false,
      fetch: (input, init) => {
        const headers = new Headers(init.headers);
        headers.set('x-session', 'cust_3');
        return other.handler(new Request(input, { ...init, headers }));
      },
    });
    expect(await kitError(stranger.getSession(theirs.id))).toMatchObject({ kind: 'request', status: 404, code: 'session_not_found' });
  });
});
