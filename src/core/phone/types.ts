// Shapes of the phone data modules: libphonenumber-js "mobile" metadata, split by scripts/phone-data.mjs. The numbering
// plans stay opaque here; only libphonenumber-js reads them.

/** Every calling code with its countries: small, loaded with the parser. */
export interface PhoneIndex {
  version: number;
  country_calling_codes: Record<string, string[]>;
}

/** The numbering plans of the calling codes that start with one digit (1–9). */
export interface PhoneZone {
  countries: Record<string, unknown>;
  nonGeographic: Record<string, unknown>;
}
