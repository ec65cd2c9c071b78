import { describe, expect, it } from 'vitest';
import { parseIdentifier } from '../core/identifier.ts';
import { isValidEmail } from '../core/wire/xco-rules.ts';
import { SEEDED_USERS } from './seed.ts';

// The seeded accounts are listed in the README and the demo for shoppers to type: each must pass the same checks the
// signup field applies (libphonenumber-js refuses, e.g., the UK's reserved 07700 900xxx range for fiction, and the field
// refuses a number that cannot receive the code by text message).
describe('seeded XCO accounts', () => {
  it.each(SEEDED_USERS.map((user) => [user.email, user] as const))('%s can be typed into the signup field', async (_email, user) => {
    expect(isValidEmail(user.email!)).toBe(true);
    await expect(parseIdentifier(user.phone_number!), `${user.phone_number} is a mobile number`).resolves.toEqual({
      kind: 'phone',
      phone_number: user.phone_number,
    });
  });
});
