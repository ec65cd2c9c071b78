// @vitest-environment node
// Server rendering: the checkout renders its loading state as HTML and touches no DOM, script or network.
// eslint-disable-next-line no-restricted-imports -- React's own server renderer (the rule guards the kit's server/)
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import type { MerchantBackend } from '../../core/backend/backend.ts';
import { PurseProvider } from '../provider/index.ts';
import { PurseCheckout } from './PurseCheckout.tsx';

it('renders the skeleton and the live region on the server, and calls no backend', () => {
  expect(typeof document).toBe('undefined');
  const calls = vi.fn();
  // Any call would be a bug here: record it instead of answering.
  const backend = new Proxy({} as MerchantBackend, {
    get: (_, name) => () => {
      calls(name);
      return new Promise(() => {});
    },
  });
  const html = renderToString(
    <PurseProvider backend={backend}>
      <PurseCheckout order={{ order_reference: 'cart-1' }} scriptUrl="https://cdn.purse-secure.com/dropin-checkout/stable/purse.js" />
    </PurseProvider>,
  );
  expect(html).toContain('role="status"');
  expect(html).toContain('Loading payment methods…');
  expect(html).toContain('aria-busy="true"');
  expect(calls).not.toHaveBeenCalled();
});
