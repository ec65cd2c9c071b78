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
