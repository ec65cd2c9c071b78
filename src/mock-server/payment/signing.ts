// RS256 signing of the `purse-redirection-data` token and the public keys of GET /payment/v2/signing-jwks.
// Keys are generated lazily (RSA generation costs 100+ ms) and survive reset(), like issued access tokens.
// The JWKS publishes `kid` as a number, as Purse's sample does; a JWS header's `kid` is a string (RFC 7515), so tokens
// carry its decimal form and verifiers must compare the two as strings.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { RedirectTokenClaims, SigningJwk, SigningJwks } from '../../core/wire/payment.ts';

/** Lifetime of a redirect token. */
const REDIRECT_TOKEN_TTL_SECONDS = 600;

interface SigningKey {
  kid: number;
  privateKey: CryptoKey;
  jwk: SigningJwk;
}

export interface SigningKeys {
  /** The published keys: the current one first, then the previous one (kept so tokens signed before a rotation verify). */
  jwks(): Promise<SigningJwks>;
  /** A compact JWS (RS256, `kid` of the current key) with `iat` = now and `exp` = now + 10 min. */
  sign(claims: Omit<RedirectTokenClaims, 'iat' | 'exp'>): Promise<string>;
  /** Makes a new current key; the former current key stays published as the previous one. `kid` as tokens carry it. */
  rotate(): Promise<{ kid: string }>;
}

async function generate(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = globalThis.crypto.getRandomValues(new Uint32Array(1))[0]! + 1;
  const { n, e } = await exportJWK(publicKey);
  if (!n || !e) throw new Error('jose exported an RSA public key without n/e.');
  return { kid, privateKey, jwk: { kty: 'RSA', kid, n, e, alg: 'RS256', use: 'sig' } };
}

/**
 * The first key is shared by every mock in the process (tests create hundreds of mocks; RSA generation is the slow
 * part). rotate() gives one mock keys of its own.
 */
let processKey: Promise<SigningKey> | undefined;
const firstKey = () => {
  processKey ??= generate().catch((error: unknown) => {
    processKey = undefined;
    throw error;
  });
  return processKey;
};

export function createSigningKeys(nowMs: () => number): SigningKeys {
  let current: Promise<SigningKey> | undefined;
  let previous: SigningKey | undefined;

  // A failed generation must not stick: firstKey() tries again on the next call.
  const currentKey = () => current ?? firstKey();

  return {
    async jwks() {
      const key = await currentKey();
      return { keys: [key.jwk, ...(previous ? [previous.jwk] : [])].map((jwk) => ({ ...jwk })) };
    },
    async sign(claims) {
      const key = await currentKey();
      const iat = Math.floor(nowMs() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: String(key.kid), typ: 'JWT' })
        .setIssuedAt(iat)
        .setExpirationTime(iat + REDIRECT_TOKEN_TTL_SECONDS)
        .sign(key.privateKey);
    },
    async rotate() {
      const old = await currentKey().catch(() => undefined);
      const next = await generate();
      previous = old;
      current = Promise.resolve(next);
      return { kid: String(next.kid) };
    },
  };
}
