// Which payment the status page is about: a redirect token (explicit or from the URL), or an id the merchant passes.
import { REDIRECTION_PARAM, SESSION_PARAM } from '../wire/payment.ts';

/** Which payment the status page is about. */
export type StatusSource =
  | { kind: 'token'; token: string }
  | { kind: 'payment'; id: string }
  | { kind: 'link'; id: string }
  | { kind: 'session'; id: string }
  /** Before the view is mounted: the URL's token is read only then (server and first render agree). */
  | { kind: 'unread' }
  | { kind: 'none' };

/** Which payment the status page is about. Give at most one; explicit props win over the URL's token. */
export interface StatusSourceProps {
  /**
   * A `purse-redirection-data` token, verified by the merchant server.
   * @defaultValue the one in the page URL (read after mount), when no id is given
   */
  token?: string;
  /** Follows a client session until it names its payment. */
  clientSessionId?: string;
  /** Follows a payment. */
  paymentId?: string;
  /** Follows a payment link. */
  paymentLinkId?: string;
}

const given = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

const fromQuery = (name: string, search = typeof window === 'undefined' ? '' : window.location.search) => {
  const value = new URLSearchParams(search).get(name);
  return given(value) ? value : undefined;
};

/** The token in the page's query string, if any. Read it after mount only: on the server there is none. */
export const readRedirectToken = (search?: string): string | undefined => fromQuery(REDIRECTION_PARAM, search);

/**
 * The client session the query string names (`purse-client-session-id`: where PurseCheckout sends a shopper whose
 * session can no longer be paid), if any. Read it after mount only.
 */
export const readSessionId = (search?: string): string | undefined => fromQuery(SESSION_PARAM, search);

/**
 * Explicit inputs first: a token prop, then a payment link, a payment, a client session; the URL's token (else its
 * client session) only when the merchant passed none of them. `canReadUrl` is false until the view is mounted.
 */
export function resolveSource(
  props: StatusSourceProps,
  urlToken: string | undefined,
  canReadUrl: boolean,
  urlSessionId?: string,
): StatusSource {
  if (given(props.token)) return { kind: 'token', token: props.token };
  if (given(props.paymentLinkId)) return { kind: 'link', id: props.paymentLinkId };
  if (given(props.paymentId)) return { kind: 'payment', id: props.paymentId };
  if (given(props.clientSessionId)) return { kind: 'session', id: props.clientSessionId };
  if (given(urlToken)) return { kind: 'token', token: urlToken };
  if (given(urlSessionId)) return { kind: 'session', id: urlSessionId };
  return canReadUrl ? { kind: 'none' } : { kind: 'unread' };
}
