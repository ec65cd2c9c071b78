import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/mobile';
import examplesJson from 'libphonenumber-js/examples.mobile.json';
import metadataJson from 'libphonenumber-js/metadata.mobile.json';
import { beforeEach, describe, expect, it } from 'vitest';
import { __loadedPhoneZones, __resetPhoneZones, parsePhone, readPhone } from './parse.ts';

const examples = examplesJson as Record<CountryCode, string>;
const metadataMobile = metadataJson as unknown as { countries: Record<string, unknown[]> };

/** What the whole "mobile" metadata says, as parsePhone would answer without the split. */
const reference = (text: string, defaultCountry?: CountryCode) => readPhone(parsePhoneNumberFromString(text, { defaultCountry }));

/** Each case on a fresh page (no zone loaded yet), so a zone the code forgot to load shows. */
async function fresh(text: string, defaultCountry?: CountryCode) {
  __resetPhoneZones();
  return parsePhone(text, defaultCountry);
}

const countries = Object.keys(examples) as CountryCode[];

describe('parsePhone with the metadata split in zones', () => {
  beforeEach(() => __resetPhoneZones());

  it('answers like the whole metadata for every country: international, national and after an IDD prefix', async () => {
    const mismatches: string[] = [];
    const check = async (text: string, defaultCountry?: CountryCode) => {
      const [got, want] = [JSON.stringify(await fresh(text, defaultCountry)), JSON.stringify(reference(text, defaultCountry))];
      if (got !== want) mismatches.push(`${text} (${defaultCountry ?? 'no country'}): ${got} ≠ ${want}`);
      // At most the zones of the "+" prefix, of the default country and after its IDD prefix: never all of them.
      if (__loadedPhoneZones().length > 3) mismatches.push(`${text} (${defaultCountry}): loaded ${__loadedPhoneZones().join()}`);
    };
    for (const country of countries) {
      const national = examples[country];
      const code = getCountryCallingCode(country);
      await check(`+${code} ${national}`);
      await check(`+${code} ${national}`, 'FR');
      await check(national, country);
      for (const home of ['FR', 'US', 'GB', 'RU'] as const) {
        const idd = String(metadataMobile.countries[home]![1]).replace(/\D.*$/, '');
        await check(`${idd} ${code} ${national}`, home);
      }
      await check(`+${code} ${national.slice(0, 3)}`); // too short
      // Another first digit: often a range that is not mobile (a landline, a freephone…), read with its country.
      const other = national.replace(/\d/, (digit) => String((Number(digit) + 5) % 10));
      await check(`+${code} ${other}`);
      await check(other, country);
    }
    expect(mismatches).toEqual([]);
    expect(countries.length).toBeGreaterThan(200);
  });

  it('loads only the zone a number needs', async () => {
    await fresh('+33 6 12 34 56 78');
    expect(__loadedPhoneZones()).toEqual(['3']);
    await fresh('06 12 34 56 78', 'FR');
    expect(__loadedPhoneZones()).toEqual(['3']);
    await fresh('00 44 20 7946 0958', 'FR');
    expect(__loadedPhoneZones()).toEqual(['3', '4']);
    await fresh('(201) 555-0123', 'US');
    expect(__loadedPhoneZones()).toEqual(['1']);
  });

  it('gives E.164 for valid numbers and undefined for the rest', async () => {
    expect(await fresh('+33 6 12 34 56 78')).toEqual({ number: '+33612345678', country: 'FR', mobile: true });
    expect(await fresh('06 12 34 56 78', 'FR')).toEqual({ number: '+33612345678', country: 'FR', mobile: true });
    expect(await fresh('00 44 7911 123456', 'FR')).toMatchObject({ number: '+447911123456', mobile: true });
    expect(await fresh('011 44 7911 123456', 'US')).toMatchObject({ number: '+447911123456', mobile: true });
    expect(await fresh('06 12 34 56 78')).toBeUndefined();
    expect(await fresh('+33 6 12')).toBeUndefined();
  });

  it('tells a number that can receive a text message from one that cannot, and the country it was read as', async () => {
    // A Belgian mobile typed without its country code in a French shop is a French landline (04…): not a mobile.
    expect(await fresh('0470 12 34 56', 'FR')).toEqual({ number: '+33470123456', country: 'FR', mobile: false });
    expect(await fresh('01 23 45 67 89', 'FR')).toEqual({ number: '+33123456789', country: 'FR', mobile: false });
    expect(await fresh('0800 12 34 56', 'FR')).toEqual({ number: '+33800123456', country: 'FR', mobile: false }); // toll free
    expect(await fresh('06 12 34 56 78', 'FR')).toEqual({ number: '+33612345678', country: 'FR', mobile: true });
    expect(await fresh('07 81 23 45 67', 'FR')).toEqual({ number: '+33781234567', country: 'FR', mobile: true });
    expect(await fresh('+32 470 12 34 56', 'FR')).toEqual({ number: '+32470123456', country: 'BE', mobile: true });
    expect(await fresh('0470 12 34 56', 'BE')).toEqual({ number: '+32470123456', country: 'BE', mobile: true });
    // North America: the plan does not tell mobiles from landlines (FIXED_LINE_OR_MOBILE), so a text may reach it.
    expect(await fresh('(201) 555-0123', 'US')).toEqual({ number: '+12015550123', country: 'US', mobile: true });
    expect(await fresh('+1 416 555 0123', 'FR')).toEqual({ number: '+14165550123', country: 'CA', mobile: true });
    // A shared calling code whose countries the number does not tell apart: the calling code's main country.
    expect(await fresh('+44 20 7946 0958', 'FR')).toEqual({ number: '+442079460958', country: 'GB', mobile: false });
    expect(await fresh('+1 800 555 0123')).toEqual({ number: '+18005550123', country: 'US', mobile: false });
    // No country to name (an international freephone number), or too short to be a number: not a phone number.
    expect(await fresh('+800 1234 5678')).toBeUndefined();
    expect(await fresh('0470 12', 'FR')).toBeUndefined();
  });

  it('reads a French overseas mobile dialled as in France (one national plan) in a French shop, and a French mobile in an overseas one', async () => {
    // Réunion, Mayotte, Guadeloupe, Martinique, French Guiana: each has a calling code of its own, but in France (and
    // between them) their numbers are dialled, written and printed as French national numbers.
    expect(await fresh('0692 12 34 56', 'FR')).toEqual({ number: '+262692123456', country: 'RE', mobile: true });
    expect(await fresh('06 39 01 23 45', 'FR')).toEqual({ number: '+262639012345', country: 'YT', mobile: true });
    expect(await fresh('0690 12 34 56', 'FR')).toEqual({ number: '+590690123456', country: 'GP', mobile: true });
    expect(await fresh('0696 12 34 56', 'FR')).toEqual({ number: '+596696123456', country: 'MQ', mobile: true });
    expect(await fresh('0694 12 34 56', 'FR')).toEqual({ number: '+594694123456', country: 'GF', mobile: true });
    expect(await fresh('06 12 34 56 78', 'RE')).toEqual({ number: '+33612345678', country: 'FR', mobile: true });
    expect(await fresh('0690 12 34 56', 'MQ')).toEqual({ number: '+590690123456', country: 'GP', mobile: true });
    // Written with France's code, it is a French number (not a mobile); a landline is never looked up overseas.
    expect(await fresh('+33 6 92 12 34 56', 'FR')).toEqual({ number: '+33692123456', country: 'FR', mobile: false });
    expect(await fresh('01 23 45 67 89', 'FR')).toEqual({ number: '+33123456789', country: 'FR', mobile: false });
    expect(__loadedPhoneZones()).toEqual(['3']);
  });
});

it('the data files are those of the installed libphonenumber-js (run node scripts/phone-data.mjs after an upgrade)', async () => {
  // @ts-expect-error: a plain .mjs script, without types
  const { phoneData } = (await import('../../../scripts/phone-data.mjs')) as { phoneData(): Record<string, unknown> };
  const files = import.meta.glob<{ default: unknown }>('./data/*.ts', { eager: true });
  const expected = Object.entries(phoneData()).map(([name, data]) => [`./data/${name}`, data]);
  expect(Object.entries(files).map(([name, module]) => [name, module.default])).toEqual(expected);
});
