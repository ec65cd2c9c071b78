// Request validation shaped like Purse's: every problem found, each with a JSON pointer (e.g. '/user/email').
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import type { FieldIssue } from '../shared/http.ts';
import { isRecord } from '../shared/http.ts';
import { CHALLENGE_ID, hasControlCharacters, isE164, isPastIsoDate, isValidEmail, XCO_TEXT_LIMITS } from '../../core/wire/xco-rules.ts';

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** One issue per field not in `allowed`, its pointer under `base` (JSON-pointer escaped). */
export function unknownFields(body: Record<string, unknown>, allowed: readonly string[], base = ''): FieldIssue[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ pointer: `${base}/${escapePointer(key)}`, detail: `Unknown field "${key}".` }));
}

function optionalString(body: Record<string, unknown>, key: string, base: string, issues: FieldIssue[], max = 255) {
  const value = body[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    issues.push({ pointer: `${base}/${key}`, detail: `${key} must be a non-empty string of at most ${max} characters.` });
  } else if (hasControlCharacters(value)) {
    issues.push({ pointer: `${base}/${key}`, detail: `${key} must not contain control or direction-override characters.` });
  }
}

function requiredString(body: Record<string, unknown>, key: string, base: string, issues: FieldIssue[], max = 255) {
  if (body[key] === undefined || body[key] === null) issues.push({ pointer: `${base}/${key}`, detail: `${key} is required.` });
  else optionalString(body, key, base, issues, max);
}

function checkEmail(value: unknown, pointer: string, issues: FieldIssue[]) {
  if (typeof value !== 'string' || !isValidEmail(value)) issues.push({ pointer, detail: 'Invalid email format.' });
}

function checkPhone(value: unknown, pointer: string, issues: FieldIssue[]) {
  if (typeof value !== 'string' || !isE164(value)) {
    issues.push({ pointer, detail: 'Invalid phone number: use the E.164 format, e.g. +33612345678.' });
  }
}

export type IdentifierInput = { identifier: XcoIdentifier; callerId?: string; verificationCode?: string };

/**
 * Exactly one of email or phone_number, plus caller_id and (on verify) verification_code. Used for the exists query
 * (`fields` from URLSearchParams, unknown parameters ignored) and the passwordless bodies (unknown fields refused).
 */
export function validateIdentifier(
  input: unknown,
  options: { requireCode: boolean; refuseUnknown: boolean },
): { ok: true; value: IdentifierInput } | { ok: false; issues: FieldIssue[] } {
  if (!isRecord(input)) return { ok: false, issues: [{ pointer: '', detail: 'The body must be a JSON object.' }] };
  const allowed = ['email', 'phone_number', 'caller_id', ...(options.requireCode ? ['verification_code'] : [])];
  const issues = options.refuseUnknown ? unknownFields(input, allowed, '') : [];
  const { email, phone_number, caller_id, verification_code } = input;
  if ((email === undefined) === (phone_number === undefined)) {
    issues.push({ pointer: '', detail: 'Provide exactly one of email or phone_number.' });
  } else if (email !== undefined) {
    checkEmail(email, '/email', issues);
  } else {
    checkPhone(phone_number, '/phone_number', issues);
  }
  optionalString(input, 'caller_id', '', issues);
  if (options.requireCode) requiredString(input, 'verification_code', '', issues, 32);
  if (issues.length) return { ok: false, issues };
  const identifier: XcoIdentifier = email !== undefined ? { email: email as string } : { phone_number: phone_number as string };
  return {
    ok: true,
    value: {
      identifier,
      ...(typeof caller_id === 'string' ? { callerId: caller_id } : {}),
      ...(typeof verification_code === 'string' ? { verificationCode: verification_code } : {}),
    },
  };
}

const USER_FIELDS = ['email', 'phone_number', 'first_name', 'last_name', 'gender', 'birthdate', 'addresses'] as const;
const ADDRESS_FIELDS = ['address_type', 'street_address', 'address_complement', 'locality', 'postal_code', 'country'];
const GENDERS = ['male', 'female', 'other'];
const ADDRESS_TYPES = ['billing', 'shipping'];

function validateAddress(address: unknown, base: string, issues: FieldIssue[]) {
  if (!isRecord(address)) {
    issues.push({ pointer: base, detail: 'An address must be an object.' });
    return;
  }
  issues.push(...unknownFields(address, ADDRESS_FIELDS, base));
  if (!ADDRESS_TYPES.includes(address.address_type as string)) {
    issues.push({ pointer: `${base}/address_type`, detail: `address_type must be one of ${ADDRESS_TYPES.join(', ')}.` });
  }
  requiredString(address, 'street_address', base, issues, XCO_TEXT_LIMITS.street_address);
  optionalString(address, 'address_complement', base, issues, XCO_TEXT_LIMITS.address_complement);
  requiredString(address, 'locality', base, issues, XCO_TEXT_LIMITS.locality);
  requiredString(address, 'postal_code', base, issues, XCO_TEXT_LIMITS.postal_code);
  requiredString(address, 'country', base, issues, XCO_TEXT_LIMITS.country);
}

/** POST /v1/merchants/{merchantId}/users: customer_reference and user (email required). */
export function validateCreateUser(body: unknown, today: number): FieldIssue[] {
  if (!isRecord(body)) return [{ pointer: '', detail: 'The body must be a JSON object.' }];
  const issues = unknownFields(body, ['customer_reference', 'user'], '');
  requiredString(body, 'customer_reference', '', issues);
  const user = body.user;
  if (!isRecord(user)) {
    issues.push({ pointer: '/user', detail: user === undefined ? 'user is required.' : 'user must be an object.' });
    return issues;
  }
  issues.push(...unknownFields(user, USER_FIELDS, '/user'));
  if (user.email === undefined) issues.push({ pointer: '/user/email', detail: 'email is required.' });
  else checkEmail(user.email, '/user/email', issues);
  if (user.phone_number !== undefined) checkPhone(user.phone_number, '/user/phone_number', issues);
  optionalString(user, 'first_name', '/user', issues, XCO_TEXT_LIMITS.first_name);
  optionalString(user, 'last_name', '/user', issues, XCO_TEXT_LIMITS.last_name);
  if (user.gender !== undefined && !GENDERS.includes(user.gender as string)) {
    issues.push({ pointer: '/user/gender', detail: `gender must be one of ${GENDERS.join(', ')}.` });
  }
  if (user.birthdate !== undefined && !(typeof user.birthdate === 'string' && isPastIsoDate(user.birthdate, today))) {
    issues.push({ pointer: '/user/birthdate', detail: 'birthdate must be a past ISO date (YYYY-MM-DD).' });
  }
  if (user.addresses !== undefined) {
    if (!Array.isArray(user.addresses) || user.addresses.length > 10) {
      issues.push({ pointer: '/user/addresses', detail: 'addresses must be an array of at most 10 addresses.' });
    } else {
      user.addresses.forEach((address, i) => validateAddress(address, `/user/addresses/${i}`, issues));
    }
  }
  return issues;
}

/** POST .../users/{customerReference}/consents: a consent_challenge_id uuid. */
export function validateConsent(body: unknown): FieldIssue[] {
  if (!isRecord(body)) return [{ pointer: '', detail: 'The body must be a JSON object.' }];
  const issues = unknownFields(body, ['consent_challenge_id'], '');
  const id = body.consent_challenge_id;
  if (id === undefined) issues.push({ pointer: '/consent_challenge_id', detail: 'consent_challenge_id is required.' });
  else if (typeof id !== 'string' || !CHALLENGE_ID.test(id)) {
    issues.push({ pointer: '/consent_challenge_id', detail: 'consent_challenge_id must be a UUID.' });
  }
  return issues;
}
