// The documented test cards and the card form's rules, shared by the drop-in API and the hosted page.
import type { AuthorizationStatus, PaymentCard } from '../../core/wire/payment.ts';
import type { FieldIssue } from '../shared/http.ts';

/** Any future expiry (MM/YY) and any 3-digit security code. Other card numbers are refused with a form error. */
export const TEST_CARDS: Readonly<Record<string, { status: AuthorizationStatus; label: string }>> = {
  '4111111111111111': { status: 'AUTHORIZED', label: 'authorized' },
  '4000000000000002': { status: 'REFUSED', label: 'refused' },
  '4000000000000077': { status: 'PENDING', label: 'pending, then authorized' },
};

const formatCardNumber = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** One line listing the test cards, for hints and error messages. */
export const TEST_CARD_HINT = `Test cards: ${Object.entries(TEST_CARDS)
  .map(([number, card]) => `${formatCardNumber(number)} (${card.label})`)
  .join(', ')}.`;

export function testCardDetails(number: string, month: string, year: string): PaymentCard {
  return {
    bin: number.slice(0, 6),
    last_four_digits: number.slice(-4),
    expiry_month: month,
    expiry_year: year,
    country_code: 'FR',
    selected_network: 'VISA',
    three_ds: { eci: '05', version: '2.2.0', flow: 'FRICTIONLESS' },
  };
}

export interface CardForm {
  card_number?: unknown;
  expiry?: unknown;
  cvc?: unknown;
}

export type CheckedCard =
  | { ok: true; status: AuthorizationStatus; card: PaymentCard }
  | { ok: false; issues: FieldIssue[] };

/** Checks the card form against the clock (`now` ms): a documented test card, a future MM/YY, 3 digits. */
export function checkCardForm(form: CardForm, now: number): CheckedCard {
  const issues: FieldIssue[] = [];
  const number = typeof form.card_number === 'string' ? form.card_number.replace(/[\s-]/g, '') : '';
  const known = Object.hasOwn(TEST_CARDS, number) ? TEST_CARDS[number] : undefined;
  if (!/^\d{12,19}$/.test(number)) issues.push({ pointer: '/card_number', detail: 'Enter a card number.' });
  else if (!known) issues.push({ pointer: '/card_number', detail: `This mock only accepts test cards. ${TEST_CARD_HINT}` });
  const expiry = typeof form.expiry === 'string' ? /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(form.expiry) : null;
  const month = expiry ? Number(expiry[1]) : 0;
  const year = expiry ? 2000 + Number(expiry[2]) : 0;
  if (!expiry || month < 1 || month > 12) issues.push({ pointer: '/expiry', detail: 'Enter the expiry date as MM/YY.' });
  // A card is valid until the end of its expiry month.
  else if (Date.UTC(year, month, 1) <= now) issues.push({ pointer: '/expiry', detail: 'This card has expired.' });
  if (typeof form.cvc !== 'string' || !/^\d{3}$/.test(form.cvc.trim())) {
    issues.push({ pointer: '/cvc', detail: 'Enter the 3-digit security code.' });
  }
  if (issues.length || !known || !expiry) return { ok: false, issues };
  return { ok: true, status: known.status, card: testCardDetails(number, expiry[1]!, expiry[2]!) };
}
