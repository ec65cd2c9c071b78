import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import examplesJson from 'libphonenumber-js/examples.mobile.json';
import metadataJson from 'libphonenumber-js/metadata.min.json';
import { beforeEach, describe, expect, it } from 'vitest';
import { __loadedPhoneZones, __resetPhoneZones, parsePhone } from './parse.ts';

const examples = examplesJson as Record<CountryCode, string>;
const metadataMin = metadataJson as unknown as { countries: Record<string, unknown[]> };

/** What the whole "min" metadata says, as parseIdentifier answered before the split. */
const reference = (text: string, defaultCountry?: CountryCode) => {
  const phone = parsePhoneNumberFromString(text, { defaultCountry });
  return phone?.isValid() ? phone.number : undefined;
};

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
      const [got, want] = [await fresh(text, defaultCountry), reference(text, defaultCountry)];
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
        const idd = String(metadataMin.countries[home]![1]).replace(/\D.*$/, '');
        await check(`${idd} ${code} ${national}`, home);
      }
      await check(`+${code} ${national.slice(0, 3)}`); // too short
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
    expect(await fresh('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(await fresh('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(await fresh('00 44 20 7946 0958', 'FR')).toBe('+442079460958');
    expect(await fresh('011 44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(await fresh('06 12 34 56 78')).toBeUndefined();
    expect(await fresh('+33 6 12')).toBeUndefined();
  });
});

it('the data files are those of the installed libphonenumber-js (run node scripts/phone-data.mjs after an upgrade)', async () => {
  // @ts-expect-error: a plain .mjs script, without types
  const { phoneData } = (await import('../../../scripts/phone-data.mjs')) as { phoneData(): Record<string, unknown> };
  const files = import.meta.glob<{ default: unknown }>('./data/*.ts', { eager: true });
  const expected = Object.entries(phoneData()).map(([name, data]) => [`./data/${name}`, data]);
  expect(Object.entries(files).map(([name, module]) => [name, module.default])).toEqual(expected);
});
