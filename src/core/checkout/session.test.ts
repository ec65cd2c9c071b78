// Where a closed session sends the shopper: the shop's return page, naming the session for PaymentStatus.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../backend/views.ts';
import { readSessionId } from '../status/source.ts';
import { sessionStatusUrl } from './session.ts';

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
