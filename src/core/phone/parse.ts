// The phone parser, loaded on the first phone-like keystroke: libphonenumber-js's core with its "mobile" metadata (the
// "min" one with the patterns of mobile numbers: the code is sent by text message) split into nine zones by the
// calling code's first digit. A number is parsed once the zones it can need are loaded: the zone of its "+" prefix, of
// the default country, and of the calling code after the default country's international prefix ("00 44…"). The
// result is the one the whole metadata gives (the unit test compares every country).
import { parsePhoneNumberFromString, type CountryCode, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import index from './data/codes.ts';
import type { PhoneZone } from './types.ts';

type Zone = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

const ZONES: Record<Zone, () => Promise<{ default: PhoneZone }>> = {
  '1': () => import('./data/zone-1.ts'),
  '2': () => import('./data/zone-2.ts'),
  '3': () => import('./data/zone-3.ts'),
  '4': () => import('./data/zone-4.ts'),
  '5': () => import('./data/zone-5.ts'),
  '6': () => import('./data/zone-6.ts'),
  '7': () => import('./data/zone-7.ts'),
  '8': () => import('./data/zone-8.ts'),
  '9': () => import('./data/zone-9.ts'),
};

/** What libphonenumber-js reads: every calling code, the numbering plans of the zones loaded so far. */
const metadata = { ...index, countries: {}, nonGeographic: {} } as MetadataJson & PhoneZone;
const zones = new Map<Zone, Promise<void>>();

const isZone = (digit: string | undefined): digit is Zone => digit !== undefined && digit in ZONES;

function loadZone(zone: Zone): Promise<void> {
  let loading = zones.get(zone);
  if (!loading) {
    loading = ZONES[zone]().then(
      ({ default: data }) => {
        Object.assign(metadata.countries, data.countries);
        Object.assign(metadata.nonGeographic, data.nonGeographic);
      },
      (error: unknown) => {
        zones.delete(zone); // a failed chunk load may succeed later
        throw error;
      },
    );
    zones.set(zone, loading);
  }
  return loading;
}

/** The zone of a country's calling code (undefined for a country libphonenumber-js does not know). */
function zoneOfCountry(country: string): Zone | undefined {
  for (const [code, countries] of Object.entries(index.country_calling_codes)) {
    if (countries.includes(country)) return code[0] as Zone;
  }
  return undefined;
}

/** Loads the zones `text` can need with this default country (each zone loads once). */
export async function loadZones(text: string, defaultCountry?: CountryCode): Promise<void> {
  const digits = text.replace(/\D/g, '');
  const wanted: (Zone | undefined)[] = [];
  if (text.trim().startsWith('+')) wanted.push(digits[0] as Zone);
  const home = defaultCountry && zoneOfCountry(defaultCountry);
  if (home) {
    await loadZone(home);
    // "00 44 20…" typed in France: a calling code follows the country's international (IDD) prefix.
    const idd = (metadata.countries[defaultCountry!] as unknown[] | undefined)?.[1];
    const prefix = typeof idd === 'string' ? new RegExp(`^(?:${idd})`).exec(digits) : null;
    if (prefix) wanted.push(digits[prefix[0].length] as Zone);
  }
  await Promise.all(wanted.filter(isZone).map(loadZone));
}

/**
 * A phone number read from text: E.164, and whether it can receive a text message. One that cannot (a landline, a
 * freephone…) comes with the country it was read as, for the shopper to see why.
 */
export type ParsedPhone =
  | { number: string; country: CountryCode | undefined; mobile: true }
  | { number: string; country: CountryCode; mobile: false };

/**
 * What a parsed number is: a mobile (MOBILE, or FIXED_LINE_OR_MOBILE where the plan does not tell them apart, as in
 * North America), a number of a country that cannot take a text (of a possible length there: not a mobile, or not a
 * valid one), or no phone number. The country is the one the number says, else the first its calling code can mean
 * with that length (the calling code's main country, listed first: +44 20… is GB's, GG's, IM's or JE's).
 */
export function readPhone(phone: PhoneNumber | undefined): ParsedPhone | undefined {
  if (!phone) return undefined;
  const type = phone.getType();
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return { number: phone.number, country: phone.country, mobile: true };
  const country = phone.isPossible() && !phone.isNonGeographic() ? (phone.country ?? phone.getPossibleCountries()[0]) : undefined;
  return country ? { number: phone.number, country, mobile: false } : undefined;
}

async function parseIn(text: string, defaultCountry: CountryCode | undefined): Promise<ParsedPhone | undefined> {
  await loadZones(text, defaultCountry);
  let phone;
  try {
    phone = parsePhoneNumberFromString(text, { defaultCountry }, metadata);
  } catch {
    // A numbering plan we did not foresee needing (libphonenumber-js then fails on the missing data): load them all.
    await Promise.all((Object.keys(ZONES) as Zone[]).map(loadZone));
    phone = parsePhoneNumberFromString(text, { defaultCountry }, metadata);
  }
  return readPhone(phone);
}

/**
 * One national numbering plan, several calling codes: France's overseas departments are dialled from France, and from
 * one another, with a French national number ("0692 12 34 56" is the Réunion mobile +262 692 12 34 56), which
 * libphonenumber-js reads in the default country only.
 */
const FRENCH_PLAN: readonly CountryCode[] = ['FR', 'RE', 'YT', 'GP', 'BL', 'MF', 'MQ', 'GF'];

/**
 * What `text` is as a phone number (see `readPhone`), with this default country for national numbers. A national
 * number with a mobile prefix of France's plan (06, 07) that is no mobile in the default country is a mobile of
 * another country of the plan, if it is one there (their zones load only then).
 */
export async function parsePhone(text: string, defaultCountry?: CountryCode): Promise<ParsedPhone | undefined> {
  const read = await parseIn(text, defaultCountry);
  const national = !text.trim().startsWith('+') && /^0[67]/.test(text.replace(/\D/g, ''));
  if (read?.mobile || !national || !defaultCountry || !FRENCH_PLAN.includes(defaultCountry)) return read;
  for (const country of FRENCH_PLAN) {
    if (country === defaultCountry) continue;
    const there = await parseIn(text, country);
    if (there?.mobile) return there;
  }
  return read;
}

/**
 * An E.164 number the way its owner writes it: national format for a number of `defaultCountry`, international
 * otherwise; as given when its numbering plan is not loaded (synchronous: for views).
 */
export function formatPhone(e164: string, defaultCountry?: CountryCode): string | undefined {
  let phone;
  try {
    phone = parsePhoneNumberFromString(e164, metadata);
  } catch {
    return undefined; // its zone is not loaded
  }
  if (!phone?.isValid()) return undefined;
  return defaultCountry && phone.country === defaultCountry ? phone.formatNational() : phone.formatInternational();
}

/** Test helper: the zones loaded so far. */
export const __loadedPhoneZones = (): string[] => [...zones.keys()].sort();

/** Test helper: forgets the loaded zones, as on a fresh page. */
export function __resetPhoneZones(): void {
  zones.clear();
  metadata.countries = {};
  metadata.nonGeographic = {};
}
