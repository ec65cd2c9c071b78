// The signup/link flow is downloaded only when a shopper without an account opens it: if that download fails, the
// shopper reads that a part of the page is missing (reload), in the account view, and the page around it stays.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import { PurseProvider } from '../provider/index.ts';
import { XcoAccount } from './XcoAccount.tsx';

// As a browser answers import() when the chunk's request fails.
vi.mock('../xco-signup/XcoSignup.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('<XcoAccount> when the signup flow cannot be downloaded', () => {
  it('says a part of the page is missing, with focus in the account view, and the page stays', async () => {
    const stack = createTestStack();
    const user = userEvent.setup();
    render(
      <PurseProvider backend={stack.backend}>
        <p>The rest of the page</p>
        <XcoAccount />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Link or create my Purse account' }));
    expect(await screen.findByText('A part of this page could not load. Please reload the page.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Purse Express Checkout' })).toHaveFocus();
    expect(screen.getByText('The rest of the page')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/xcoAccount\.|error\./);
  });
});
