// Every story runs on its own real in-process stack: browser adapter → createMerchantHandler → Purse emulator.
// A loader builds a fresh stack for each story render, so stories never share mock state (users, codes, faults).
import type { Decorator } from '@storybook/react-vite';
import { createHttpBackend } from '../../src/core/backend/http-backend.ts';
import { PurseProvider } from '../../src/react/provider/index.ts';
import type { PurseLocale } from '../../src/react/i18n/index.ts';
import { createTestStack, type TestStack, type TestStackOptions } from '../../src/test/stack.ts';

/** `parameters.purse` of a story: how its stack is built and which locale the provider uses. */
export interface PurseStoryParameters {
  stack?: TestStackOptions;
  locale?: PurseLocale;
}

interface LoaderContext {
  parameters: { purse?: PurseStoryParameters };
}

/** Meta-level loader: `loaded.stack`. A story's own loader may return another `stack` (later loaders win). */
export const loadStack = ({ parameters }: LoaderContext) => ({ stack: createTestStack(parameters.purse?.stack) });

/** The stack of the current story (from its loaders), for decorators and play functions. */
export function stackOf(context: { loaded: Record<string, unknown> }): TestStack {
  const stack = context.loaded.stack as TestStack | undefined;
  if (!stack) throw new Error('This story has no stack: add `loaders: [loadStack]` to its meta.');
  return stack;
}

/**
 * Wraps the story in <PurseProvider> over the story's own stack, in the story's locale (`parameters.purse.locale`) or
 * else the toolbar's (`globals.locale`).
 */
export const withPurse: Decorator = (Story, context) => (
  <PurseProvider
    backend={stackOf(context).backend}
    locale={(context.parameters.purse as PurseStoryParameters | undefined)?.locale ?? (context.globals.locale as PurseLocale | undefined)}
  >
    <Story />
  </PurseProvider>
);

/** A clock the Purse emulator reads (`now` option), moved forward by the story to cross expiries. */
export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.now()): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A real stack whose browser adapter can go offline: its fetch then rejects like a browser without network. */
export interface OfflineSwitch {
  offline: boolean;
}

export function stackWithNetworkSwitch(network: OfflineSwitch, options?: TestStackOptions): TestStack {
  const stack = createTestStack(options);
  const backend = createHttpBackend({
    ...options?.backend,
    baseUrl: 'http://merchant.test/api/purse',
    fetch: (input, init) =>
      network.offline ? Promise.reject(new TypeError('Failed to fetch')) : stack.handler(new Request(input, init)),
  });
  return { ...stack, backend };
}
