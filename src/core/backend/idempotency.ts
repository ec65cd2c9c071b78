// Idempotency keys for POSTs: one per shopper intent, reused by every retry of that intent.

/**
 * A random UUID v4, from `crypto.getRandomValues`: unlike `crypto.randomUUID` (secure contexts only: HTTPS,
 * localhost), it also exists on a storefront served over plain HTTP on a LAN address.
 */
export function createIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
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
  let key = '';
  // 8-4-4-4-12 hex digits: a dash before bytes 4, 6, 8 and 10.
  bytes.forEach((byte, index) => (key += (index > 3 && index < 11 && !(index & 1) ? '-' : '') + (byte | 256).toString(16).slice(1)));
  return key;
}
