// Validation of the bodies createHttpBackend sends (src/core/backend/backend.ts inputs). Only known fields are kept, so nothing
// the browser adds (a customer_reference, a caller_id…) ever reaches Purse.
import type { XcoAddress, XcoIdentifier, XcoUser } from '../../core/wire/xco.ts';
import type { FieldProblem } from './http.ts';
import { isObject } from '../purse/transport-util.ts';
import { CHALLENGE_ID, hasControlCharacters, hasHiddenCharacters, isE164, isPastIsoDate, isValidEmail, XCO_TEXT_LIMITS } from '../../core/wire/xco-rules.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

type Obj = Record<string, unknown>;

const CODE = /^[A-Za-z0-9]{4,12}$/;

const emailProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value.length > 254) return 'Enter a valid email address.';
  if (hasHiddenCharacters(value)) return 'Remove the invisible or control characters from the email address.';
  return isValidEmail(value) ? undefined : 'Enter a valid email address.';
};
const phoneProblem = (value: unknown): string | undefined =>
  typeof value !== 'string' || !isE164(value) ? 'Enter the phone number in international format, e.g. +33612345678.' : undefined;

/** Exactly one of `email` / `phone_number` in `source`; errors point under `prefix` (e.g. "/identifier"). */
export function checkIdentifier(source: unknown, prefix: string): Checked<XcoIdentifier> {
  if (!isObject(source)) return { ok: false, errors: [{ pointer: prefix || '/', detail: 'Send an email or a phone number.' }] };
  const hasEmail = source.email !== undefined && source.email !== null && source.email !== '';
  const hasPhone = source.phone_number !== undefined && source.phone_number !== null && source.phone_number !== '';
  if (hasEmail && hasPhone) {
    return { ok: false, errors: [{ pointer: `${prefix}/phone_number`, detail: 'Send an email or a phone number, not both.' }] };
  }
  if (hasEmail) {
    const detail = emailProblem(typeof source.email === 'string' ? source.email.trim() : source.email);
    if (detail) return { ok: false, errors: [{ pointer: `${prefix}/email`, detail }] };
    return { ok: true, value: { email: (source.email as string).trim() } };
  }
  if (hasPhone) {
    const detail = phoneProblem(source.phone_number);
    if (detail) return { ok: false, errors: [{ pointer: `${prefix}/phone_number`, detail }] };
    return { ok: true, value: { phone_number: source.phone_number as string } };
  }
  return { ok: false, errors: [{ pointer: `${prefix}/email`, detail: 'Enter an email address or a phone number.' }] };
}

/** A stable form of an identifier for comparisons (emails are case-insensitive in practice). */
export const identifierKey = (identifier: XcoIdentifier): string =>
  identifier.email !== undefined ? `email:${identifier.email.toLowerCase()}` : `phone:${identifier.phone_number}`;

type TextField = keyof typeof XCO_TEXT_LIMITS;

function text(source: Obj, key: TextField, pointer: string, errors: FieldProblem[], required: boolean): string | undefined {
  const value = source[key];
  if (value === undefined || value === null || value === '') {
    if (required) errors.push({ pointer: `${pointer}/${key}`, detail: 'This field is required.' });
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ pointer: `${pointer}/${key}`, detail: 'Enter text.' });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > XCO_TEXT_LIMITS[key]) {
    errors.push({ pointer: `${pointer}/${key}`, detail: `Use at most ${XCO_TEXT_LIMITS[key]} characters.` });
    return undefined;
  }
  if (hasControlCharacters(trimmed)) {
    errors.push({ pointer: `${pointer}/${key}`, detail: 'Remove the control or direction-override characters.' });
    return undefined;
  }
  return trimmed;
}

function checkAddress(source: unknown, pointer: string, errors: FieldProblem[]): XcoAddress | undefined {
  if (!isObject(source)) {
    errors.push({ pointer, detail: 'An address must be an object.' });
    return undefined;
  }
  const before = errors.length;
  if (source.address_type !== 'billing' && source.address_type !== 'shipping') {
    errors.push({ pointer: `${pointer}/address_type`, detail: 'Use "billing" or "shipping".' });
  }
  const address = {
    address_type: source.address_type as XcoAddress['address_type'],
    street_address: text(source, 'street_address', pointer, errors, true),
    address_complement: text(source, 'address_complement', pointer, errors, false),
    locality: text(source, 'locality', pointer, errors, true),
    postal_code: text(source, 'postal_code', pointer, errors, true),
    country: text(source, 'country', pointer, errors, true),
  };
  if (errors.length > before) return undefined;
  if (address.address_complement === undefined) delete address.address_complement;
  return address as XcoAddress;
}

/**
 * The user of a create request. Email and phone are optional here: the route takes them from the identity the
 * merchant vouches for, and requires the email Purse needs.
 */
export function checkUser(source: unknown, pointer: string, today: number): Checked<XcoUser> {
  if (!isObject(source)) return { ok: false, errors: [{ pointer, detail: 'Send the user as an object.' }] };
  const errors: FieldProblem[] = [];
  const user: XcoUser = {};
  const present = (key: string) => source[key] !== undefined && source[key] !== null && source[key] !== '';
  if (present('email')) {
    const detail = emailProblem(typeof source.email === 'string' ? source.email.trim() : source.email);
    if (detail) errors.push({ pointer: `${pointer}/email`, detail });
    else user.email = (source.email as string).trim();
  }
  if (present('phone_number')) {
    const detail = phoneProblem(source.phone_number);
    if (detail) errors.push({ pointer: `${pointer}/phone_number`, detail });
    else user.phone_number = source.phone_number as string;
  }
  const first = text(source, 'first_name', pointer, errors, false);
  if (first !== undefined) user.first_name = first;
  const last = text(source, 'last_name', pointer, errors, false);
  if (last !== undefined) user.last_name = last;
  if (present('gender')) {
    if (source.gender === 'male' || source.gender === 'female' || source.gender === 'other') user.gender = source.gender;
    else errors.push({ pointer: `${pointer}/gender`, detail: 'Use "male", "female" or "other".' });
  }
  if (present('birthdate')) {
    if (typeof source.birthdate === 'string' && isPastIsoDate(source.birthdate, today)) user.birthdate = source.birthdate;
    else errors.push({ pointer: `${pointer}/birthdate`, detail: 'Enter a past date as YYYY-MM-DD.' });
  }
  if (source.addresses !== undefined && source.addresses !== null) {
    if (!Array.isArray(source.addresses) || source.addresses.length > 10) {
      errors.push({ pointer: `${pointer}/addresses`, detail: 'Send at most 10 addresses as a list.' });
    } else {
      const addresses = source.addresses.map((a, i) => checkAddress(a, `${pointer}/addresses/${i}`, errors));
      user.addresses = addresses.filter((a): a is XcoAddress => a !== undefined);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: user };
}

/**
 * The identifier of a verify/consent body: `{ identifier: { email } }` (the MerchantBackend input) or, for callers
 * that send the XCO wire shape, a top-level `email` / `phone_number`.
 */
function bodyIdentifier(body: Obj): Checked<XcoIdentifier> & { prefix: string } {
  const nested = body.identifier !== undefined;
  const prefix = nested ? '/identifier' : '';
  return { ...checkIdentifier(nested ? body.identifier : body, prefix), prefix };
}

export function checkVerifyBody(body: Obj): Checked<{ identifier: XcoIdentifier; code: string; prefix: string }> {
  const identifier = bodyIdentifier(body);
  const errors = identifier.ok ? [] : [...identifier.errors];
  const code = typeof body.verification_code === 'string' ? body.verification_code.replace(/[\s-]/g, '') : undefined;
  if (code === undefined || !CODE.test(code)) {
    errors.push({ pointer: '/verification_code', detail: 'Enter the code you received.' });
  }
  if (!identifier.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { identifier: identifier.value, code: code!, prefix: identifier.prefix } };
}

export function checkConsentBody(body: Obj): Checked<{ identifier: XcoIdentifier; challenge: string; prefix: string }> {
  const identifier = bodyIdentifier(body);
  const errors = identifier.ok ? [] : [...identifier.errors];
  const challenge = body.consent_challenge_id;
  if (typeof challenge !== 'string' || !CHALLENGE_ID.test(challenge)) {
    errors.push({ pointer: '/consent_challenge_id', detail: 'Send the consent_challenge_id returned by the code verification.' });
  }
  if (!identifier.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { identifier: identifier.value, challenge: challenge as string, prefix: identifier.prefix } };
}
