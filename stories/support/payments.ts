// Payments made for real before a PaymentStatus story renders: the shopper pays a client session through the Purse
// emulator's drop-in API (as its drop-in script does) or a payment link through its page's form; the back office uses
// the server's Purse client. Purse then redirects with a real RS256-signed `purse-redirection-data` token.
import type { Currency, PaymentLink } from '../../src/core/wire/payment.ts';
import { MOCK_CREDENTIALS, MOCK_TEST_CARDS } from '../../src/mock-server/index.ts';
import type { MockPurseOptions } from '../../src/mock-server/index.ts';
import { createPurseClient } from '../../src/server/index.ts';
import type { TestStack } from '../../src/test/stack.ts';
import { createShopStack, PURSE_ORIGIN } from './purse-origin.ts';

const cardOf = (status: string) => {
  const entry = Object.entries(MOCK_TEST_CARDS).find(([, card]) => card.status === status);
  if (!entry) throw new Error(`The Purse emulator has no ${status} test card.`);
  return entry[0];
};

/** The emulator's test cards. */
export const CARDS = { authorized: cardOf('AUTHORIZED'), refused: cardOf('REFUSED'), pending: cardOf('PENDING') };

export interface Shop {
  stack: TestStack;
  /** The shopper checks out (a session for the merchant's cart) and pays with `card`. */
  pay(card: string): Promise<{ paymentId: string; sessionId: string; token: string }>;
  backOffice: ReturnType<typeof createPurseClient>;
  /** The back office sends the shopper a payment link for the cart. */
  createLink(): Promise<PaymentLink>;
  /** The shopper submits the payment link page's card form. */
  payLink(id: string, card: string): Promise<void>;
}

export function createShop(order: { amount: number; currency: Currency }, purse?: Omit<MockPurseOptions, 'testMode' | 'baseUrl'>): Shop {
  const stack = createShopStack({ order, purse });
  const purseFetch = (input: string | URL | Request, init?: RequestInit) => stack.purse.fetch(new Request(input, init));
  const backOffice = createPurseClient({
    ...MOCK_CREDENTIALS,
    tokenUrl: `${PURSE_ORIGIN}/oauth2/token`,
    xcoApiUrl: PURSE_ORIGIN,
    paymentApiUrl: `${PURSE_ORIGIN}/payment`,
    fetch: purseFetch,
  });
  const card = (number: string) => ({ card_number: number, expiry: '12/39', cvc: '123' });

  return {
    stack,
    backOffice,
    async pay(number) {
      const session = await stack.backend.createSession({});
      const response = await purseFetch(`${PURSE_ORIGIN}/dropin/api/sessions/${session.id}/payments`, {
        method: 'POST',
        headers: { authorization: `Widget ${session.widget?.data}`, 'content-type': 'application/json' },
        body: JSON.stringify(card(number)),
      });
      if (response.status !== 201) throw new Error(`The emulator refused the payment: ${response.status} ${await response.text()}`);
      const paid = (await response.json()) as { payment_id: string; redirect_url: string };
      const token = new URL(paid.redirect_url).searchParams.get('purse-redirection-data');
      if (!token) throw new Error(`No redirect token in ${paid.redirect_url}.`);
      return { paymentId: paid.payment_id, sessionId: session.id, token };
    },
    createLink: () =>
      backOffice.createPaymentLink({
        amount: order.amount,
        currency: order.currency,
        shopper_redirection_url: 'https://shop.example/checkout/return',
        order: { reference: 'invoice-1' },
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    async payLink(id, number) {
      const page = await (await purseFetch(`${PURSE_ORIGIN}/payment-link/${id}`)).text();
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error('The payment link page has no card form.');
      const response = await purseFetch(`${PURSE_ORIGIN}${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(card(number)),
      });
      if (response.status >= 400) throw new Error(`The payment link page refused the form: ${response.status}.`);
    },
  };
}
