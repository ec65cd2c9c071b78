// Checks every Customer Purse request as the API describes: `Key` names a known key pair, `Sign` is the lowercase hex
// HMAC-SHA512 of the exact body with its secret key, `timestamp` is within ±3 minutes, and a body is accepted once.
import type { CustomerPurseEnvelope } from '../../core/wire/customer-purse.ts';
import type { MockContext } from '../shared/context.ts';
import { isRecord } from '../shared/http.ts';
import { timingSafeEqual } from '../shared/util.ts';
import type { World } from './world.ts';

export const TIMESTAMP_WINDOW_MS = 3 * 60_000;

/** Errors as `{ code, message }`; every answer carries the mock's clock in `Date`, as an HTTP server does. */
export function cpError(context: MockContext, status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ status, code, message }), {
    status,
    headers: { 'content-type': 'application/json', date: new Date(context.now()).toUTCString() },
  });
}

export function cpJson(context: MockContext, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', date: new Date(context.now()).toUTCString() },
  });
}

const encoder = new TextEncoder();

async function hmacHex(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(body));
  return Array.from(new Uint8Array(signature), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface KeyPair {
  apiKey: string;
  secretKey: string;
  account: string;
}

export type Verified = { ok: true; payload: Record<string, unknown> } | { ok: false; response: Response };

export async function verifySigned(context: MockContext, world: World, keys: KeyPair[], request: Request): Promise<Verified> {
  const refuse = (status: number, code: string, message: string): Verified => ({ ok: false, response: cpError(context, status, code, message) });
  const body = await request.text();
  const pair = keys.find((k) => k.apiKey === request.headers.get('key'));
  if (!pair) return refuse(401, 'UNKNOWN_KEY', 'The Key header names no API key of this server.');
  const sign = request.headers.get('sign') ?? '';
  // Lowercase hex only, as documented: an uppercase signature is refused rather than normalised.
  if (!timingSafeEqual(sign, await hmacHex(pair.secretKey, body))) {
    return refuse(401, 'INVALID_SIGNATURE', 'Sign is not the lowercase hex HMAC-SHA512 of the exact request body with the secret key.');
  }
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') return refuse(400, 'INVALID_CONTENT_TYPE', 'Send the body with Content-Type: application/json.');
  let envelope: Partial<CustomerPurseEnvelope<unknown>>;
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed)) throw new Error('not an object');
    envelope = parsed;
  } catch {
    return refuse(400, 'INVALID_BODY', 'The body must be a JSON object.');
  }
  if (typeof envelope.account !== 'string' || envelope.account === '') return refuse(400, 'VALIDATION_ERROR', 'account is required.');
  if (envelope.account !== pair.account) return refuse(403, 'ACCOUNT_MISMATCH', 'This API key is not allowed to act for this account.');
  const { timestamp } = envelope;
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp)) {
    return refuse(400, 'VALIDATION_ERROR', 'timestamp is required: the current Unix UTC time in milliseconds.');
  }
  const now = context.now();
  if (Math.abs(now - timestamp) > TIMESTAMP_WINDOW_MS) {
    return refuse(400, 'TIMESTAMP_OUT_OF_RANGE', 'timestamp must not be more than 3 minutes in the past or in the future.');
  }
  for (const [seen, until] of world.seen) if (until < now) world.seen.delete(seen);
  if (world.seen.has(sign)) return refuse(400, 'REPLAYED_REQUEST', 'This exact request was already received: send a new timestamp.');
  world.seen.set(sign, timestamp + TIMESTAMP_WINDOW_MS);
  if (envelope.payload !== undefined && !isRecord(envelope.payload)) return refuse(400, 'VALIDATION_ERROR', 'payload must be an object.');
  return { ok: true, payload: (envelope.payload as Record<string, unknown> | undefined) ?? {} };
}
