// Server render and first client render agree for every component: the markup rendered in Node (ssr-setup.ts) is
// hydrated in Chromium, and any hydration error React reports — recoverable, caught, uncaught or logged — fails.
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { SSR_PAGES } from '../test/ssr-pages.tsx';
import { loadMessages } from './i18n/index.ts';
import { createTestStack } from '../test/stack.ts';

const markup = inject('ssrMarkup');
// React's act() outside Testing Library.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

describe('hydration', () => {
  it.each(Object.keys(SSR_PAGES))('%s: the browser hydrates the server markup without a mismatch', async (name) => {
    if (name.includes('token in the URL')) window.history.replaceState(null, '', '/?purse-redirection-data=tok.en.x');
    const errors: unknown[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    const container = document.createElement('div');
    container.innerHTML = markup[name]!;
    document.body.append(container);
    expect(container.textContent).not.toBe('');

    const report = (error: unknown) => void errors.push(error);
    const page = SSR_PAGES[name]!(createTestStack().backend);
    const root = await act(async () =>
      hydrateRoot(container, page, { onRecoverableError: report, onCaughtError: report, onUncaughtError: report }),
    );
    // A page in French waits for its texts (downloaded on first use) before it hydrates: let that happen too.
    await act(() => loadMessages('fr'));
    logged.mockRestore();
    expect(errors).toEqual([]);
    act(() => root.unmount());
  });

  it("locale auto: hydrates in the server's fallback language, then speaks the browser's", async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-BE', 'en']);
    const errors: unknown[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    const container = document.createElement('div');
    container.innerHTML = markup['signup (locale auto)']!;
    document.body.append(container);
    // The server render is French (the fallback): it could not know the browser's languages.
    expect(container.querySelector('label')?.textContent).toBe('E-mail ou numéro de téléphone');

    const report = (error: unknown) => void errors.push(error);
    const page = SSR_PAGES['signup (locale auto)']!(createTestStack().backend);
    const root = await act(async () =>
      hydrateRoot(container, page, { onRecoverableError: report, onCaughtError: report, onUncaughtError: report }),
    );
    // The fallback's texts, then the browser's language's, are downloaded on first use.
    await act(() => loadMessages('fr'));
    await act(() => loadMessages('nl'));
    logged.mockRestore();
    expect(errors).toEqual([]);
    expect(container.querySelector('label')?.textContent).toBe('E-mailadres of telefoonnummer');
    expect(container.querySelector('[lang]')?.getAttribute('lang')).toBe('nl');
    act(() => root.unmount());
  });
});
