// The field rules of XCO values, in one place for the browser (parseIdentifier), the merchant handler and the Purse
// mock: the handler is then exactly as strict as Purse (as the mock plays it), so no value Purse refuses leaves the
// merchant server, and the shopper sees the same field error in the browser.

/** One "@", no spaces, a dotted domain with no empty label (`a@b..com`, `a@.b.com`, `a@b.com.` are refused). */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
/** E.164: "+", a country code that does not start with 0, 7 to 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Characters no one types on purpose and that can disguise a value: C0/C1 controls, bidirectional overrides and
 * isolates (`ab\u202e@example.com` reads as another address), zero-width and invisible formatting characters.
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
/** In names and addresses, zero-width joiners belong to some scripts: only controls and direction overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/;

export const hasHiddenCharacters = (value: string): boolean => HIDDEN.test(value);
export const hasControlCharacters = (value: string): boolean => CONTROL.test(value);

/** The email rule of XCO: at most 254 characters, one "@", a dotted domain, no hidden characters. */
export const isValidEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value) && !HIDDEN.test(value);
export const isE164 = (value: string): boolean => E164.test(value);

/** Longest value of each free-text field Purse takes (XCO create user). */
export const XCO_TEXT_LIMITS = {
  first_name: 100,
  last_name: 100,
  street_address: 255,
  address_complement: 255,
  locality: 100,
  postal_code: 20,
  country: 100,
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, not before 1900 and not after `today` (epoch ms). */
export function isPastIsoDate(value: string, today: number): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && time <= today;
}

/** Consent challenge ids are UUIDs. */
export const CHALLENGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
