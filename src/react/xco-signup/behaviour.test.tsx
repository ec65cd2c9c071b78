import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { completeProfile } from '../../test/signup-fixtures.ts';
import { CONSENT, CREATE, EXISTS, renderSignup, START, VERIFY } from '../../test/render-signup.tsx';

const jean = { email: 'existing@example.com' };

describe('<XcoSignup> one request per intent', () => {
  it('StrictMode, existing shopper: exactly check + start + verify + consent', async () => {
    const view = renderSignup({}, { strict: true });
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    const field = await screen.findByLabelText('Verification code');
    await view.user.type(field, view.purse.control.currentCode(jean)!);
    await screen.findByRole('heading', { name: 'Your Purse account is linked' });
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY, CONSENT()]);
    expect(view.purse.control.consents()).toHaveLength(1);
  });

  it('StrictMode, new shopper with a complete profile: exactly check + create', async () => {
    const onComplete = vi.fn();
    const view = renderSignup({ defaultProfile: completeProfile, onComplete }, { strict: true, identity: { email: 'strict.mode@example.com' } });
    const users = view.purse.control.users().length;
    await view.user.type(screen.getByLabelText('Email or phone number'), 'strict.mode@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Your Purse account is ready' });
    expect(view.apiCalls()).toEqual([EXISTS, CREATE]);
    expect(view.purse.control.users()).toHaveLength(users + 1);
    expect(onComplete).toHaveBeenCalledOnce();
  });

  it('double click on Continue (slow server) checks once', async () => {
    const view = renderSignup();
    view.purse.control.setFault({ path: '/v1/users/exists', latencyMs: 50, times: 1 });
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.dblClick(screen.getByRole('button', { name: 'Continue' }));
    await view.user.keyboard('{Enter}');
    await screen.findByLabelText('Verification code');
    expect(view.apiCalls()).toEqual([EXISTS, START]);
  });

  it('unmounting aborts the request in flight; its late answer changes nothing', async () => {
    const onError = vi.fn();
    const onComplete = vi.fn();
    const errors = vi.spyOn(console, 'error');
    const view = renderSignup({ onError, onComplete, defaultProfile: completeProfile });
    view.purse.control.setFault({ path: '/v1/users/exists', latencyMs: 30, times: 1 });
    await view.user.type(screen.getByLabelText('Email or phone number'), 'left.the.page@example.com{Enter}');
    await screen.findByRole('button', { name: 'Checking…' });
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(onError).not.toHaveBeenCalled();
    expect(onComplete).not.toHaveBeenCalled();
    expect(view.apiCalls()).not.toContain(CREATE);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('<XcoSignup> accessibility', () => {
  it('has one polite live region from the first render, announcing each step', async () => {
    const view = renderSignup();
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('');
    await view.user.type(screen.getByLabelText('Email or phone number'), jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(region).toHaveTextContent('Code sent to existing@example.com.'));
    await view.user.type(screen.getByLabelText('Verification code'), view.purse.control.currentCode(jean)!);
    await waitFor(() => expect(region).toHaveTextContent('Your Purse account is linked.'));
    expect(screen.getAllByRole('status')).toEqual([region]);
  });

  it('every input is labelled, descriptions are linked, and the first render steals no focus', async () => {
    const view = renderSignup();
    const input = screen.getByLabelText('Email or phone number');
    expect(input).not.toHaveFocus();
    expect(input).toHaveAccessibleDescription('We will check whether you already have a Purse account.');
    await view.user.type(input, 'brand.new@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    for (const field of document.querySelectorAll('input, select')) {
      expect(field).toHaveAccessibleName();
    }
  });

  it('works with the keyboard only', async () => {
    const view = renderSignup();
    await view.user.tab();
    expect(screen.getByLabelText('Email or phone number')).toHaveFocus();
    await view.user.keyboard(jean.email);
    await view.user.tab();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    await view.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Verification code')).toHaveFocus());
    await view.user.keyboard(view.purse.control.currentCode(jean)!);
    expect(await screen.findByRole('heading', { name: 'Your Purse account is linked' })).toHaveFocus();
  });
});

describe('<XcoSignup> refusing the same input twice', () => {
  it('Continue pressed again on an email it refused brings focus back to the field, whose description says why', async () => {
    const view = renderSignup();
    const input = screen.getByLabelText('Email or phone number');
    await view.user.type(input, 'not-an-email{Enter}');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveFocus();
    const reason = input.getAttribute('aria-describedby');

    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(input).toHaveFocus());
    expect(input.getAttribute('aria-describedby')).toBe(reason);
    expect(view.apiCalls()).toEqual([]);
  });

  it('Enter pressed again in the field on an email it refused: the live region says the reason again', async () => {
    const view = renderSignup();
    const input = screen.getByLabelText('Email or phone number');
    await view.user.type(input, 'ada@{Enter}');
    const region = screen.getByRole('status');
    const reason = 'Enter a valid email address, like name@example.com.';
    await waitFor(() => expect(region).toHaveTextContent(reason));
    expect(input).toHaveFocus();

    // Assistive technologies speak a live region when its content changes: the same words must be put there anew.
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    await view.user.keyboard('{Enter}');
    await waitFor(() => expect(changes.length).toBeGreaterThan(0));
    observer.disconnect();
    expect(region).toHaveTextContent(reason);
  });
});

describe('<XcoSignup> in French', () => {
  it('renders the fr catalogue, with plurals and lang="fr"', async () => {
    const view = renderSignup({}, { provider: { locale: 'fr' } });
    // The French texts are downloaded on first use: the provider suspends until they are there.
    const input = await screen.findByLabelText('E-mail ou numéro de téléphone');
    expect(input.closest('[lang]')).toHaveAttribute('lang', 'fr');
    await view.user.type(input, jean.email);
    await view.user.click(screen.getByRole('button', { name: 'Continuer' }));
    const field = await screen.findByLabelText('Code de vérification');
    expect(screen.getByRole('status')).toHaveTextContent('Code envoyé à existing@example.com.');
    expect(screen.getByRole('button', { name: /^Renvoyer le code dans 30\s+s$/ })).toBeInTheDocument();
    const code = view.purse.control.currentCode(jean)!;
    await view.user.type(field, code.replace(/^./, (d) => String((Number(d) + 1) % 10)));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Ce code est incorrect\. Encore 4 essais\./));
    await view.user.type(field, code);
    await screen.findByRole('heading', { name: 'Votre compte Purse est associé' });
  });

  it('merchant overrides of single messages', async () => {
    renderSignup({}, { provider: { locale: 'fr', messages: { 'identifier.submit': 'Valider' } } });
    expect(await screen.findByRole('button', { name: 'Valider' })).toBeInTheDocument();
  });
});
