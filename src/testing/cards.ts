// Paying with the mock's test cards in a Playwright page: the same form in both drop-in generations (Drop-in
// Checkout, Widget v3) and on the hosted page, in any of the mock's languages.
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { MOCK_TEXTS, type MockTextKey } from '../mock-server/payment/texts/index.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What `key` reads in any language, as an exact match; {amount} stands for any text. */
const anyLanguage = (key: MockTextKey) =>
  new RegExp(`^(?:${Object.values(MOCK_TEXTS).map((texts) => escape(texts[key]).replace('\\{amount\\}', '.+')).join('|')})$`);

/** The mock's test cards by outcome. Any future expiry date and any 3-digit security code go with them. */
export const TEST_CARDS = {
  /** Authorized at once. */
  authorized: '4111 1111 1111 1111',
  /** Refused by the issuer. */
  refused: '4000 0000 0000 0002',
  /** Pending, then authorized after the mock's `pendingSettleMs` (4 s by default). */
  pending: '4000 0000 0000 0077',
} as const;

/** A name of `TEST_CARDS`. */
export type TestCardName = keyof typeof TEST_CARDS;

/** Options of `payWithTestCard`. */
export interface PayWithTestCardOptions {
  /**
   * Where the card form is: the page section of one checkout when a page has several.
   * @defaultValue the whole page
   */
  within?: Locator | FrameLocator;
  /**
   * Expiry date as MM/YY.
   * @defaultValue '12/34'
   */
  expiry?: string;
  /**
   * Security code.
   * @defaultValue '123'
   */
  cvc?: string;
  /**
   * Click the form's pay button. `false` when the page has its own (e.g. `hidePayButton`): only the fields are filled.
   * @defaultValue true
   */
  submit?: boolean;
}

/**
 * Fills the mock drop-in's (or hosted page's) card form with a named test card and presses "Pay". It does not wait
 * for what follows: assert the return page, e.g. `await page.waitForURL(/purse-redirection-data=/)`.
 * @example `await payWithTestCard(page, 'authorized')`
 */
export async function payWithTestCard(
  page: Page,
  card: TestCardName,
  { within, expiry = '12/34', cvc = '123', submit = true }: PayWithTestCardOptions = {},
): Promise<void> {
  const scope = within ?? page.locator('body');
  await scope.getByLabel(anyLanguage('field.cardNumber')).fill(TEST_CARDS[card]);
  await scope.getByLabel(anyLanguage('field.expiry')).fill(expiry);
  await scope.getByLabel(anyLanguage('field.cvc')).fill(cvc);
  if (submit) await scope.getByRole('button', { name: anyLanguage('pay') }).click();
}
