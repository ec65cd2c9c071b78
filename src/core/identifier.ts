// One field, email or phone. Phones go through libphonenumber-js, whose metadata is loaded ONLY when the shopper
// types a phone: the import below is dynamic and nothing in the browser entry imports the library statically.
import type { CountryCode } from 'libphonenumber-js';
import type * as PhoneLibModule from 'libphonenumber-js/min';
import type { IdentifierInvalidReason } from './signup/types.ts';
import type { XcoIdentifier } from './wire/xco.ts';
import { hasHiddenCharacters, isValidEmail } from './wire/xco-rules.ts';

export type { CountryCode };

export type ParsedIdentifier =
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone_number: string }
  | { kind: 'invalid'; reason: IdentifierInvalidReason };

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

type PhoneLib = typeof PhoneLibModule;
let phoneLib: Promise<PhoneLib> | undefined;
/** The parser once loaded, for synchronous formatting in views. */
let loadedPhoneLib: PhoneLib | undefined;

/** Loads the phone parser and its metadata once. Call it early (first phone-like keystroke) to hide the latency. */
export function loadPhoneLib(): Promise<PhoneLib> {
  phoneLib ??= import('libphonenumber-js/min').then(
    (lib) => (loadedPhoneLib = lib),
    (error: unknown) => {
      phoneLib = undefined; // a failed chunk load may succeed later
      throw error;
    },
  );
  return phoneLib;
}

/**
 * An E.164 number as the shopper writes it: "06 12 34 56 78" when it is a number of `defaultCountry`, "+44 7911 123456"
 * otherwise. As given until the phone parser has loaded (it has whenever the shopper typed a phone: parsing loads it).
 */
export function formatPhoneNumber(e164: string, defaultCountry?: CountryCode): string {
  const phone = loadedPhoneLib?.parsePhoneNumberFromString(e164);
  if (!phone?.isValid()) return e164;
  return defaultCountry && phone.country === defaultCountry ? phone.formatNational() : phone.formatInternational();
}

export interface ParseIdentifierOptions {
  /** Country for numbers typed without an international prefix, e.g. 'FR' for "06 12 34 56 78". */
  defaultCountry?: CountryCode;
}

/** Email → trimmed email; phone → E.164. Never rejects: an unloadable phone parser gives `reason: 'unavailable'`. */
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
      let lib: PhoneLib;
      try {
        lib = await loadPhoneLib();
      } catch {
        return { kind: 'invalid', reason: 'unavailable' };
      }
      const phone = lib.parsePhoneNumberFromString(text, options.defaultCountry);
      return phone?.isValid() ? { kind: 'phone', phone_number: phone.number } : { kind: 'invalid', reason: 'phone' };
    }
  }
}

/** The API shape of a valid parse result. */
export function toXcoIdentifier(parsed: Exclude<ParsedIdentifier, { kind: 'invalid' }>): XcoIdentifier {
  return parsed.kind === 'email' ? { email: parsed.email } : { phone_number: parsed.phone_number };
}
