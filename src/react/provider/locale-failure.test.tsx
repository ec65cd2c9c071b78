// A language whose texts cannot be downloaded (offline, a failed chunk): the components speak English rather than
// staying suspended or breaking the page, and the developer is told why.
import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import { XcoSignup } from '../xco-signup/index.ts';
import { PurseProvider } from './index.ts';

vi.mock('../i18n/fr.ts', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

it('falls back to English, with lang="en", when the catalogue cannot load', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { backend } = createTestStack();
  render(<PurseProvider backend={backend} locale="fr"><XcoSignup /></PurseProvider>);
  const input = await screen.findByLabelText('Email or phone number');
  expect(input.closest('[lang]')).toHaveAttribute('lang', 'en');
  expect(logged).toHaveBeenCalledWith(expect.stringContaining('"fr" messages could not be loaded'), expect.anything());
  logged.mockRestore();
});
