// What binds the steps of one XCO flow to one shopper: who asked for the current code of an identifier, who verified
// it (the consent challenge), and reading back from Purse whether an account is already linked to a customer.
import type { XcoIdentifier, XcoUser } from '../../core/wire/xco.ts';
import { isPurseApiError } from '../purse/error.ts';
import { problem } from './http.ts';
import type { RouteContext } from './route-types.ts';
import type { Shopper } from './shopper.ts';
import { sha256 } from './idempotency.ts';
import { identifierKey } from './validate.ts';

export const noCustomer = () =>
  problem(401, {
    title: 'No customer session',
    detail:
      'There is no signed-in customer for this request. Sign the shopper in (or create their account) first: the ' +
      'customer reference comes from resolveCustomer() on the merchant server, never from the request.',
    code: 'no_customer_session',
  });

/** The shopper a record was made for: the customer, and the guest cookie they had then (sign-in mid-flow keeps it). */
interface Owner {
  customer: string | null;
  guest: string | null;
}

export interface ChallengeRecord extends Owner {
  identifier: string;
  expiresAt: number;
}

/** Purse keeps one pending code per identifier, so does this: a newer send replaces the owner of the older one. */
const CODE_TTL_MS = 30 * 60_000;
/** Hashed: a store's keys are listed by its monitoring and `KEYS`, and must not name a shopper's email or phone. */
const codeKey = async (identifier: XcoIdentifier) => `purse-kit:xco:code:${await sha256(`purse-kit:xco:code:${identifierKey(identifier)}`)}`;
const challengeKey = (id: string) => `purse-kit:xco:challenge:${id}`;

const ownerOf = (shopper: Shopper): Owner => ({ customer: shopper.customer, guest: shopper.guest });

/**
 * The same customer; or, for a record a guest made, the same guest browser (who may have signed in since). Nobody
 * known on either side never matches.
 */
export const sameShopper = (owner: Owner, shopper: Shopper): boolean =>
  owner.customer !== null ? owner.customer === shopper.customer : owner.guest !== null && owner.guest === shopper.guest;

function parseOwner(value: Record<string, unknown>): Owner {
  return {
    customer: typeof value.customer === 'string' ? value.customer : null,
    guest: typeof value.guest === 'string' ? value.guest : null,
  };
}

export async function rememberCodeSent(ctx: RouteContext, identifier: XcoIdentifier): Promise<void> {
  await ctx.store.set(await codeKey(identifier), JSON.stringify(ownerOf(await ctx.shopper())), CODE_TTL_MS);
}

/** Who asked for the identifier's current code through this handler; `undefined` if nobody did (or it was forgotten). */
export async function codeOwner(ctx: RouteContext, identifier: XcoIdentifier): Promise<Owner | undefined> {
  const raw = await ctx.store.get(await codeKey(identifier));
  try {
    return raw === undefined ? undefined : parseOwner(JSON.parse(raw) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

export async function rememberChallenge(ctx: RouteContext, id: string, identifier: XcoIdentifier): Promise<void> {
  const record: ChallengeRecord = {
    identifier: identifierKey(identifier),
    ...ownerOf(await ctx.shopper()),
    expiresAt: ctx.now() + ctx.challengeTtlMs,
  };
  await ctx.store.set(challengeKey(id), JSON.stringify(record), ctx.challengeTtlMs);
}

export async function readChallenge(ctx: RouteContext, id: string): Promise<ChallengeRecord | undefined> {
  const raw = await ctx.store.get(challengeKey(id));
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    return typeof value.identifier === 'string' && typeof value.expiresAt === 'number'
      ? { identifier: value.identifier, expiresAt: value.expiresAt, ...parseOwner(value) }
      : undefined;
  } catch {
    return undefined;
  }
}

export const takeChallenge = (ctx: RouteContext, id: string) => ctx.store.take(challengeKey(id));
export const restoreChallenge = (ctx: RouteContext, id: string, raw: string, ttlMs: number) => ctx.store.set(challengeKey(id), raw, ttlMs);

/** The identifierKeys of an account's email and phone. */
const keysOf = (user: XcoUser) => [
  ...(user.email !== undefined ? [identifierKey({ email: user.email })] : []),
  ...(user.phone_number !== undefined ? [identifierKey({ phone_number: user.phone_number })] : []),
];

/**
 * The XCO account linked to `customer` when its email or phone is `identifier` (an identifierKey); `undefined` when
 * the customer has no account or another one. How a retry learns that a lost create or consent did happen.
 */
export async function linkedAccount(ctx: RouteContext, customer: string, identifier: string): Promise<XcoUser | undefined> {
  let user: XcoUser;
  try {
    user = await ctx.purse.getUser(customer);
  } catch (error) {
    if (isPurseApiError(error) && error.status === 404) return undefined;
    throw error;
  }
  return keysOf(user).includes(identifier) ? user : undefined;
}

/** How long the identifiers of a customer's linked account, read by getUser, make check answer its token_count. */
const LINKED_TTL_MS = 10 * 60_000;
const linkedKey = (customer: string) => `purse-kit:xco:linked:${customer.length}:${customer}`;

/** getUser answered `user` for `customer`: their own email and phone, whose saved methods they may be told. */
export async function rememberLinked(ctx: RouteContext, customer: string, user: XcoUser): Promise<void> {
  // Best effort: without the record, check answers no count (never someone else's).
  await ctx.store.set(linkedKey(customer), JSON.stringify(keysOf(user)), LINKED_TTL_MS).catch(() => undefined);
}

/**
 * True when `identifier` is the email or phone of the account getUser last answered for the signed-in customer. A
 * failure to tell (the merchant's resolveCustomer throwing for guests, the store) is false: never someone else's.
 */
export async function isOwnLinked(ctx: RouteContext, identifier: XcoIdentifier): Promise<boolean> {
  try {
    const customer = await ctx.customer();
    if (!customer) return false;
    const keys: unknown = JSON.parse((await ctx.store.get(linkedKey(customer))) ?? '[]');
    return Array.isArray(keys) && keys.includes(identifierKey(identifier));
  } catch {
    return false;
  }
}

