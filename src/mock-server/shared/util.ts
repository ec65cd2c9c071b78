// Small web-standard helpers (no node: imports): the mock also runs in browsers and happy-dom.

const cryptoApi = (): Crypto => {
  const api = globalThis.crypto;
  if (!api?.getRandomValues) throw new Error('The Purse mock needs globalThis.crypto.getRandomValues (Node 20+ or a browser).');
  return api;
};

const randomBytes = (length: number): Uint8Array => cryptoApi().getRandomValues(new Uint8Array(length));

/** UUID v4 from getRandomValues: crypto.randomUUID only exists in secure contexts (not on http://192.168.x.y). */
export function uuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque random token, base64url without padding. */
export function randomToken(byteLength = 32): string {
  let binary = '';
  for (const byte of randomBytes(byteLength)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Six uniform random digits: rejection sampling over 32-bit draws, so no value is favoured by a modulo. */
export function randomDigits(digits = 6): string {
  const range = 10 ** digits;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  const draw = new Uint32Array(1);
  for (;;) {
    cryptoApi().getRandomValues(draw);
    if (draw[0]! < limit) return String(draw[0]! % range).padStart(digits, '0');
  }
}

/** Compares secrets without an early exit, so timing does not reveal the matching prefix. */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const clone = <T>(value: T): T => structuredClone(value);
