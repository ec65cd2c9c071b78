// Who is asking: the merchant's customer (resolveCustomer), else a guest told apart by a signed HttpOnly cookie the
// handler issues (or a guest id the merchant supplies); and the shopper's IP for Purse's rate limiting, read from a
// forwarding header only when the merchant said which proxies to trust.
import type { MerchantHandlerOptions } from './options.ts';

export interface Shopper {
  customer: string | null;
  guest: string | null;
  /** The key every per-shopper record is filed under; `null` when neither a customer nor a guest is known. */
  scope: string | null;
  /** The guest id was minted for this request (it came with no guest cookie): a shopper seen for the first time. */
  minted?: boolean;
}

/** Length-prefixed, so that no customer reference can collide with another, nor with a guest id. */
export const scopeOf = (customer: string | null, guest: string | null): string | null =>
  customer !== null ? `c${customer.length}:${customer}` : guest !== null ? `g${guest.length}:${guest}` : null;

const MAX_CALLER_ID = 255;

/**
 * A forwarded entry's address without the port some proxies write after it (Azure: `203.0.113.7:51234`,
 * `[2001:db8::1]:443`): with it, every new connection of one client would be another caller.
 */
const withoutPort = (entry: string): string =>
  /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(entry)?.[1] ?? /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(entry)?.[1] ?? entry;

/**
 * The shopper's IP, from `callerId(request)` when given, else from `X-Forwarded-For` when `trustProxy` (the number of
 * proxies in front of the handler, each appending the address it was reached from) is set: the entry `trustProxy`
 * from the right. No header is trusted by default: a client writes what it likes in them.
 */
export function callerIdOf(request: Request, options: Pick<MerchantHandlerOptions, 'callerId' | 'trustProxy'>): string | undefined {
  let id: string | undefined;
  if (options.callerId) id = options.callerId(request);
  else if (options.trustProxy) {
    const hops = request.headers.get('x-forwarded-for')?.split(',').map((entry) => entry.trim()) ?? [];
    const entry = hops.length >= options.trustProxy ? hops[hops.length - options.trustProxy] : undefined;
    id = entry === undefined ? undefined : withoutPort(entry);
  }
  return id?.slice(0, MAX_CALLER_ID) || undefined;
}

const encoder = new TextEncoder();
const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export interface GuestCookie {
  /** The guest id in the request's valid cookie, or `undefined`. */
  read(request: Request): Promise<string | undefined>;
  /**
   * A new guest id. A mutation that carries no cookie yet gets an id derived from its Idempotency-Key, so the retry of
   * a request whose answer (and cookie) was lost lands in the same scope and is replayed, not repeated.
   */
  mint(idempotencyKey: string | null): Promise<string>;
  header(id: string, request: Request): Promise<string>;
}

export function createGuestCookie(options: NonNullable<MerchantHandlerOptions['guestCookie']>, basePath: string): GuestCookie {
  const name = options.name ?? 'purse_kit_guest';
  const maxAge = options.maxAgeSeconds ?? 24 * 60 * 60;
  if (options.secret !== undefined && (typeof options.secret !== 'string' || options.secret === '')) {
    // Typically `secret: process.env.PURSE_GUEST_SECRET` with the variable set but empty.
    throw new Error(
      'createMerchantHandler: guestCookie.secret is empty: set it to a long random string, the same on every instance ' +
        '(e.g. PURSE_GUEST_SECRET from `openssl rand -base64 32`), or leave it out for a random secret per process.',
    );
  }
  const secret = options.secret ?? base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const key = globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = async (text: string) => base64url(await globalThis.crypto.subtle.sign('HMAC', await key, encoder.encode(text)));
  const sign = (id: string) => mac(`guest:${id}`);

  return {
    async read(request) {
      const cookie = request.headers
        .get('cookie')
        ?.split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith(`${name}=`));
      const [id, signature] = cookie?.slice(name.length + 1).split('.') ?? [];
      if (!id || !signature || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
      // Compared as MACs of the MACs, so the comparison's timing tells nothing about the expected signature.
      const [expected, given] = await Promise.all([sign(id).then(mac), mac(signature)]);
      return expected === given ? id : undefined;
    },
    async mint(idempotencyKey) {
      if (idempotencyKey !== null) return (await mac(`guest-of-key:${idempotencyKey}`)).slice(0, 22);
      return base64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
    },
    async header(id, request) {
      const secure = options.secure ?? new URL(request.url).protocol === 'https:';
      return `${name}=${id}.${await sign(id)}; Path=${basePath || '/'}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
    },
  };
}
