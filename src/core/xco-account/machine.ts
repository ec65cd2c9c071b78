// The returning shopper's account as a pure reducer (same state object back when an event does not apply).
import type { XcoAccountEvent, XcoAccountState } from './types.ts';

export const initialXcoAccountState = (requestKey: string): XcoAccountState => ({ status: 'loading', requestKey });

export function xcoAccountReducer(state: XcoAccountState, event: XcoAccountEvent): XcoAccountState {
  switch (event.type) {
    case 'USER_LOADED': {
      if (state.status !== 'loading' || state.requestKey !== event.requestKey) return state;
      // The count is asked with the account's own identifier; without one there is nothing to ask.
      const identifiable = Boolean(event.user.email || event.user.phone_number);
      return { status: 'linked', user: event.user, ...(identifiable ? { countKey: event.countKey } : {}) };
    }
    case 'USER_MISSING':
      return state.status === 'loading' && state.requestKey === event.requestKey ? { status: 'none' } : state;
    case 'USER_FAILED':
      return state.status === 'loading' && state.requestKey === event.requestKey ? { status: 'failed', error: event.error } : state;
    case 'COUNT_LOADED':
      if (state.status !== 'linked' || state.countKey !== event.countKey) return state;
      return { status: 'linked', user: state.user, tokenCount: event.tokenCount };
    case 'COUNT_FAILED':
      if (state.status !== 'linked' || state.countKey !== event.countKey) return state;
      return { status: 'linked', user: state.user };
    case 'START_SIGNUP':
      return state.status === 'none' ? { status: 'signup' } : state;
    case 'SIGNUP_DONE':
      return state.status === 'signup' ? { status: 'loading', requestKey: event.requestKey } : state;
    case 'RETRY':
      return state.status === 'failed' ? { status: 'loading', requestKey: event.requestKey } : state;
  }
}

/** `j•••@example.com`: enough for the shopper to recognise their address, not enough to read it over a shoulder. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** `+33 •••• ••78`: the country code and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const country = /^\+(1|7|\d{2})/.exec(digits)?.[0] ?? '';
  const last = digits.slice(-2);
  return country ? `${country} •••• ••${last}` : `•••• ••${last}`;
}
