// Idempotency keys for POSTs: one per shopper intent, reused by every retry of that intent.

/**
 * A random UUID v4, from `crypto.getRandomValues`: unlike `crypto.randomUUID` (secure contexts only: HTTPS,
 * localhost), it also exists on a storefront served over plain HTTP on a LAN address.
 */
export function createIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  // Every browser and Node 20+ have it: a development build says what to do in a runtime without; a production build
  // fails on the missing function itself (a TypeError, mapped like any other failure of the call).
  if (process.env.NODE_ENV !== 'production' && typeof cryptoApi?.getRandomValues !== 'function') {
    throw new Error(
      'purse-react-kit needs the Web Crypto API (globalThis.crypto) to create idempotency keys. Use Node 20+ or a browser, or pass idempotencyKey yourself.',
    );
  }
  // One random byte per hex digit of the template: "4" is the version; "8" becomes 8, 9, a or b (RFC 4122 variant).
  const bytes = cryptoApi.getRandomValues(new Uint8Array(31));
  let index = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (bytes[index++]! & (15 >> (+digit / 4)))).toString(16),
  );
}
