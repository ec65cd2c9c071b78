import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../core/wire/xco-rules.ts';
import { SEEDED_USERS } from './seed.ts';

// The seeded accounts are listed in the README and the demo for shoppers to type: each must pass the same checks the
// signup field applies (libphonenumber-js refuses, e.g., the UK's reserved 07700 900xxx range for fiction).
describe('seeded XCO accounts', () => {
  it.each(SEEDED_USERS.map((user) => [user.email, user] as const))('%s can be typed into the signup field', (_email, user) => {
    expect(isValidEmail(user.email!)).toBe(true);
    const phone = parsePhoneNumberFromString(user.phone_number!);
    expect(phone?.isValid(), `${user.phone_number} is a valid number`).toBe(true);
    expect(phone?.number).toBe(user.phone_number);
  });
});
