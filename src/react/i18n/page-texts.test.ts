// A page holds the English texts of its own components only (see en/common.ts): before any component adds its texts,
// the provider has the errors every page can meet, and any other kind reads as a server error, never as a key.
import { expect, it } from 'vitest';
import type { PurseKitError } from '../../core/errors.ts';
import { enCheckout } from './en/purse-checkout.ts';
import { addMessages, createTranslator } from './index.ts';

const config: PurseKitError = { kind: 'config', message: 'dev: disallowed script origin' };
const network: PurseKitError = { kind: 'network', message: 'dev: offline', timeout: false };

it('a page speaks the common error texts, and a kind no component of the page brought as a server error', () => {
  const { error } = createTranslator('en');
  expect(error(network)).toBe('We could not connect. Check your internet connection and try again.');
  // No "Signup is unavailable…" on a page without the signup: that text travels with the signup.
  expect(error(config)).toBe('Something went wrong on our side. Please try again.');
  expect(error({ kind: 'script_load', message: 'dev: cdn', url: 'https://cdn.example/x.js' })).toBe(
    'Something went wrong on our side. Please try again.',
  );
  addMessages(enCheckout);
  expect(createTranslator('en').error({ kind: 'script_load', message: 'dev: cdn', url: 'https://cdn.example/x.js' })).toBe(
    'A part of this page could not load. Please reload the page.',
  );
  // A merchant's override of a kind's text wins, also for a kind whose text the page does not have.
  expect(createTranslator('en', { 'error.config': 'Paying is paused.' }).error(config)).toBe('Paying is paused.');
});
