// Verification of `purse-redirection-data`: a compact JWS that Purse appends to shopper_redirection_url. RS256 only,
// against the keys of GET /payment/v2/signing-jwks, cached and refetched once when a token names a key we do not know.
// The claims only say which session and payment to ask Purse about: statuses always come from Purse (redirect-confirm.ts).
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { RedirectTokenClaims, SigningJwks } from '../../core/wire/payment.ts';
import type { PaymentApi } from './payment-api.ts';
import { PurseApiError } from './error.ts';
import { fetchWithTimeout, type FetchLike } from './transport-util.ts';

/**
 * Why a redirect token was refused: not a compact JWS (`malformed`), not RS256 (`algorithm`), a key Purse does not
 * publish (`unknown_key`), a bad `signature`, `expired` or `not_yet_valid`, missing or wrong `claims`, or a `mismatch`.
 */
export type RedirectTokenFailure =
  | 'malformed'
  | 'algorithm'
  | 'unknown_key'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'claims'
  /** Verified, but Purse's records do not match the claims (another session's payment). */
  | 'mismatch';

/** The token is not one Purse signed for us, or no longer valid. Never retry with the same token. */
export class RedirectTokenError extends Error {
  /** The handler's problem code for it. */
  readonly code = 'invalid_redirect_token';
  /** Why the token was refused. */
  readonly reason: RedirectTokenFailure;
  constructor(reason: RedirectTokenFailure, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'RedirectTokenError';
    this.reason = reason;
  }
}

/** True for a `RedirectTokenError`. */
export const isRedirectTokenError = (value: unknown): value is RedirectTokenError => value instanceof RedirectTokenError;

/** Options of `createRedirectVerifier`. */
export interface RedirectVerifierOptions {
  /** Fetches the keys from `${paymentApiUrl}/v2/signing-jwks` with its token cache. Needed unless `jwksUrl` is set. */
  client?: Pick<PaymentApi, 'getSigningJwks'>;
  /** Another JWKS URL, fetched without credentials (the client's token is never sent to it). */
  jwksUrl?: string;
  /**
   * For `jwksUrl`.
   * @defaultValue the global fetch
   */
  fetch?: FetchLike;
  /**
   * Clock for `exp`/`nbf` and the key cache (tests).
   * @defaultValue Date.now
   */
  now?: () => number;
  /**
   * Leeway for `exp` and `nbf`, in seconds.
   * @defaultValue 30
   */
  clockToleranceSeconds?: number;
  /**
   * Refuse tokens without `exp`.
   * @defaultValue true
   */
  requireExpiry?: boolean;
  /**
   * How long fetched keys are used before they are fetched again, in ms.
   * @defaultValue 600000 (10 minutes)
   */
  jwksMaxAgeMs?: number;
  /**
   * Least time between two refetches caused by unknown `kid`s, so a flood of forged tokens cannot make us hammer Purse.
   * A refetch that is already running is always awaited.
   * @defaultValue 30000
   */
  jwksCooldownMs?: number;
  /**
   * Deadline for a `jwksUrl` answer, in ms.
   * @defaultValue 10000
   */
  timeoutMs?: number;
}

/** Verifies `purse-redirection-data` tokens against Purse's signing keys. */
export interface RedirectVerifier {
  /**
   * The verified claims. Rejects with `RedirectTokenError` for a token to refuse, or `PurseApiError` when the keys
   * could not be fetched (not the shopper's fault: try again later).
   */
  verify(token: string): Promise<RedirectTokenClaims>;
}

/** Compact JWS tokens of a few claims are far below this; a larger "token" is not worth parsing. */
const MAX_TOKEN_LENGTH = 8192;
const ID = /^[A-Za-z0-9_-]{1,128}$/;

interface KeySet {
  getKey: JWTVerifyGetKey;
  kids: Set<string>;
  fetchedAt: number;
}

/** Only RSA signing keys, with `kid` as a string (Purse's sample publishes a number). */
function normalise(jwks: SigningJwks): JSONWebKeySet {
  const keys = (Array.isArray(jwks?.keys) ? jwks.keys : [])
    .filter((k) => k && k.kty === 'RSA' && (k.use === undefined || k.use === 'sig') && (k.alg === undefined || k.alg === 'RS256'))
    .map(({ kid, ...key }) => ({ ...key, ...(kid !== undefined && { kid: String(kid) }) }));
  return { keys };
}

function refuse(reason: RedirectTokenFailure, message: string, cause?: unknown): never {
  throw new RedirectTokenError(reason, message, cause);
}

function checkClaims(payload: Record<string, unknown>): RedirectTokenClaims {
  const { client_session_id, payment_id, authorization_status, client_session_status } = payload;
  if (typeof client_session_id !== 'string' || !ID.test(client_session_id)) {
    refuse('claims', 'The redirect token has no valid client_session_id.');
  }
  if (payment_id !== undefined && (typeof payment_id !== 'string' || !ID.test(payment_id))) {
    refuse('claims', 'The redirect token has an invalid payment_id.');
  }
  for (const [name, value] of [['authorization_status', authorization_status], ['client_session_status', client_session_status]] as const) {
    if (value !== undefined && typeof value !== 'string') refuse('claims', `The redirect token has an invalid ${name}.`);
  }
  return payload as unknown as RedirectTokenClaims;
}

function translate(error: unknown): never {
  if (error instanceof RedirectTokenError || error instanceof PurseApiError) throw error;
  if (error instanceof errors.JWTExpired) refuse('expired', 'The redirect token has expired.', error);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') refuse('not_yet_valid', 'The redirect token is not valid yet.', error);
    refuse('claims', `The redirect token's "${error.claim}" claim is missing or invalid.`, error);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) refuse('signature', 'The redirect token signature is invalid.', error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    refuse('algorithm', 'The redirect token is not signed with RS256.', error);
  }
  if (error instanceof errors.JWKSNoMatchingKey) refuse('unknown_key', 'The redirect token names no Purse signing key.', error);
  if (error instanceof errors.JOSEError) refuse('malformed', 'The redirect token is not a valid JWS.', error);
  throw error;
}

/** A verifier of redirect tokens: RS256 against Purse's published keys, fetched and cached. */
export function createRedirectVerifier(options: RedirectVerifierOptions): RedirectVerifier {
  const { client, jwksUrl } = options;
  if (!client && !jwksUrl) {
    throw new Error('createRedirectVerifier needs { client } (a PurseClient) or { jwksUrl }.');
  }
  const now = options.now ?? Date.now;
  const maxAgeMs = options.jwksMaxAgeMs ?? 10 * 60_000;
  const cooldownMs = options.jwksCooldownMs ?? 30_000;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const requireExpiry = options.requireExpiry ?? true;
  const timeoutMs = options.timeoutMs ?? 10_000;

  let current: KeySet | undefined;
  let inflight: Promise<KeySet> | undefined;
  let lastUnknownKidRefetch = Number.NEGATIVE_INFINITY;

  async function fetchJwks(): Promise<SigningJwks> {
    if (!jwksUrl) return client!.getSigningJwks();
    const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const response = await fetchWithTimeout(fetchImpl, jwksUrl, { headers: { accept: 'application/json' } }, timeoutMs, 'the Purse signing JWKS');
    const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
    if (!body || typeof body !== 'object' || !Array.isArray((body as SigningJwks).keys)) {
      throw new PurseApiError({
        kind: response.ok ? 'invalid_response' : 'http',
        status: response.status,
        message: `The Purse signing JWKS at ${jwksUrl} answered ${response.status} without a key set.`,
      });
    }
    return body as SigningJwks;
  }

  /** One fetch at a time; every concurrent caller shares it. */
  function load(): Promise<KeySet> {
    inflight ??= (async () => {
      try {
        const jwks = normalise(await fetchJwks());
        const set: KeySet = {
          getKey: createLocalJWKSet(jwks),
          kids: new Set(jwks.keys.map((k) => k.kid).filter((kid): kid is string => typeof kid === 'string')),
          fetchedAt: now(),
        };
        current = set;
        return set;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  async function keysFor(kid: string | undefined): Promise<KeySet> {
    let keys = current;
    let fresh = false;
    if (!keys || now() - keys.fetchedAt >= maxAgeMs) {
      keys = await load();
      fresh = true;
    }
    if (kid !== undefined && !keys.kids.has(kid)) {
      // Purse may have rotated its key since we fetched: look once more, unless we just did.
      if (inflight) keys = await inflight;
      else if (!fresh && now() - lastUnknownKidRefetch >= cooldownMs) {
        lastUnknownKidRefetch = now();
        keys = await load();
      }
      if (!keys.kids.has(kid)) refuse('unknown_key', `The redirect token names an unknown signing key ("${kid.slice(0, 64)}").`);
    }
    return keys;
  }

  return {
    async verify(token) {
      try {
        if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) {
          refuse('malformed', 'The redirect token is not a compact JWS.');
        }
        let header: ReturnType<typeof decodeProtectedHeader>;
        try {
          header = decodeProtectedHeader(token);
        } catch (cause) {
          refuse('malformed', 'The redirect token header cannot be read.', cause);
        }
        // Decided before any key is looked at: `none`, HS256 "signed" with the public key and the like never get further.
        if (header.alg !== 'RS256') refuse('algorithm', `The redirect token is signed with "${String(header.alg)}"; only RS256 is accepted.`);
        if (header.kid !== undefined && typeof header.kid !== 'string') refuse('malformed', 'The redirect token has an invalid "kid".');
        const keys = await keysFor(header.kid);
        const { payload } = await jwtVerify(token, keys.getKey, {
          algorithms: ['RS256'],
          clockTolerance: tolerance,
          currentDate: new Date(now()),
          ...(requireExpiry && { requiredClaims: ['exp'] }),
        });
        return checkClaims(payload);
      } catch (error) {
        translate(error);
      }
    },
  };
}
