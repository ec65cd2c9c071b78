// XcoSignup: failures, each produced for real — a fault injected in the Purse emulator, a browser adapter whose fetch
// rejects (offline), or a merchant handler with no signed-in customer.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { XcoSignup } from '../src/react/xco-signup/index.ts';
import { completeProfile, continueWith, JEAN, SLOW } from './support/shopper.ts';
import { loadStack, stackOf, stackWithNetworkSwitch, withPurse, type OfflineSwitch } from './support/stack.tsx';

const meta = {
  title: 'XcoSignup/Errors',
  component: XcoSignup,
  loaders: [loadStack],
  decorators: [withPurse],
  args: { onComplete: fn(), onError: fn(), onVerified: fn() },
} satisfies Meta<typeof XcoSignup>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Purse answers 429 with a long Retry-After: the error, and a retry that counts down before it can be used. */
export const RateLimited: Story = {
  play: async (context) => {
    const { canvas, userEvent, loaded, args } = context;
    const { purse } = stackOf({ loaded });
    purse.control.setFault({ path: '/v1/users/exists', status: 429, headers: { 'Retry-After': '20' } });
    await continueWith(context, JEAN.email);
    await expect(await canvas.findByRole('heading', { name: 'Something went wrong' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText('Too many attempts. Please wait a moment and try again.', { selector: 'p' })).toBeVisible();
    const retry = canvas.getByRole('button', { name: /^Try again in (19|20) s$/ });
    await expect(retry).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(retry);
    await expect(purse.control.requests().filter((r) => r.path === '/v1/users/exists')).toHaveLength(1);
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rate_limited', retryAfterMs: 20_000 }));
  },
};

/** The merchant handler's clock for the limits' stories: the start of a window, so the wait is a whole window. */
const WINDOW_START = () => Date.parse('2025-03-01T10:00:00Z');

/**
 * The shop's cap on codes to one email or phone (`codeLimit`) is reached, here by someone else asking moments ago: why,
 * from when a new code can be asked, and another email or phone meanwhile. Purse is not asked.
 */
export const TooManyCodes: Story = {
  parameters: { purse: { stack: { handler: { codeLimit: { limit: 1, windowMs: 15 * 60_000 }, now: WINDOW_START }, purse: { resendThrottleMs: 0 } } } },
  play: async (context) => {
    const { canvas, loaded, args } = context;
    const { backend, purse } = stackOf({ loaded });
    await backend.startPasswordless({ email: JEAN.email });
    await continueWith(context, JEAN.email);
    await expect(await canvas.findByRole('heading', { name: 'Too many codes sent' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText(/^Too many codes were sent to this email or phone\. Ask for a new one after .+, or use another email or phone now\.$/, { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again in 15 min' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Use another email or phone' })).toBeVisible();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rate_limited', code: 'too_many_codes' }));
    await expect(purse.control.requests().filter((r) => r.path.endsWith('/passwordless/start'))).toHaveLength(1);
  },
};

/** The shopper checked more emails or phones than the shop's `lookupQuota` allows: why, and from when. */
export const TooManyLookups: Story = {
  parameters: { purse: { stack: { handler: { lookupQuota: { limit: 1, windowMs: 60 * 60_000 }, now: WINDOW_START } } } },
  play: async (context) => {
    const { canvas, loaded } = context;
    const { backend, purse } = stackOf({ loaded });
    await backend.checkUser({ email: 'camille.martin@example.fr' });
    await continueWith(context, JEAN.email);
    await expect(await canvas.findByRole('heading', { name: 'Too many checks' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText(/^Too many emails or phone numbers were checked\. Try again after .+\.$/, { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again in 60 min' })).toHaveAttribute('aria-disabled', 'true');
    await expect(purse.control.requests().filter((r) => r.path === '/v1/users/exists')).toHaveLength(1);
  },
};

/** The shopper's browser is offline (the adapter's fetch rejects): a network message and Try again. */
export const NetworkError: Story = {
  loaders: [
    () => {
      const network: OfflineSwitch = { offline: true };
      return { network, stack: stackWithNetworkSwitch(network, { backend: { retry: false } }) };
    },
  ],
  play: async (context) => {
    const { canvas, loaded, args } = context;
    await continueWith(context, JEAN.email);
    await expect(await canvas.findByRole('heading', { name: 'Something went wrong' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText('We could not connect. Check your internet connection and try again.', { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).not.toHaveAttribute('aria-disabled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' }));
    await expect(stackOf({ loaded }).purse.control.requests()).toEqual([]);
  },
};

/** Back online, Try again picks up where the flow stopped: the code is sent. */
export const NetworkErrorThenRetry: Story = {
  loaders: NetworkError.loaders,
  play: async (context) => {
    const { canvas, userEvent, loaded } = context;
    await continueWith(context, JEAN.email);
    await canvas.findByRole('heading', { name: 'Something went wrong' }, SLOW);
    (loaded.network as OfflineSwitch).offline = false;
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByLabelText('Verification code', {}, SLOW)).toHaveFocus();
  },
};

/** Purse is unreachable from the merchant server (every connection dropped): a neutral message and Try again. */
export const ServerUnavailable: Story = {
  play: async (context) => {
    const { canvas, loaded, args } = context;
    stackOf({ loaded }).purse.control.setFault({ path: '/v1/users/exists', drop: true });
    await continueWith(context, JEAN.email);
    await canvas.findByRole('heading', { name: 'Something went wrong' }, { timeout: 10_000 });
    await expect(canvas.getByText('Something went wrong on our side. Please try again.', { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'server' }));
  },
};

/**
 * Nobody is signed in on the merchant site (resolveCustomer returns null → 401): the shopper is told to sign in to the
 * shop, with no "Try again" that would fail the same way; the developer text goes to onError only.
 */
export const Unauthorized: Story = {
  parameters: { purse: { stack: { customerReference: null } } },
  args: { defaultProfile: completeProfile },
  play: async (context) => {
    const { canvas, args } = context;
    await continueWith(context, 'nobody.signed.in@example.com');
    await expect(await canvas.findByRole('heading', { name: 'Sign in to the shop first' }, SLOW)).toHaveFocus();
    await expect(canvas.getByText('Sign in to your shop account, then link your Purse account.', { selector: 'p' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unauthorized', status: 401 }));
    await expect(canvas.queryByText(/resolveCustomer|createMerchantHandler/)).not.toBeInTheDocument();
  },
};
