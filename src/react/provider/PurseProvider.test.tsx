import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { XcoSignup } from '../xco-signup/index.ts';
import { renderSignup } from '../../test/render-signup.tsx';
import { createTestStack } from '../../test/stack.ts';
import { PurseProvider, usePurse } from './index.ts';

describe('PurseProvider', () => {
  it('usePurse() outside the provider throws a message that says how to fix it', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => usePurse())).toThrow(/inside <PurseProvider>.*<PurseProvider baseUrl="\/api\/purse">/);
    quiet.mockRestore();
  });

  it('creates its own QueryClient when the app has none, stable across renders', () => {
    const { backend } = createTestStack();
    const wrapper = ({ children }: { children: ReactNode }) => <PurseProvider backend={backend}>{children}</PurseProvider>;
    const { result, rerender } = renderHook(() => usePurse().queryClient, { wrapper });
    const first = result.current;
    expect(first).toBeInstanceOf(QueryClient);
    rerender();
    expect(result.current).toBe(first);
  });

  it("runs the signup's requests as mutations of the app's QueryClient", async () => {
    const appClient = new QueryClient();
    const view = renderSignup({}, { wrap: (tree) => <QueryClientProvider client={appClient}>{tree}</QueryClientProvider> });
    await view.user.type(screen.getByLabelText('Email or phone number'), 'existing@example.com{Enter}');
    await screen.findByLabelText('Verification code');
    const keys = appClient
      .getMutationCache()
      .findAll({ mutationKey: ['purse', 'xco'] })
      .map((mutation) => mutation.options.mutationKey?.[2]);
    expect(keys).toEqual(['checkUser', 'startPasswordless']);
  });

  it('prefers an explicit queryClient prop', () => {
    const { backend } = createTestStack();
    const explicit = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}>
        <PurseProvider backend={backend} queryClient={explicit}>
          {children}
        </PurseProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => usePurse().queryClient, { wrapper });
    expect(result.current).toBe(explicit);
  });

  it('applies a theme as CSS custom properties on a wrapper, and adds no wrapper without one', () => {
    const { backend } = createTestStack();
    const { container, rerender } = render(
      <PurseProvider backend={backend} theme={{ colorAccent: '#0a5c36', radius: '12px', fontFamily: '' }}>
        <span>child</span>
      </PurseProvider>,
    );
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper).toHaveClass('purse-theme');
    expect(wrapper.style.getPropertyValue('--purse-color-accent')).toBe('#0a5c36');
    expect(wrapper.style.getPropertyValue('--purse-radius')).toBe('12px');
    expect(wrapper.style.getPropertyValue('--purse-font-family')).toBe('');
    rerender(
      <PurseProvider backend={backend}>
        <span>child</span>
      </PurseProvider>,
    );
    expect(container.firstElementChild?.tagName).toBe('SPAN');
  });

  describe('locale', () => {
    const signupIn = (props: { locale?: 'auto' | 'de'; fallbackLocale?: 'fr' }) =>
      render(
        <PurseProvider backend={createTestStack().backend} {...props}>
          <XcoSignup />
        </PurseProvider>,
      );

    it('"auto" speaks the first of the browser\'s languages that has a catalogue, and follows a change', async () => {
      const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-BR', 'es-MX', 'en']);
      signupIn({ locale: 'auto' });
      // Spanish is downloaded first (the provider suspends meanwhile).
      expect((await screen.findByLabelText('Correo electrónico o número de teléfono')).closest('[lang]')).toHaveAttribute('lang', 'es');
      languages.mockReturnValue(['it-CH']);
      act(() => void window.dispatchEvent(new Event('languagechange')));
      expect(await screen.findByLabelText('Email o numero di telefono')).toBeInTheDocument();
      languages.mockRestore();
    });

    it('"auto" falls back to fallbackLocale (default en) when the browser speaks none of them', async () => {
      const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-BR', 'ja']);
      const { unmount } = signupIn({ locale: 'auto', fallbackLocale: 'fr' });
      expect(await screen.findByLabelText('E-mail ou numéro de téléphone')).toBeInTheDocument();
      unmount();
      signupIn({ locale: 'auto' });
      expect(screen.getByLabelText('Email or phone number')).toBeInTheDocument();
      languages.mockRestore();
    });

    it('a fixed locale ignores the browser', async () => {
      const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL']);
      signupIn({ locale: 'de' });
      expect(await screen.findByLabelText('E-Mail-Adresse oder Telefonnummer')).toBeInTheDocument();
      languages.mockRestore();
    });

    it('refuses a language it has no catalogue for, listing the ones it has', () => {
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(() => signupIn({ locale: 'pt' as 'de' })).toThrow('<PurseProvider locale="pt">: use one of en, fr, de, es, it, nl, or "auto".');
      expect(() => signupIn({ locale: 'auto', fallbackLocale: 'auto' as 'fr' })).toThrow(
        '<PurseProvider fallbackLocale="auto">: use one of en, fr, de, es, it, nl.',
      );
      quiet.mockRestore();
    });
  });

  describe('baseUrl (a plain string, so a server component can render the provider)', () => {
    // The merchant's server: the real handler over the real mock, reached through the global fetch.
    const stack = createTestStack();
    const seen: string[] = [];
    const server = setupServer(
      http.all('http://shop.test/api/purse/*', ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return stack.handler(new Request(request.url.replace('http://shop.test', 'http://merchant.test'), request));
      }),
    );
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => server.resetHandlers());
    afterAll(() => server.close());

    it('builds the HTTP backend itself: the signup talks to the handler at baseUrl', async () => {
      const view = renderSignup({}, { stack, provider: { baseUrl: 'http://shop.test/api/purse' }, withoutBackend: true });
      await view.user.type(screen.getByLabelText('Email or phone number'), 'existing@example.com{Enter}');
      await screen.findByLabelText('Verification code');
      expect(seen).toEqual(['GET /api/purse/xco/users/exists', 'POST /api/purse/xco/passwordless/start']);
    });

    it("holds the requests of the components in the page: one imported later (lazily) adds its own", async () => {
      const backends: ReturnType<typeof usePurse>['backend'][] = [];
      const Probe = () => {
        backends.push(usePurse().backend);
        return null;
      };
      const view = render(<PurseProvider baseUrl="http://shop.test/api/purse"><Probe /></PurseProvider>);
      expect(typeof backends[0]!.checkUser).toBe('function');
      // This file imports the signup only: the deposits' requests are not in its bundle, nor in the backend.
      expect(backends[0]!.getCustomerPurse).toBeUndefined();
      await import('../customer-purse/index.ts');
      view.rerender(<PurseProvider baseUrl="http://shop.test/api/purse"><Probe /></PurseProvider>);
      const backend = backends.at(-1)!;
      expect(backend).toBe(backends[0]);
      await backend.getCustomerPurse().catch(() => undefined);
      expect(seen).toContain('GET /api/purse/customer-purse');
    });

    it('refuses neither or both of baseUrl and backend, saying what to pass', () => {
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(() => render(<PurseProvider><XcoSignup /></PurseProvider>)).toThrow(/needs baseUrl.*baseUrl="\/api\/purse"/);
      expect(() =>
        render(<PurseProvider baseUrl="/api/purse" backend={stack.backend}><XcoSignup /></PurseProvider>),
      ).toThrow(/needs baseUrl .* or a backend, not both/);
      quiet.mockRestore();
    });
  });
});
