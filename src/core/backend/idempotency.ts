// Idempotency keys for POSTs: one per shopper intent, reused by every retry of that intent.

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); a storefront served over
 * plain HTTP on a LAN address still has `crypto.getRandomValues`, so fall back to it.
 */
export function createIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  if (typeof cryptoApi?.getRandomValues !== 'function') {
    throw new Error(
      'purse-react-kit needs the Web Crypto API (globalThis.crypto)' +
        (process.env.NODE_ENV !== 'production'
          ? ' to create idempotency keys. Use Node 20+ or a browser, or pass idempotencyKey yourself.'
          : ''),
    );
  }
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
