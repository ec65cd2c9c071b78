// Where a closed session sends the shopper: the shop's return page, naming the session for PaymentStatus.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../backend/views.ts';
import { readSessionId } from '../status/source.ts';
import { expiryDelay, sessionStatusUrl } from './session.ts';

const session = (shopper_redirection_url?: string): CheckoutSession => ({
  id: 'cs 1/2',
  status: 'SUBMITTED',
  integration_mode: 'EMBEDDED',
  amount: 1000,
  currency: 'EUR',
  expires_at: '2030-01-01T00:00:00Z',
  eligible_solutions: [],
  ...(shopper_redirection_url !== undefined && { shopper_redirection_url }),
});

describe('sessionStatusUrl', () => {
  it('is the return page with the session id, keeping its own query, which the status page reads back', () => {
    const url = sessionStatusUrl(session('https://shop.example/return?order=42#top'))!;
    expect(url).toBe('https://shop.example/return?order=42&purse-client-session-id=cs+1%2F2#top');
    expect(readSessionId(new URL(url).search)).toBe('cs 1/2');
  });

  it('is undefined without an http(s) return page', () => {
    expect(sessionStatusUrl(session())).toBeUndefined();
    expect(sessionStatusUrl(undefined)).toBeUndefined();
    expect(sessionStatusUrl(session('/return'))).toBeUndefined();
    expect(sessionStatusUrl(session('javascript:alert(1)'))).toBeUndefined();
  });
});

describe('expiryDelay', () => {
  const received = Date.parse('2030-01-01T10:00:00Z');

  it('counts the time left by the merchant server (expires_in_ms) from the arrival, whatever expires_at says here', () => {
    // The shopper's clock 5 minutes fast: expires_at looks 5 minutes nearer (or past) than it is.
    expect(expiryDelay('2030-01-01T10:05:00Z', received, received + 1_000, 600_000)).toBe(599_000);
    expect(expiryDelay('2030-01-01T09:59:00Z', received, received, 600_000)).toBe(600_000);
    // Over by the server's clock: at once.
    expect(expiryDelay('2030-01-01T11:00:00Z', received, received, 0)).toBe(0);
  });

  it('falls back on expires_at by the shopper’s clock without it, and sets no timer for a session that looks expired on arrival', () => {
    expect(expiryDelay('2030-01-01T10:10:00Z', received, received + 1_000)).toBe(599_000);
    expect(expiryDelay('2030-01-01T09:59:00Z', received, received)).toBeUndefined();
    expect(expiryDelay('not a date', received, received)).toBeUndefined();
    expect(expiryDelay('2030-01-01T10:10:00Z', received, received, Number.NaN)).toBe(600_000);
  });
});
