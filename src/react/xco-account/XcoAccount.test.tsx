// <XcoAccount> over the real in-process stack: the linked account, or the signup/link flow when there is none.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import { maskEmail, maskPhone } from '../../core/xco-account/machine.ts';
import { createTestStack } from '../../test/stack.ts';
import { PurseProvider } from '../provider/index.ts';
import { XcoAccount } from './XcoAccount.tsx';

function renderAccount(customerReference = 'cust_test_1') {
  const stack = createTestStack({ customerReference });
  const user = userEvent.setup();
  const view = render(
    <StrictMode>
      <PurseProvider backend={stack.backend}>
        <XcoAccount />
      </PurseProvider>
    </StrictMode>,
  );
  const apiCalls = (suffix: string) => stack.purse.control.requests().filter((r) => r.path.endsWith(suffix)).length;
  return { ...stack, ...view, user, apiCalls };
}

/** Links the existing XCO account of `email` to the stack's customer, as the signup flow does. */
async function linkAccount({ backend, purse }: ReturnType<typeof createTestStack>, email: string) {
  await backend.checkUser({ email });
  await backend.startPasswordless({ email });
  const code = purse.control.currentCode({ email })!;
  const verified = await backend.verifyPasswordless({ identifier: { email }, verification_code: code });
  await backend.createConsent({ identifier: { email }, consent_challenge_id: verified.consent_challenge_id });
}

const detail = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;

describe('<XcoAccount>', () => {
  it('offers the link flow when none is linked; linking an existing account then shows it, masked, with its saved methods', async () => {
    const { user, purse, apiCalls } = renderAccount();
    await user.click(await screen.findByRole('button', { name: 'Link or create my Purse account' }));
    await user.type(await screen.findByLabelText('Email or phone number'), 'existing@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByLabelText('Verification code');
    await user.type(screen.getByLabelText('Verification code'), purse.control.currentCode({ email: 'existing@example.com' })!);

    expect(await screen.findByText('Your Purse account is linked: you can pay in one step.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your Purse account is linked');
    expect(detail('Name')).toHaveTextContent('Jean Dupont');
    expect(detail('Email')).toHaveTextContent('e•••@example.com');
    expect(detail('Phone')).toHaveTextContent('+33 •••• ••78');
    await waitFor(() => expect(detail('Saved payment methods')).toHaveTextContent('2 saved payment methods'));
    expect(screen.queryByText('existing@example.com')).toBeNull();
    // One read before linking, one after; one count.
    expect(apiCalls('/users/cust_test_1')).toBe(2);
  });

  it('a customer whose account is already linked sees it at once, under StrictMode with one request each', async () => {
    const stack = createTestStack({ customerReference: 'cust_linked' });
    await linkAccount(stack, 'sam.taylor@example.com');
    render(
      <StrictMode>
        <PurseProvider backend={stack.backend}>
          <XcoAccount />
        </PurseProvider>
      </StrictMode>,
    );
    expect(await screen.findByText('Sam Taylor')).toBeInTheDocument();
    await waitFor(() => expect(detail('Saved payment methods')).toHaveTextContent('0 saved payment methods'));
    expect(stack.purse.control.requests().filter((r) => r.path.endsWith('/users/cust_linked'))).toHaveLength(1);
  });

  it('a failure is said and retried', async () => {
    const stack = createTestStack();
    stack.purse.control.setFault({ path: '/v1/merchants/*', status: 500, times: 3 });
    const user = userEvent.setup();
    render(
      <PurseProvider backend={stack.backend}>
        <XcoAccount />
      </PurseProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Your Express Checkout account could not be loaded.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Link or create my Purse account' })).toBeInTheDocument();
  });

  // A proxy or router in front of the handler that answers 404 (a wrong rewrite, a route not deployed yet): the shopper
  // may well have an account, so that is a failure to retry, never "no account" with an offer to sign up.
  it.each([
    ['a JSON 404 of another server', () => Response.json({ message: 'Not Found' }, { status: 404 })],
    ['a problem+json 404 with another code', () => Response.json({ title: 'Not Found', code: 'not_found' }, { status: 404, headers: { 'content-type': 'application/problem+json' } })],
    ['an empty 404', () => new Response(null, { status: 404 })],
  ])('%s is a failure with "Try again", not an offer to sign up', async (_, answer) => {
    const stack = createTestStack({ customerReference: 'cust_linked' });
    await linkAccount(stack, 'sam.taylor@example.com');
    let proxyAnswers = true;
    const backend = createHttpBackend({
      baseUrl: 'http://merchant.test/api/purse',
      retry: false,
      fetch: async (input, init) => (proxyAnswers ? answer() : stack.handler(new Request(input, init))),
    });
    const user = userEvent.setup();
    render(
      <PurseProvider backend={backend}>
        <XcoAccount />
      </PurseProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Your Express Checkout account could not be loaded.');
    expect(screen.queryByRole('button', { name: 'Link or create my Purse account' })).toBeNull();
    proxyAnswers = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Sam Taylor')).toBeInTheDocument();
  });

  it('Purse busy (429, wait a minute): the shopper is told to wait, not only that it failed', async () => {
    const stack = createTestStack();
    stack.purse.control.setFault({ path: '/v1/merchants/*', status: 429, headers: { 'retry-after': '60' }, times: 1 });
    render(
      <PurseProvider backend={stack.backend}>
        <XcoAccount />
      </PurseProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your Express Checkout account could not be loaded.');
    expect(alert).toHaveTextContent('Too many attempts. Please wait a moment and try again.');
  });
});

describe('masks', () => {
  it('keeps the first letter and the domain of an email, the country code and last two digits of a phone', () => {
    expect(maskEmail('camille.martin@example.fr')).toBe('c•••@example.fr');
    expect(maskEmail('nonsense')).toBe('•••');
    expect(maskPhone('+447700900123')).toBe('+44 •••• ••23');
    expect(maskPhone('+15551234567')).toBe('+1 •••• ••67');
  });
});
