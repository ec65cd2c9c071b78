// The Purse emulator as the page sees it: a web origin that serves both drop-in scripts, their private API and the
// hosted page. In Storybook nothing listens there; the Mock Service Worker (msw-storybook-addon) answers every
// request to that origin by handing it to the story's own in-process emulator, so the page loads the emulator's real
// scripts with real <script> tags and their real fetch calls.
import { http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { __resetDropinCache } from '../../src/core/dropin/index.ts';
import type { Currency } from '../../src/core/wire/payment.ts';
import type { MockPurseOptions } from '../../src/mock-server/index.ts';
import { createTestStack, type TestStack } from '../../src/test/stack.ts';
import { stackOf } from './stack.tsx';

/** Where the emulator "lives" for the page (it also builds its js_url, API base and hosted-page URLs from it). */
export const PURSE_ORIGIN = 'https://purse-mock.test';
export const SCRIPT_PATHS = {
  'dropin-checkout': '/dropin-checkout/stable/purse.js',
  'widget-v3': '/dropin/v3-stable/purse.js',
} as const;

export interface ShopOptions {
  /** The cart the merchant server resolves (never the browser). Default 120.00 EUR. */
  order?: { amount: number; currency: Currency };
  purse?: Omit<MockPurseOptions, 'testMode' | 'baseUrl'>;
}

/** The real stack of a shop with a cart: the merchant handler resolves the order and allows both integration modes. */
export function createShopStack({ order = { amount: 12_000, currency: 'EUR' }, purse }: ShopOptions = {}): TestStack {
  return createTestStack({
    purse: { ...purse, baseUrl: PURSE_ORIGIN },
    handler: {
      resolveOrder: (_request, { order_reference }) => ({
        amount: order.amount,
        currency: order.currency,
        order: { reference: order_reference ?? 'cart-1' },
      }),
      checkout: {
        shopperRedirectionUrl: 'https://shop.example/checkout/return',
        allowedIntegrationModes: ['EMBEDDED', 'HOSTED_PAGE'],
      },
    },
  });
}

/** Meta-level loader: `loaded.stack`, a shop built from `parameters.shop`. */
export const loadShop = ({ parameters }: { parameters: { shop?: ShopOptions } }) => ({ stack: createShopStack(parameters.shop) });

/** beforeEach: the worker hands every request to PURSE_ORIGIN to this story's emulator. */
export function servePurseOrigin(context: { loaded: Record<string, unknown> }) {
  // Set by msw-storybook-addon's own beforeEach, which runs first (project level).
  const { msw } = context as { msw?: SetupWorker };
  if (!msw) throw new Error('No context.msw: add msw-storybook-addon to the addons of .storybook/main.ts.');
  const stack = stackOf(context);
  msw.use(http.all(`${PURSE_ORIGIN}/*`, ({ request }) => stack.purse.fetch(request)));
}

/**
 * beforeEach: the page as a shopper's fresh page load finds it — no drop-in script loaded yet, no Purse globals — so
 * each story sees its own script request (and its failure, when it injects one). Storybook keeps one page for all
 * stories; a real shop page does not.
 */
export function freshPage() {
  const clean = () => {
    for (const element of document.querySelectorAll(`script[src^="${PURSE_ORIGIN}"], link[href^="${PURSE_ORIGIN}"]`)) {
      element.remove();
    }
    const globals = window as unknown as Record<string, unknown>;
    delete globals.Purse;
    delete globals.UpStreamPay;
    __resetDropinCache();
  };
  clean();
  return clean;
}
