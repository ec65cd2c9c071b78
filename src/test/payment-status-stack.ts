// Test support for the payment status page over the real in-process stack (adapter → merchant handler → Purse
// emulator): a shop whose cart the merchant server decides, a shopper who pays through the mock's drop-in API or a
// payment link page, a back office (the server's Purse client), and a log of the browser's requests.
import type { CheckoutSession } from '../core/backend/views.ts';
import { createHttpBackend } from '../core/backend/http-backend.ts';
import type { Currency, PaymentLink } from '../core/wire/payment.ts';
import { MOCK_CREDENTIALS } from '../mock-server/index.ts';
import { createPurseClient } from '../server/index.ts';
import { createTestStack } from './stack.ts';

const PURSE = 'http://purse.test';
export const RETURN_URL = 'https://shop.test/checkout/return';

/** The mock's test cards (any future expiry, any 3-digit CVC). */
export const CARDS = { authorized: '4111 1111 1111 1111', refused: '4000 0000 0000 0002', pending: '4000 0000 0000 0077' } as const;

export interface StatusStackOptions {
  /** The cart, in minor units. Default 4299 EUR. */
  amount?: number;
  currency?: Currency;
  /** The servers' clock (Purse's and the merchant's), apart from the browser's `Date.now`. Default: `Date.now`. */
  now?: () => number;
}

export function createStatusStack({ amount = 4299, currency = 'EUR', now }: StatusStackOptions = {}) {
  const stack = createTestStack({
    // A pending payment stays pending until the test settles it (control.settlePayment): the mock's own settling runs
    // on the real clock, which a loaded machine moves by seconds while a test drives a fake one.
    purse: { pendingSettleMs: Infinity, ...(now && { now }) },
    handler: {
      ...(now && { now }),
      resolveOrder: () => ({ amount, currency, order: { reference: 'order-1' } }),
      checkout: { shopperRedirectionUrl: RETURN_URL },
    },
  });
  const purseFetch = (input: string | URL | Request, init?: RequestInit) => stack.purse.fetch(new Request(input, init));

  /** "POST /payments/verify-redirect", "GET /payments/{id}"… as the browser sent them, in order. */
  const requests: string[] = [];
  /** The browser's adapter (one attempt per call, so counts are exact). Setup calls go through `stack.backend`. */
  const backend = createHttpBackend({
    baseUrl: 'http://merchant.test/api/purse',
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname.replace('/api/purse', '')}`);
      return stack.handler(request);
    },
  });

  const backOffice = createPurseClient({
    ...MOCK_CREDENTIALS,
    tokenUrl: `${PURSE}/oauth2/token`,
    xcoApiUrl: PURSE,
    paymentApiUrl: `${PURSE}/payment`,
    fetch: purseFetch,
  });

  /** The shopper pays `session` with `card` as the drop-in script does; Purse redirects with a signed token. */
  async function paySession(session: CheckoutSession, card: string = CARDS.authorized) {
    const response = await purseFetch(`${PURSE}/dropin/api/sessions/${session.id}/payments`, {
      method: 'POST',
      headers: { authorization: `Widget ${session.widget!.data}`, 'content-type': 'application/json' },
      body: JSON.stringify({ card_number: card, expiry: '12/30', cvc: '123' }),
    });
    if (response.status !== 201) throw new Error(`the mock refused the payment: ${response.status} ${await response.text()}`);
    const paid = (await response.json()) as { payment_id: string; redirect_url: string };
    const token = new URL(paid.redirect_url).searchParams.get('purse-redirection-data');
    if (!token) throw new Error(`no token in ${paid.redirect_url}`);
    return { session, paymentId: paid.payment_id, token };
  }

  /** The shopper checks out (a session for the merchant's cart) and pays with `card`. */
  const pay = async (card: string = CARDS.authorized) => paySession(await stack.backend.createSession({}), card);

  /** The back office sends the shopper a payment link. */
  const createLink = (expiresInMs = 3_600_000): Promise<PaymentLink> =>
    backOffice.createPaymentLink({
      amount,
      currency,
      shopper_redirection_url: RETURN_URL,
      order: { reference: 'invoice-1' },
      expires_at: new Date(Date.now() + expiresInMs).toISOString(),
    });

  /** The shopper opens the link's page and submits its card form. */
  async function payLink(id: string, card: string) {
    const html = await (await purseFetch(`${PURSE}/payment-link/${id}`)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the payment link page: ${html.slice(0, 200)}`);
    const body = new URLSearchParams({ card_number: card, expiry: '12/30', cvc: '123' });
    return purseFetch(`${PURSE}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  return {
    ...stack,
    backend,
    /** Another adapter on the same handler, for the test's own setup calls (not in `requests`). */
    setupBackend: stack.backend,
    requests,
    count: (request: string) => requests.filter((r) => r === request).length,
    backOffice,
    pay,
    paySession,
    createLink,
    payLink,
  };
}

export type StatusStack = ReturnType<typeof createStatusStack>;
