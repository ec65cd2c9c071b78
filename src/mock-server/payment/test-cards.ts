// The documented test cards and the card form's rules, shared by the drop-in API and the hosted page.
import type { AuthorizationStatus, PaymentCard } from '../../core/wire/payment.ts';
import type { FieldIssue } from '../shared/http.ts';
import { uuid } from '../shared/util.ts';

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

/**
 * Identifies a card across payments without revealing its number: the same number always gives the same value.
 * Five FNV-1a rounds (synchronous, so a payment is created without awaiting), 20 bytes in base64 like the sample's.
 */
export function cardFingerprint(number: string): string {
  const bytes: number[] = [];
  for (let round = 0; round < 5; round++) {
    let hash = (0x811c9dc5 ^ (round * 0x9e3779b9)) >>> 0;
    for (const char of `purse-mock:${round}:${number}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    bytes.push(hash >>> 24, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff);
  }
  return btoa(String.fromCharCode(...bytes));
}

/** The card object of a payment, as in the samples. `holderName`: who the shopper is, when known. */
export function testCardDetails(number: string, month: string, year: string, holderName?: string): PaymentCard {
  return {
    bin: number.slice(0, 6),
    last_four_digits: number.slice(-4),
    ...(holderName && { holder_name: holderName }),
    expiry_month: month,
    expiry_year: year,
    country_code: 'FR',
    fingerprint: cardFingerprint(number),
    selected_network: 'VISA',
    three_ds: { eci: '05', version: '2.2.0', flow: 'FRICTIONLESS', ds_transaction_id: uuid(), acs_transaction_id: uuid() },
  };
}

export interface CardForm {
  /** Optional: forms that ask for it pass it on; otherwise the customer's name stands for it. */
  holder_name?: unknown;
  card_number?: unknown;
  expiry?: unknown;
  cvc?: unknown;
}

export type CheckedCard =
  | { ok: true; status: AuthorizationStatus; card: PaymentCard }
  | { ok: false; issues: FieldIssue[] };

/** A holder name given by the form, else `fallback` (the session's customer), else none. */
const holderOf = (form: CardForm, fallback: string | undefined): string | undefined =>
  typeof form.holder_name === 'string' && form.holder_name.trim() !== '' ? form.holder_name.trim().slice(0, 100) : fallback;

/** Checks the card form against the clock (`now` ms): a documented test card, a future MM/YY, 3 digits. */
export function checkCardForm(form: CardForm, now: number, holderFallback?: string): CheckedCard {
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
  return { ok: true, status: known.status, card: testCardDetails(number, expiry[1]!, expiry[2]!, holderOf(form, holderFallback)) };
}
