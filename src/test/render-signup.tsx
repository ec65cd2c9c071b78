// Renders <XcoSignup> inside <PurseProvider> over the real in-process stack, for the React tests.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement } from 'react';
import { PurseProvider, type PurseProviderProps } from '../react/provider/index.ts';
import { XcoSignup, type XcoSignupProps } from '../react/xco-signup/index.ts';
import { createTestStack, type TestStack, type TestStackOptions } from './stack.ts';

export interface RenderSignupOptions extends TestStackOptions {
  stack?: TestStack;
  strict?: boolean;
  provider?: Omit<PurseProviderProps, 'backend' | 'children'>;
  /** The provider gets no backend: give `provider.baseUrl` instead. */
  withoutBackend?: boolean;
  /** Wraps the provider (e.g. an app's QueryClientProvider). */
  wrap?: (tree: ReactElement) => ReactElement;
}

export function renderSignup(props: XcoSignupProps = {}, options: RenderSignupOptions = {}) {
  const stack = options.stack ?? createTestStack(options);
  const user = userEvent.setup();
  let tree: ReactElement = (
    <PurseProvider {...options.provider} backend={options.withoutBackend ? undefined : stack.backend}>
      <XcoSignup {...props} />
    </PurseProvider>
  );
  if (options.wrap) tree = options.wrap(tree);
  if (options.strict) tree = <StrictMode>{tree}</StrictMode>;
  const view = render(tree);
  /** Purse API calls, as "METHOD /path" (token grants left out). */
  const apiCalls = () =>
    stack.purse.control
      .requests()
      .filter((record) => !record.path.startsWith('/oauth2'))
      .map((record) => `${record.method} ${record.path.replace(/\/merchants\/[^/]+/, '/merchants/:id')}`);
  return { ...stack, ...view, user, apiCalls };
}

/** Types `identifier` into the identifier field (English labels) and presses Continue. */
export async function continueWith(view: ReturnType<typeof renderSignup>, identifier: string) {
  await view.user.type(screen.getByLabelText('Email or phone number'), identifier);
  await view.user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** The shopper types Ada's names and billing address into the profile form. */
export async function typeAda(user: { type(element: Element, text: string): Promise<void> }) {
  await user.type(screen.getByLabelText(/^First name/), 'Ada');
  await user.type(screen.getByLabelText(/^Last name/), 'Lovelace');
  await user.type(screen.getByLabelText(/^Street address/), '1 rue de la Paix');
  await user.type(screen.getByLabelText(/^Postal code/), '75002');
  await user.type(screen.getByLabelText(/^City/), 'Paris');
}

export const EXISTS = 'GET /v1/users/exists';
export const CREATE = 'POST /v1/merchants/:id/users';
export const START = 'POST /v1/merchants/:id/users/passwordless/start';
export const VERIFY = 'POST /v1/merchants/:id/users/passwordless/verify';
export const CONSENT = (customer = 'cust_test_1') => `POST /v1/merchants/:id/users/${customer}/consents`;
