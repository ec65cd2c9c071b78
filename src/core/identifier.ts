// One field, email or phone. Phones go through libphonenumber-js, loaded ONLY when the shopper types a phone: the
// import below is dynamic and nothing in the browser entry imports the library statically. Its metadata comes in
// zones (phone/parse.ts): the parser loads only the numbering plans the number typed can need.
import type { CountryCode } from 'libphonenumber-js';
import { loadedPhone } from './phone/loaded.ts';
import type * as PhoneParserModule from './phone/parse.ts';
import type { ParsedPhone } from './phone/parse.ts';
import type { IdentifierInvalidReason } from './signup/types.ts';
import type { XcoIdentifier } from './wire/xco.ts';
import { hasHiddenCharacters, isValidEmail } from './wire/xco-rules.ts';

export type { CountryCode };

/**
 * What `parseIdentifier` made of the text: an email, an E.164 phone number that can receive the code by text message,
 * or why it is neither (`not_mobile`: a number of `country`, the one it was read as, that cannot take a text).
 */
export type ParsedIdentifier =
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone_number: string }
  | { kind: 'invalid'; reason: Exclude<IdentifierInvalidReason, 'not_mobile'> }
  | { kind: 'invalid'; reason: 'not_mobile'; country: CountryCode };

/** What a text looks like at a glance (`detectIdentifierKind`), before it is parsed. */
export type IdentifierKind = 'empty' | 'email' | 'phone' | 'unknown';

// Digits and the separators people type in phone numbers, optionally after a "+".
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/** The rule the merchant handler and Purse apply too (wire/xco-rules.ts). */
export { isValidEmail };

/** What the text looks like, cheaply and synchronously (no phone metadata needed). */
export function detectIdentifierKind(input: string): IdentifierKind {
  const text = input.trim();
  if (text === '') return 'empty';
  if (text.includes('@')) return 'email';
  if (PHONE_LIKE.test(text) && /\d/.test(text)) return 'phone';
  return 'unknown';
}

type PhoneParser = typeof PhoneParserModule;
let phoneParser: Promise<PhoneParser> | undefined;

function loadParser(): Promise<PhoneParser> {
  phoneParser ??= import('./phone/parse.ts').then(
    (parser) => (loadedPhone.parser = parser),
    (error: unknown) => {
      phoneParser = undefined; // a failed chunk load may succeed later
      throw error;
    },
  );
  return phoneParser;
}

/**
 * Loads the phone parser, and the numbering plans `input` can need with this default country, once. Call it early
 * (on the first phone-like keystroke) so that parsing does not wait for them.
 */
export async function loadPhoneLib(input = '', defaultCountry?: CountryCode): Promise<void> {
  await (await loadParser()).loadZones(input, defaultCountry);
}

/** Options of `parseIdentifier`. */
export interface ParseIdentifierOptions {
  /**
   * Country for numbers typed without an international prefix, e.g. 'FR' for "06 12 34 56 78".
   * @defaultValue none: such numbers are refused (`reason: 'phone'`)
   */
  defaultCountry?: CountryCode;
}

/**
 * Email → trimmed email; phone → E.164, when it can receive a text message (Purse sends the code by SMS). Never
 * rejects: an unloadable phone parser gives `reason: 'unavailable'`.
 */
export async function parseIdentifier(input: string, options: ParseIdentifierOptions = {}): Promise<ParsedIdentifier> {
  const text = input.trim();
  // Invisible and direction-changing characters could make one address look like another: refuse, never strip.
  if (hasHiddenCharacters(text)) return { kind: 'invalid', reason: 'characters' };
  switch (detectIdentifierKind(text)) {
    case 'empty':
      return { kind: 'invalid', reason: 'empty' };
    case 'unknown':
      return { kind: 'invalid', reason: 'unknown' };
    case 'email':
      return isValidEmail(text) ? { kind: 'email', email: text } : { kind: 'invalid', reason: 'email' };
    case 'phone': {
      let phone: ParsedPhone | undefined;
      try {
        phone = await (await loadParser()).parsePhone(text, options.defaultCountry);
      } catch {
        return { kind: 'invalid', reason: 'unavailable' };
      }
      if (!phone) return { kind: 'invalid', reason: 'phone' };
      return phone.mobile ? { kind: 'phone', phone_number: phone.number } : { kind: 'invalid', reason: 'not_mobile', country: phone.country };
    }
  }
}

/** The API shape of a valid parse result. */
export function toXcoIdentifier(parsed: Exclude<ParsedIdentifier, { kind: 'invalid' }>): XcoIdentifier {
  return parsed.kind === 'email' ? { email: parsed.email } : { phone_number: parsed.phone_number };
}
