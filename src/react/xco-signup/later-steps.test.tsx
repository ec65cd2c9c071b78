// The later steps are downloaded apart (XcoSignup.tsx). What the shopper meets when such a download fails: the page
// says so in the step and in the live region, leads back to the first step, and nothing is sent twice. The failure is
// made where it happens for real, at the module's download (the chunk cannot be fetched).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestStack } from '../../test/stack.ts';
import { EXISTS, START, typeAda } from '../../test/render-signup.tsx';

/** The views each later chunk provides (XcoSignup.tsx loads them by name). */
const VIEWS = {
  './CodeStep.tsx': ['CodeStep', 'CodeStepStatus'],
  './ProfileStep.tsx': ['ProfileStep', 'ProfileStepStatus'],
  './steps.tsx': ['LinkingStep', 'DoneStep', 'FailedStep', 'EndStepStatus'],
} as const;

/** A chunk whose download fails: reading any of its views throws, so every load of it rejects. */
const unreachable = (later: keyof typeof VIEWS) => () =>
  Object.defineProperties(
    {},
    Object.fromEntries(
      VIEWS[later].map((name) => [
        name,
        {
          enumerable: true,
          get() {
            throw new TypeError('Failed to fetch dynamically imported module');
          },
        },
      ]),
    ),
  );

/** The phone parser's chunk (loaded by core/identifier.ts on the first phone keystroke), failing to download. */
const PHONE_PARSER = '../../core/phone/parse.ts';
const unreachableParser = () => {
  throw new TypeError('Failed to fetch dynamically imported module');
};

/** The signup, freshly imported, with the chunk of `later` (or the phone parser's) failing to download. */
async function renderWithout(later: keyof typeof VIEWS | typeof PHONE_PARSER, props: { lockIdentifier?: boolean; identifier?: string; defaultCountry?: 'FR' } = {}) {
  vi.resetModules();
  vi.doMock(later, later === PHONE_PARSER ? unreachableParser : unreachable(later));
  const { PurseProvider } = await import('../provider/index.ts');
  const { XcoSignup } = await import('./XcoSignup.tsx');
  const stack = createTestStack();
  const user = userEvent.setup();
  render(
    <PurseProvider backend={stack.backend}>
      <XcoSignup {...props} />
    </PurseProvider>,
  );
  const apiCalls = () =>
    stack.purse.control
      .requests()
      .filter((record) => !record.path.startsWith('/oauth2'))
      .map((record) => `${record.method} ${record.path.replace(/\/merchants\/[^/]+/, '/merchants/:id')}`);
  return { user, apiCalls };
}

const UNAVAILABLE = 'A part of this page could not load. Please reload the page.';

afterEach(() => {
  vi.doUnmock('./CodeStep.tsx');
  vi.doUnmock('./ProfileStep.tsx');
  vi.doUnmock('./steps.tsx');
  vi.doUnmock(PHONE_PARSER);
});

describe('<XcoSignup> when a later step cannot be downloaded', () => {
  it('the first step works without any later step', async () => {
    const view = await renderWithout('./CodeStep.tsx');
    await view.user.type(screen.getByLabelText('Email or phone number'), 'existing@example.com');
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(view.apiCalls()).toEqual([EXISTS, START]));
  });

  it('code step: says so in the step and the live region, and leads back to the first step with what was typed', async () => {
    const view = await renderWithout('./CodeStep.tsx');
    await view.user.type(screen.getByLabelText('Email or phone number'), 'existing@example.com{Enter}');
    expect(await screen.findByText(UNAVAILABLE, { selector: 'p' })).toBeVisible();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(UNAVAILABLE));
    await view.user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    expect(await screen.findByLabelText('Email or phone number')).toHaveValue('existing@example.com');
    expect(view.apiCalls()).toEqual([EXISTS, START]);
  });

  it('profile step: the same, and no "use another" when the merchant locked the identifier', async () => {
    const view = await renderWithout('./ProfileStep.tsx', { identifier: 'brand.new@example.com', lockIdentifier: true });
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(UNAVAILABLE, { selector: 'p' })).toBeVisible();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(view.apiCalls()).toEqual([EXISTS]);
  });
});

describe('<XcoSignup> when the phone parser cannot be downloaded', () => {
  it('says the number cannot be checked now (not that it is wrong), on the first step and on the profile form; nothing is sent for it', async () => {
    const view = await renderWithout(PHONE_PARSER, { defaultCountry: 'FR' });
    const identifier = screen.getByLabelText('Email or phone number');
    await view.user.type(identifier, '+33 6 12 34 56 78{Enter}');
    await waitFor(() => expect(identifier).toHaveAccessibleDescription(/^Phone numbers cannot be checked right now\./));
    expect(view.apiCalls()).toEqual([]);

    await view.user.clear(identifier);
    await view.user.type(identifier, 'new.shopper@example.com{Enter}');
    await view.user.type(await screen.findByLabelText(/^Phone number/), '+33 6 12 34 56 78');
    await typeAda(view.user);
    await view.user.click(screen.getByRole('button', { name: 'Create my account' }));
    const phone = screen.getByLabelText(/^Phone number/);
    await waitFor(() => expect(phone).toHaveAccessibleDescription(/^This phone number cannot be checked right now\. Try again, or leave the field empty\./));
    expect(phone).toHaveFocus();
    expect(view.apiCalls()).toEqual([EXISTS]);
  });
});
