// The profile form's flat values ↔ the XCO user (billing address inside `addresses`), and server field paths → fields.
import { billingAddress } from '../../core/signup/profile.ts';
import type { XcoAddress, XcoGender, XcoUser } from '../../core/wire/xco.ts';

export interface ProfileFormValues {
  first_name: string;
  last_name: string;
  email: string;
  phone_number: string;
  gender: '' | XcoGender;
  birthdate: string;
  street_address: string;
  address_complement: string;
  postal_code: string;
  locality: string;
  country: string;
}

export type ProfileField = keyof ProfileFormValues;

/** The form's fields in reading order. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'first_name',
  'last_name',
  'email',
  'phone_number',
  'gender',
  'birthdate',
  'street_address',
  'address_complement',
  'postal_code',
  'locality',
  'country',
];

/** Countries offered in the address form (ISO 3166 codes); names come from Intl in the shopper's language. */
const COUNTRY_CODES = [
  'FR', 'BE', 'LU', 'MC', 'CH', 'DE', 'AT', 'NL', 'ES', 'PT', 'IT', 'IE', 'GB', 'DK', 'SE', 'FI', 'NO', 'PL', 'CZ',
  'GR', 'US', 'CA',
] as const;

/** Purse spells countries as English names in upper case ("FRANCE"). */
function countryValue(code: string): string {
  return (new Intl.DisplayNames('en', { type: 'region' }).of(code) ?? code).toUpperCase();
}

export function countryOptions(locale: string, current?: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(locale, { type: 'region' });
  const options = COUNTRY_CODES.map((code) => ({ value: countryValue(code), label: names.of(code) ?? code }));
  options.sort((a, b) => a.label.localeCompare(b.label, locale));
  // Keep a pre-filled country we do not list, rather than silently dropping it.
  if (current && !options.some((option) => option.value === current)) options.unshift({ value: current, label: current });
  return options;
}

export function toFormValues(profile: XcoUser, defaultCountryCode?: string): ProfileFormValues {
  const address = billingAddress(profile);
  return {
    first_name: profile.first_name ?? '',
    last_name: profile.last_name ?? '',
    email: profile.email ?? '',
    phone_number: profile.phone_number ?? '',
    gender: profile.gender ?? '',
    birthdate: profile.birthdate ?? '',
    street_address: address?.street_address ?? '',
    address_complement: address?.address_complement ?? '',
    postal_code: address?.postal_code ?? '',
    locality: address?.locality ?? '',
    country: address?.country ?? (defaultCountryCode ? countryValue(defaultCountryCode) : ''),
  };
}

/** The user to create: the pre-fill, overwritten by the form; empty optional fields left out. */
export function fromFormValues(values: ProfileFormValues, base: XcoUser): XcoUser {
  const trim = (value: string) => value.trim();
  const user: XcoUser = { ...base, first_name: trim(values.first_name), last_name: trim(values.last_name) };
  const optional = { email: values.email, phone_number: values.phone_number, birthdate: values.birthdate };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
    if (trim(value)) user[key] = trim(value);
    else delete user[key];
  }
  if (values.gender) user.gender = values.gender;
  else delete user.gender;
  const billing: XcoAddress = {
    address_type: 'billing',
    street_address: trim(values.street_address),
    locality: trim(values.locality),
    postal_code: trim(values.postal_code),
    country: values.country,
  };
  if (trim(values.address_complement)) billing.address_complement = trim(values.address_complement);
  user.addresses = [billing, ...(base.addresses ?? []).filter((address) => address.address_type !== 'billing')];
  return user;
}

/** "user.first_name", "user.addresses.0.postal_code" → the form field, when the form has one. */
export function fieldOfPath(path: string): ProfileField | undefined {
  const last = path.split('.').pop() ?? '';
  return (PROFILE_FIELDS as readonly string[]).includes(last) ? (last as ProfileField) : undefined;
}

/** ISO date in the past, not before 1900. */
export function isPlausibleBirthdate(value: string, today = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '1900-01-01' && date < today;
}
