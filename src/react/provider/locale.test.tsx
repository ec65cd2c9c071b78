// Languages other than English are downloaded on first use: the provider suspends until their texts are there, the
// catalogue is fetched once however many providers ask. (The server loading it before rendering: the hydration test.)
import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import { XcoSignup } from '../xco-signup/index.ts';
import { PurseProvider } from './index.ts';

const fetched = vi.hoisted(() => ({ fr: 0 }));
vi.mock('../i18n/fr.ts', async (importOriginal) => {
  fetched.fr += 1;
  return importOriginal();
});

describe('a locale other than English', () => {
  it('is not downloaded for English pages', () => {
    const { backend } = createTestStack();
    render(<PurseProvider backend={backend}><XcoSignup /></PurseProvider>);
    expect(screen.getByLabelText('Email or phone number')).toBeInTheDocument();
    expect(fetched.fr).toBe(0);
  });

  it('suspends the provider until its texts are there, then speaks it; two providers fetch it once', async () => {
    const { backend } = createTestStack();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <PurseProvider backend={backend} locale="fr">
          <XcoSignup />
        </PurseProvider>
        <PurseProvider backend={backend} locale="fr">
          <p>Second provider</p>
        </PurseProvider>
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByLabelText(/Email/)).toBeNull();
    expect(await screen.findByLabelText('E-mail ou numéro de téléphone')).toBeInTheDocument();
    expect(screen.getByText('Second provider')).toBeInTheDocument();
    expect(fetched.fr).toBe(1);
  });
});
