// Public types of the Purse mock server. Web-standard: shared by the in-process emulator and the node entry.
import type { XcoIdentifier, XcoUser } from '../core/xco.ts';

export interface MockPurseOptions {
  /** Enables the /__mock/* control endpoints (default false: they answer 404, as on the real Purse). */
  testMode?: boolean;
  /** Public origin used for absolute links (default 'http://localhost'). */
  baseUrl?: string;
  /** Clock in milliseconds (default Date.now); tests inject a fake one to cross expiries. */
  now?: () => number;
  /** Lifetime of access tokens (default 3600). */
  tokenTtlSeconds?: number;
  /** Lifetime of one-time codes (default 10 minutes). */
  otpTtlMs?: number;
  /** Minimum delay between two codes sent to one identifier (default 30 s). */
  resendThrottleMs?: number;
  /** Wrong codes accepted before the code locks (default 5). */
  maxCodeAttempts?: number;
  /** Per caller_id (fallback: per client id) over exists, passwordless start and verify (default 30 per 60 s). */
  rateLimit?: { limit: number; windowMs: number };
  /** "Delivers" each code sent, e.g. prints it in a dev console. The mock itself never logs codes. */
  onOtp?: (delivery: { identifier: XcoIdentifier; code: string }) => void;
}

export interface MockUserRecord {
  user: XcoUser;
  created_by: 'seed' | 'api';
  customer_references: string[];
}

export interface MockConsentRecord {
  customer_reference: string;
  user_email?: string;
  user_phone_number?: string;
  via: 'create_user' | 'consent_challenge';
}

export interface MockRequestRecord {
  method: string;
  path: string;
  caller_id?: string;
}

export interface MockPurseControl {
  /** The latest code sent to the identifier until it is used (expired or locked codes included, to test refusals). */
  currentCode(identifier: XcoIdentifier): string | undefined;
  users(): MockUserRecord[];
  consents(): MockConsentRecord[];
  /** Successful token grants so far. */
  tokenRequests(): number;
  /** API calls received, oldest first (not /__mock/*). */
  requests(): MockRequestRecord[];
  setFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Back to the seeded state: users, consents, codes, rate limits, faults and counters. Issued tokens stay valid. */
  reset(): void;
}

export interface MockPurse {
  fetch(request: Request): Promise<Response>;
  control: MockPurseControl;
}

export interface FaultRule {
  /** Any method when absent. */
  method?: string;
  /** Exact pathname, or a prefix ending in '*'. */
  path: string;
  /** Respond with this instead of handling the request (status defaults to 500 when only headers or body are set). */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Delay before handling (or before the fault response). */
  latencyMs?: number;
  /** 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Connection dropped: fetch() rejects with a TypeError in process; the socket is destroyed by node.ts. */
  drop?: boolean;
  /** Apply N times then remove; unlimited when absent. */
  times?: number;
}
