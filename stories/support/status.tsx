// Shared pieces of the PaymentStatus stories: the meta (render with the source a loader prepared) and queries.
import type { Meta, StoryContext } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { PaymentStatus, type PaymentStatusProps } from '../../src/react/payment-status/index.ts';
import { withPurse } from './stack.tsx';

/** What a loader hands the story: the stack and the payment (or link, or session) the page is about. */
export type StatusSource = Pick<PaymentStatusProps, 'token' | 'paymentId' | 'paymentLinkId' | 'clientSessionId'>;

export const statusMeta = {
  component: PaymentStatus,
  decorators: [withPurse],
  args: { retryHref: '/checkout', onSuccess: fn(), onFailure: fn(), onPending: fn() },
  render: (args, { loaded }) => <PaymentStatus {...args} {...(loaded.source as StatusSource | undefined)} />,
} satisfies Meta<typeof PaymentStatus>;

/** A poll schedule short enough for a story to see a few polls. */
export const QUICK = { fastIntervalMs: 100, slowAfterMs: 1_000, slowIntervalMs: 200, timeoutMs: 5_000 };

export const WAIT = { timeout: 5_000 };

/** The value of a detail row (`<dt>label</dt><dd>value</dd>`), once the details' chunk has arrived. */
export async function detail({ canvas }: Pick<StoryContext, 'canvas'>, label: string): Promise<HTMLElement> {
  const value = (await canvas.findByText(label, { selector: 'dt' }, WAIT)).nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`No value after the "${label}" label.`);
  return value;
}
