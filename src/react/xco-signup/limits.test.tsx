// What the shopper reads when the merchant handler's own limits refuse a step: too many codes sent to one email or
// phone (codeLimit), too many account lookups (lookupQuota). Over the real stack: adapter → handler → Purse mock.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { continueWith, EXISTS, renderSignup, START, VERIFY } from '../../test/render-signup.tsx';

const jean = { email: 'existing@example.com' };
const FIFTEEN_MINUTES = 15 * 60_000;
/** The shopper's clock: 10:05, five minutes into a 15-minute window (and an hour's). */
const NOW = Date.parse('2025-03-01T10:05:00Z');
/** A time as the shopper's browser writes it in English ("10:15 AM"). */
const clock = (at: string) => new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(Date.parse(at));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('<XcoSignup> when the shop has sent too many codes to one email or phone', () => {
  it('the first code refused: says why and from when a new one can be asked, and offers another email or phone', async () => {
    const onError = vi.fn();
    const view = renderSignup({ onError }, { handler: { codeLimit: { limit: 1, windowMs: FIFTEEN_MINUTES } }, purse: { resendThrottleMs: 0 } });
    // Someone else had a code sent to this email moments ago: the cap's one place is taken.
    await view.backend.startPasswordless(jean);
    await continueWith(view, jean.email);

    expect(await screen.findByRole('heading', { name: 'Too many codes sent' })).toHaveFocus();
    const body = `Too many codes were sent to this email or phone. Ask for a new one after ${clock('2025-03-01T10:15:00Z')}, or use another email or phone now.`;
    expect(screen.getByText(body, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(`Too many codes sent. ${body}`);
    expect(screen.getByRole('button', { name: 'Try again in 10 min' })).toHaveAttribute('aria-disabled', 'true');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rate_limited', code: 'too_many_codes', retryAfterMs: 600_000 }));
    // The refused send never reached Purse.
    expect(view.apiCalls()).toEqual([START, EXISTS]);

    // The way on: another email.
    await view.user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    const field = screen.getByLabelText('Email or phone number');
    await view.user.clear(field);
    await continueWith(view, 'camille.martin@example.fr');
    expect(await screen.findByLabelText('Verification code')).toBeInTheDocument();
    expect(view.apiCalls()).toEqual([START, EXISTS, EXISTS, START]);
  });

  it('a resend refused: the code step says why and from when, and the code already sent still links', async () => {
    const view = renderSignup({ resendDelayMs: 0 }, { handler: { codeLimit: { limit: 1, windowMs: FIFTEEN_MINUTES } }, purse: { resendThrottleMs: 0 } });
    await continueWith(view, jean.email);
    await screen.findByLabelText('Verification code');
    const code = view.purse.control.currentCode(jean)!;

    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));
    const text = `Too many codes were sent to ${jean.email}. Ask for a new one after ${clock('2025-03-01T10:15:00Z')}, or use another email or phone.`;
    expect(await screen.findByText(text, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(text);
    expect(screen.getByRole('button', { name: 'Resend code in 10 min' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Use another email or phone' })).toBeInTheDocument();
    expect(view.apiCalls()).toEqual([EXISTS, START]);

    await view.user.type(screen.getByLabelText('Verification code'), code);
    expect(await screen.findByRole('heading', { name: 'Your Purse account is linked' })).toBeInTheDocument();
    expect(view.apiCalls()).toEqual([EXISTS, START, VERIFY, expect.stringMatching(/consents$/)]);
  });
});

describe('<XcoSignup> when the shop has sent too many codes to the email it locked the signup to', () => {
  // `identifier` with `lockIdentifier`: the shop's own email for this customer, which the shopper cannot change.
  const locked = { identifier: jean.email, lockIdentifier: true };
  const limits = { handler: { codeLimit: { limit: 1, windowMs: FIFTEEN_MINUTES } }, purse: { resendThrottleMs: 0 } };

  it('the first code refused: says why and from when, and never to use another email or phone', async () => {
    const view = renderSignup(locked, limits);
    await view.backend.startPasswordless(jean);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'Too many codes sent' })).toHaveFocus();
    const body = `Too many codes were sent to this email or phone. Ask for a new one after ${clock('2025-03-01T10:15:00Z')}.`;
    expect(screen.getByText(body, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent(/another email or phone/);
    expect(screen.queryByRole('button', { name: 'Use another email or phone' })).not.toBeInTheDocument();
  });

  it('a resend refused: the code step says why and from when, and never to use another email or phone', async () => {
    const view = renderSignup({ ...locked, resendDelayMs: 0 }, limits);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByLabelText('Verification code');
    await view.user.click(screen.getByRole('button', { name: 'Resend code' }));

    const text = `Too many codes were sent to ${jean.email}. Ask for a new one after ${clock('2025-03-01T10:15:00Z')}.`;
    expect(await screen.findByText(text, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(text);
    expect(screen.getByRole('status')).not.toHaveTextContent(/another email or phone/);
  });
});

describe('<XcoSignup> when the shopper has checked too many emails or phones', () => {
  it('says so and from when, with a countdown to try again; another email would be refused too, so none is offered', async () => {
    const view = renderSignup({}, { handler: { lookupQuota: { limit: 1, windowMs: 60 * 60_000 } } });
    await continueWith(view, jean.email);
    await screen.findByLabelText('Verification code');
    await view.user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    await view.user.clear(screen.getByLabelText('Email or phone number'));
    await continueWith(view, 'camille.martin@example.fr');

    expect(await screen.findByRole('heading', { name: 'Too many checks' })).toHaveFocus();
    const body = `Too many emails or phone numbers were checked. Try again after ${clock('2025-03-01T11:00:00Z')}.`;
    expect(screen.getByText(body, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again in 55 min' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('button', { name: 'Use another email or phone' })).not.toBeInTheDocument();
    // The refused lookup never reached Purse.
    expect(view.apiCalls()).toEqual([EXISTS, START]);

    vi.setSystemTime(Date.parse('2025-03-01T11:00:00Z'));
    await view.user.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(view.apiCalls()).toEqual([EXISTS, START, EXISTS, START]));
  });
});
