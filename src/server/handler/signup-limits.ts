// Limits of the XCO signup that Purse's own do not give. Purse throttles a resend to one identifier for seconds and
// rate-limits per caller_id (per merchant without one). That stops neither a shop being made to send one victim
// hundreds of codes from many browsers and IPs (email or SMS bombing, and the merchant's SMS bill), nor one client
// checking identifiers by the thousand (which accounts exist), spending the merchant's Purse rate limit that every
// shopper's signup shares. Both count in the handler's store, so they hold across instances.
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import { problem } from './http.ts';
import { sha256 } from './idempotency.ts';
import { fixedWindow, overQuota } from './quota.ts';
import type { RouteContext } from './route-types.ts';
import { isStoreError } from './store.ts';
import { identifierKey } from './validate.ts';

/**
 * Counts one account lookup (users/exists) of this shopper, and of a guest's IP; the 429 once over `lookupQuota`.
 * A store that cannot count lets the lookup through: it kept no record before this quota existed and so worked while
 * the store was down, and a signup goes no further without the store (every later step needs its records).
 */
export async function overLookupQuota(ctx: RouteContext): Promise<Response | undefined> {
  // A resolveCustomer that throws for guests still gets its lookup answered (as isOwnLinked does): a 500 for some
  // identifiers only would tell accounts apart. Callers named by nobody (that, or a resolveGuest answering null) share
  // one count, and their IP's: they cannot go on to send a code or create an account anyway.
  const shopper = await ctx.shopper().catch(() => undefined);
  try {
    const scope = shopper?.minted ? null : (shopper?.scope ?? 'anonymous');
    return await overQuota(ctx, scope, !shopper?.customer, ctx.lookupQuota, 'exists');
  } catch (error) {
    if (isStoreError(error)) return undefined;
    throw error;
  }
}

/**
 * A mail domain as mail servers read it: its ASCII form (IDNA, as the URL standard maps a host: "Bücher.example",
 * "bu\u0308cher.example" and "xn--bcher-kva.example" are one domain, and so are "ｇｍａｉｌ.com" and "gmail.com"). A domain
 * with a character a URL reads otherwise (a path, a port, a percent escape) is only lower-cased.
 */
function mailDomain(domain: string): string {
  if (/[/?#\\:@%[\]]/.test(domain)) return domain.toLowerCase();
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return domain.toLowerCase();
  }
}

/**
 * Where a code lands: an email's mailbox (lower case, its domain in ASCII, without its "+tag", and without dots at
 * Gmail, which ignores them), or the E.164 phone number. Several spellings of one mailbox are one destination to cap.
 */
function destination(identifier: XcoIdentifier): string {
  if (identifier.email === undefined) return identifierKey(identifier);
  const at = identifier.email.lastIndexOf('@');
  let local = identifier.email.slice(0, at).toLowerCase();
  let domain = mailDomain(identifier.email.slice(at + 1));
  local = local.split('+')[0] || local;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  return `email:${local}@${domain}`;
}

/** A place under the cap: `giveBack` when Purse decided that no code went out. */
export type CodeReservation = { refused: Response } | { refused?: undefined; giveBack(): Promise<void> };

/**
 * Takes a place under `codeLimit` for a code to this identifier, whoever asks; the 429 (`too_many_codes`) once the
 * window's places are taken. Two counters: places taken (atomic INCR) and places given back. A request passes only
 * while taken − given back ≤ limit, so however many run at once no more than `limit` codes are out or on their way;
 * a refused request's place is not given back (giving it back could let a slower request pass over the cap).
 */
export async function reserveCode(ctx: RouteContext, identifier: XcoIdentifier): Promise<CodeReservation> {
  const { limit, windowMs } = ctx.codeLimit;
  const { window, retryAfter } = fixedWindow(ctx.now(), windowMs);
  // Hashed: the store (and its backups) never holds the shopper's email or phone in clear.
  const taken = `purse-kit:codes:${await sha256(`purse-kit:codes:${destination(identifier)}`)}:${window}`;
  const givenBack = `${taken}:back`;
  const count = await ctx.store.increment(taken, windowMs);
  if (count > limit && count - Number((await ctx.store.get(givenBack)) ?? 0) > limit) {
    return {
      refused: problem(
        429,
        {
          title: 'Too many codes',
          detail: `Too many one-time codes were sent to this email or phone number; try again in ${retryAfter} s, or use another one.`,
          code: 'too_many_codes',
        },
        { 'retry-after': String(retryAfter) },
      ),
    };
  }
  // Best effort: a place not given back only keeps the cap stricter until the window ends.
  return { giveBack: () => ctx.store.increment(givenBack, windowMs).then(() => undefined, () => undefined) };
}
