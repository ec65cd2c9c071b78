import { describe, expect, it, vi } from 'vitest';
import source from './identifier.ts?raw';

// Observe when the phone library is first loaded (the real module is returned untouched).
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./phone/parse.ts', async (importOriginal) => {
  loads.count += 1;
  return importOriginal();
});

const { detectIdentifierKind, isValidEmail, parseIdentifier, toXcoIdentifier } = await import('./identifier.ts');

describe('detectIdentifierKind', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ada@example.com', 'email'],
    ['ada@', 'email'],
    ['+33 6 12 34 56 78', 'phone'],
    ['06.12.34.56.78', 'phone'],
    ['(212) 555-0100', 'phone'],
    ['ada', 'unknown'],
    ['+', 'unknown'],
    ['06 12 ab', 'unknown'],
  ])('%j is %s', (input, kind) => {
    expect(detectIdentifierKind(input)).toBe(kind);
  });
});

describe('isValidEmail', () => {
  it.each(['ada@example.com', 'a.b+tag@sub.example.co.uk', 'x@y.fr'])('accepts %s', (value) => {
    expect(isValidEmail(value)).toBe(true);
  });
  it.each(['ada@', '@example.com', 'ada@example', 'ada@@example.com', 'ada @example.com', 'ada@example..com'])(
    'refuses %s',
    (value) => {
      expect(isValidEmail(value)).toBe(false);
    },
  );
  it('refuses addresses longer than 254 characters', () => {
    expect(isValidEmail(`${'a'.repeat(250)}@example.com`)).toBe(false);
  });
});

describe('parseIdentifier', () => {
  it.each(['ab\u202e@example.com', 'a\u0000b@example.com', 'a\u200bb@example.com', 'ada@exa\u2066mple.com', '+33 6 12\u200d 34 56 78', 'a\u00adb@example.com'])(
    'refuses %j: control, direction-override and zero-width characters disguise a value',
    async (input) => {
      await expect(parseIdentifier(input)).resolves.toEqual({ kind: 'invalid', reason: 'characters' });
    },
  );

  it.each(['a@b..com', 'a@.b.com', 'a@b.com.'])('refuses %j, as the merchant server and Purse do', async (input) => {
    await expect(parseIdentifier(input)).resolves.toEqual({ kind: 'invalid', reason: 'email' });
  });

  it('does not load the phone library for emails or junk, and loads it once for phones', async () => {
    expect(loads.count).toBe(0);
    await expect(parseIdentifier('  Ada@Example.com ')).resolves.toEqual({ kind: 'email', email: 'Ada@Example.com' });
    await expect(parseIdentifier('ada@example')).resolves.toEqual({ kind: 'invalid', reason: 'email' });
    await expect(parseIdentifier('')).resolves.toEqual({ kind: 'invalid', reason: 'empty' });
    await expect(parseIdentifier('hello')).resolves.toEqual({ kind: 'invalid', reason: 'unknown' });
    expect(loads.count).toBe(0);
    await expect(parseIdentifier('+33 6 12 34 56 78')).resolves.toEqual({ kind: 'phone', phone_number: '+33612345678' });
    await expect(parseIdentifier('+44 7911 123456')).resolves.toEqual({ kind: 'phone', phone_number: '+447911123456' });
    expect(loads.count).toBe(1);
  });

  it('uses the default country for national numbers', async () => {
    await expect(parseIdentifier('06 12 34 56 78', { defaultCountry: 'FR' })).resolves.toEqual({
      kind: 'phone',
      phone_number: '+33612345678',
    });
    await expect(parseIdentifier('(201) 555-0123', { defaultCountry: 'US' })).resolves.toEqual({
      kind: 'phone',
      phone_number: '+12015550123',
    });
  });

  it('refuses a number that cannot receive the code by text message, with the country it was read as', async () => {
    // A Belgian mobile typed without +32 in a French shop: a French landline (04…), a stranger's.
    await expect(parseIdentifier('0470 12 34 56', { defaultCountry: 'FR' })).resolves.toEqual({
      kind: 'invalid',
      reason: 'not_mobile',
      country: 'FR',
    });
    await expect(parseIdentifier('+44 20 7946 0958', { defaultCountry: 'FR' })).resolves.toEqual({
      kind: 'invalid',
      reason: 'not_mobile',
      country: 'GB',
    });
    await expect(parseIdentifier('+32 470 12 34 56', { defaultCountry: 'FR' })).resolves.toEqual({
      kind: 'phone',
      phone_number: '+32470123456',
    });
  });

  it('refuses national numbers without a country, and impossible numbers', async () => {
    await expect(parseIdentifier('06 12 34 56 78')).resolves.toEqual({ kind: 'invalid', reason: 'phone' });
    await expect(parseIdentifier('+33 6 12', { defaultCountry: 'FR' })).resolves.toEqual({ kind: 'invalid', reason: 'phone' });
    await expect(parseIdentifier('123', { defaultCountry: 'FR' })).resolves.toEqual({ kind: 'invalid', reason: 'phone' });
  });

  it('gives the XCO identifier shape', () => {
    expect(toXcoIdentifier({ kind: 'email', email: 'a@b.co' })).toEqual({ email: 'a@b.co' });
    expect(toXcoIdentifier({ kind: 'phone', phone_number: '+33612345678' })).toEqual({ phone_number: '+33612345678' });
  });

  it('imports libphonenumber-js only dynamically', () => {
    // Type-only imports are erased; any other static import would put the metadata in the main bundle.
    expect(source).not.toMatch(/^import (?!type )[^;]*from 'libphonenumber-js/m);
    expect(source).not.toMatch(/require\(|^export [^;]*from 'libphonenumber-js/m);
    expect(source).toContain("import('./phone/parse.ts')");
  });
});
