// @vitest-environment node
// Server rendering: the loading states and their live regions, and no request to the merchant server.
// eslint-disable-next-line no-restricted-imports -- this test renders on the server; tests are not in the bundle.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import { PurseProvider } from '../provider/index.ts';
import { XcoAccount } from '../xco-account/index.ts';
import { CustomerPurse } from './index.ts';

describe('CustomerPurse and XcoAccount on the server', () => {
  it('render their loading state without calling the backend', () => {
    const call = vi.fn(() => Promise.reject(new TypeError('no request during server rendering')));
    const backend = createHttpBackend({ baseUrl: 'http://merchant.test/api/purse', fetch: call });
    const html = renderToString(
      <PurseProvider backend={backend}>
        <CustomerPurse />
        <XcoAccount />
      </PurseProvider>,
    );
    expect(html).toContain('Loading your deposit account…');
    expect(html).toContain('Loading your Express Checkout account…');
    expect(html.match(/role="status"/g)).toHaveLength(2);
    expect(call).not.toHaveBeenCalled();
  });
});
