import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from '../../core/backend/http-backend.ts';
import { continueWith, CREATE, EXISTS, renderSignup, START } from '../../test/render-signup.tsx';
import { createTestStack } from '../../test/stack.ts';

const jean = { email: 'existing@example.com' };

afterEach(() => {
  vi.useRealTimers();
});

describe('<XcoSignup> errors', () => {
  it('rate limited (429 + Retry-After): retry waits for the countdown, then works', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const onError = vi.fn();
    const view = renderSignup({ onError }, { backend: { retry: false } });
    view.purse.control.setFault({ path: '/v1/users/exists', status: 429, headers: { 'Retry-After': '20' }, times: 1 });
    await continueWith(view, jean.email);

    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toHaveFocus();
    expect(screen.getByText('Too many attempts. Please wait a moment and try again.', { selector: 'p' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rate_limited', retryAfterMs: 20_000 }));
    const retry = screen.getByRole('button', { name: 'Try again in 20 s' });
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    await view.user.click(retry);
    expect(view.apiCalls()).toEqual([EXISTS]);

    vi.setSystemTime(Date.now() + 20_000);
    await view.user.click(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByLabelText('Verification code');
    expect(view.apiCalls()).toEqual([EXISTS, EXISTS, START]);
  });

  it('Purse unreachable (dropped connection): a clear message and a retry', async () => {
    const view = renderSignup({}, { backend: { retry: false } });
    view.purse.control.setFault({ path: '/v1/users/exists', drop: true, times: 1 });
    await continueWith(view, jean.email);

    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toHaveFocus();
    expect(screen.getByText('Something went wrong on our side. Please try again.', { selector: 'p' })).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByLabelText('Verification code');
    expect(view.apiCalls()).toEqual([EXISTS, EXISTS, START]);
  });

  it('shopper offline: network message; retry after reconnecting creates the user once', async () => {
    const stack = createTestStack({ identity: { email: 'offline.shopper@example.com' } });
    let offline = false;
    const backend = createHttpBackend({
      baseUrl: 'http://merchant.test/api/purse',
      retry: false,
      fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : stack.handler(new Request(input, init))),
    });
    const view = renderSignup(
      { defaultProfile: { first_name: 'Ada', last_name: 'L', addresses: [{ address_type: 'billing', street_address: '1 rue A', postal_code: '75001', locality: 'Paris', country: 'FRANCE' }] } },
      { stack: { ...stack, backend } },
    );
    const users = stack.purse.control.users().length;
    offline = true;
    await continueWith(view, 'offline.shopper@example.com');
    expect(await screen.findByText('We could not connect. Check your internet connection and try again.', { selector: 'p' })).toBeInTheDocument();

    offline = false;
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Your Purse account is ready' });
    expect(view.apiCalls()).toEqual([EXISTS, CREATE]);
    expect(stack.purse.control.users()).toHaveLength(users + 1);
  });

  it('Purse creates the account but answers 500: "Try again" finishes that creation, never a second create nor a code', async () => {
    const onComplete = vi.fn();
    const view = renderSignup(
      { onComplete, defaultProfile: { first_name: 'Ada', last_name: 'L', addresses: [{ address_type: 'billing', street_address: '1 rue A', postal_code: '75001', locality: 'Paris', country: 'FRANCE' }] } },
      { backend: { retry: false } },
    );
    view.purse.control.setFault({ method: 'POST', path: '/v1/merchants/*', status: 500, after: true, times: 1 });
    await continueWith(view, 'new.shopper@example.com');
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toHaveFocus();

    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Your Purse account is ready' })).toHaveFocus();
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'created' }));
    // The retry read the account back (GET user) instead of creating it again.
    expect(view.apiCalls().filter((call) => call === CREATE)).toHaveLength(1);
    expect(view.purse.control.users().filter((u) => u.created_by === 'api')).toHaveLength(1);
  });

  it('a resend whose 5xx came after Purse sent the code: "Try again" goes back to the code step, not to a throttle', async () => {
    const sent: string[] = [];
    let purseTime = Date.now();
    const purse = { now: () => purseTime, resendThrottleMs: 30_000, onOtp: ({ code }: { code: string }) => sent.push(code) };
    const view = renderSignup({ resendDelayMs: 0 }, { backend: { retry: false }, purse });
    await continueWith(view, jean.email);
    await screen.findByLabelText('Verification code');
    purseTime += 30_000;
    view.purse.control.setFault({ method: 'POST', path: '/v1/merchants/*', status: 503, after: true, times: 1 });
    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await view.user.click(await screen.findByRole('button', { name: 'Try again' }));

    // The code step shows (read-only) while the retry is sent: wait for its answer, not for the field.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Code sent to ${jean.email}.`));
    await waitFor(() => expect(screen.getByLabelText('Verification code')).toHaveFocus());
    expect(screen.queryByText('Please wait before requesting another code.')).not.toBeInTheDocument();
    // Two codes went out (the first and the resend); the retry met Purse's throttle, which says the resend was sent.
    expect(sent).toHaveLength(2);
    await view.user.type(screen.getByLabelText('Verification code'), sent[1]!);
    expect(await screen.findByRole('heading', { name: 'Your Purse account is linked' })).toBeInTheDocument();
  });

  it('no signed-in customer (401): says to sign in to the shop, offers no retry that would fail again; onError gets the developer text', async () => {
    const onError = vi.fn();
    const view = renderSignup(
      { onError, defaultProfile: { first_name: 'A', last_name: 'B', addresses: [{ address_type: 'billing', street_address: '1 rue A', postal_code: '75001', locality: 'Paris', country: 'FRANCE' }] } },
      { customerReference: null },
    );
    await continueWith(view, 'nobody.signed.in@example.com');

    expect(await screen.findByRole('heading', { name: 'Sign in to the shop first' })).toHaveFocus();
    expect(screen.getByText('Sign in to your shop account, then link your Purse account.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument();
    const error = onError.mock.calls[0]?.[0];
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'no_customer_session' });
    expect(screen.queryByText(error.message)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/createMerchantHandler|client id/i);
  });

  it('a throttled resend keeps the code step and shows the wait the server asked for', async () => {
    const view = renderSignup({ resendDelayMs: 0 });
    await continueWith(view, jean.email);
    const field = await screen.findByLabelText('Verification code');
    await view.user.type(field, '12');
    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));

    expect(await screen.findByRole('button', { name: /^Resend code in (29|30) s$/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Please wait before requesting another code.');
    expect(field).toHaveValue('12');
    expect(view.apiCalls()).toEqual([EXISTS, START, START]);
  });

  it('an expired code whose resend is throttled stays expired: the field takes no code, the wait is shown', async () => {
    const sent: string[] = [];
    let purseTime = Date.now();
    const purse = { now: () => purseTime, otpTtlMs: 1_000, resendThrottleMs: 60_000, onOtp: ({ code }: { code: string }) => sent.push(code) };
    const view = renderSignup({ resendDelayMs: 0 }, { purse });
    await continueWith(view, jean.email);
    const field = await screen.findByLabelText('Verification code');
    purseTime += 2_000;
    await view.user.type(field, sent[0]!);
    await waitFor(() => expect(field).toHaveAccessibleDescription(/This code has expired/));

    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));
    expect(await screen.findByRole('button', { name: /^Resend code in \d+ s$/ })).toHaveAttribute('aria-disabled', 'true');
    expect(field).toHaveAccessibleDescription(/This code has expired/);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Verify' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Please wait before requesting another code.')).toBeInTheDocument();
  });

  it('resend shows a countdown and is offered once it reaches zero', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const view = renderSignup();
    await continueWith(view, jean.email);
    await screen.findByLabelText('Verification code');
    const resend = screen.getByRole('button', { name: 'Resend code in 30 s' });
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    await view.user.click(resend);
    expect(view.apiCalls()).toEqual([EXISTS, START]);

    vi.setSystemTime(Date.now() + 27_000);
    await screen.findByRole('button', { name: 'Resend code in 3 s' });
    vi.setSystemTime(Date.now() + 3_000);
    const ready = await screen.findByRole('button', { name: 'Resend code' });
    expect(ready).not.toHaveAttribute('aria-disabled');
    await view.user.click(ready);
    await waitFor(() => expect(view.apiCalls()).toEqual([EXISTS, START, START]));
    expect(await screen.findByRole('button', { name: 'Resend code in 30 s' })).toBeInTheDocument();
  });

  it('an identifier Purse refuses is reported on the field', async () => {
    const view = renderSignup();
    view.purse.control.setFault({
      path: '/v1/users/exists',
      status: 400,
      body: { title: 'Validation Error', status: 400, errors: [{ pointer: '/email', detail: 'Invalid email format' }] },
      times: 1,
    });
    await continueWith(view, 'odd@example.com');
    const input = screen.getByLabelText('Email or phone number');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(/Enter a valid email address/);
    expect(input).toHaveFocus();
  });

  it('refuses a malformed identifier locally, without any request', async () => {
    const view = renderSignup();
    await continueWith(view, 'not-an-email@');
    const input = screen.getByLabelText('Email or phone number');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Enter a valid email address, like name@example.com\./));
    expect(input).toHaveFocus();
    await view.user.clear(input);
    await view.user.type(input, '12{Enter}');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Enter a valid phone number/));
    expect(view.apiCalls()).toEqual([]);
  });

  it('a number that cannot receive the code by text (a Belgian mobile typed without +32 in a French shop): refused before any request, naming the country it was read as; with +32 it goes on', async () => {
    const view = renderSignup({ defaultCountry: 'FR' });
    await continueWith(view, '0470 12 34 56');
    const input = screen.getByRole('textbox', { name: 'Email or phone number' });
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    const message =
      'This number (France) is not a mobile number, and the code comes by text message. Enter a mobile number, with its country code (such as +32) if it is from another country.';
    expect(input).toHaveAccessibleDescription(`${message} We will check whether you already have a Purse account.`);
    expect(input).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(message);
    expect(view.apiCalls()).toEqual([]); // no users/exists: nothing is sent for a stranger's landline

    await view.user.clear(input);
    await view.user.type(input, '+32 470 12 34 56{Enter}');
    expect(await screen.findByRole('heading', { name: 'Create your Purse account' })).toHaveFocus();
    expect(screen.getByLabelText(/^Phone number/)).toHaveValue('+32470123456');
    expect(view.apiCalls()).toEqual([EXISTS]);
  });

  it('a Réunion mobile written as in France (0692…) in a French shop goes on as +262…', async () => {
    const view = renderSignup({ defaultCountry: 'FR' });
    await continueWith(view, '0692 12 34 56');
    expect(await screen.findByRole('heading', { name: 'Create your Purse account' })).toHaveFocus();
    expect(screen.getByLabelText(/^Phone number/)).toHaveValue('+262692123456');
    expect(view.apiCalls()).toEqual([EXISTS]);
  });

  it('names the country in the shopper’s language (German), with an example code that is not that country’s', async () => {
    const view = renderSignup({ defaultCountry: 'BE' }, { provider: { locale: 'de' } });
    await view.user.type(await screen.findByLabelText('E-Mail-Adresse oder Telefonnummer'), '02 555 12 12{Enter}');
    const input = screen.getByRole('textbox', { name: 'E-Mail-Adresse oder Telefonnummer' });
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(/^Diese Nummer \(Belgien\) ist keine Mobilnummer.*\(z\.\u00a0B\. \+33\)/);
    expect(view.apiCalls()).toEqual([]);
  });
});
