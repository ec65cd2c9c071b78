// The Customer Purse API's request signature: `Sign` = HMAC-SHA512 of the exact body string, keyed with the secret
// key, as lowercase hex. WebCrypto only, so it runs in Node, edge runtimes and browsers (Storybook's in-process stack).

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secretKey: string): Promise<CryptoKey> {
  let key = keys.get(secretKey);
  if (!key) {
    key = globalThis.crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
    keys.set(secretKey, key);
  }
  return key;
}

/** Lowercase hex HMAC-SHA512 of `body` (the bytes that are sent, never a re-serialisation) with `secretKey`. */
export async function signCustomerPurseBody(secretKey: string, body: string): Promise<string> {
  const signature = await globalThis.crypto.subtle.sign('HMAC', await hmacKey(secretKey), encoder.encode(body));
  return Array.from(new Uint8Array(signature), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
