// @vitest-environment node
// Server rendering: no window, so the URL's token cannot be read yet. The markup must be what the browser's first
// render shows (checking), not a "no payment" error, and nothing may be requested from the server.
// eslint-disable-next-line no-restricted-imports -- this test renders on the server; tests are not in the bundle.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import { PurseProvider } from '../provider/index.ts';
import { PaymentStatus } from './PaymentStatus.tsx';

describe('PaymentStatus on the server', () => {
  it('renders the checking state and its live region without calling the backend', () => {
    const call = vi.fn(() => Promise.reject(new TypeError('no request during server rendering')));
    const backend = createHttpBackend({ baseUrl: 'http://merchant.test/api/purse', fetch: call });
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider backend={backend}>
        <PaymentStatus />
      </PurseProvider>,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('Checking your payment…');
    expect(html).not.toContain('There is no payment to show on this page.');
    expect(call).not.toHaveBeenCalled();
  });
});
