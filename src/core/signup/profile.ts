// The profile an XCO account is created with: what "complete" means, and how pre-fills combine.
import type { XcoAddress, XcoIdentifier, XcoUser } from '../wire/xco.ts';

const filled = (value: string | undefined): boolean => typeof value === 'string' && value.trim() !== '';

/** The user's billing address, if any. */
export const billingAddress = (user: XcoUser): XcoAddress | undefined =>
  user.addresses?.find((address) => address.address_type === 'billing');

/**
 * True when the profile has everything the profile step asks for as required: first and last name, an email (Purse
 * needs one at minimum) and a billing address with street, postal code, city and country. Gender, birth date, phone
 * number and address complement are optional. A complete merchant-provided profile skips the profile step.
 */
export function isCompleteProfile(user: XcoUser | undefined): boolean {
  if (!user) return false;
  const address = billingAddress(user);
  return (
    filled(user.first_name) &&
    filled(user.last_name) &&
    filled(user.email) &&
    address !== undefined &&
    filled(address.street_address) &&
    filled(address.postal_code) &&
    filled(address.locality) &&
    filled(address.country)
  );
}

/** The merchant's pre-fill with the identifier the shopper signed up with (the identifier wins). */
export function profileFor(identifier: XcoIdentifier, defaultProfile?: XcoUser): XcoUser {
  return identifier.email !== undefined
    ? { ...defaultProfile, email: identifier.email }
    : { ...defaultProfile, phone_number: identifier.phone_number };
}
