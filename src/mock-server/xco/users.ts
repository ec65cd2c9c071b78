// In-memory XCO accounts, their links to the merchant's customer references, and consent challenges.
import type { XcoIdentifier, XcoUser } from '../../core/wire/xco.ts';
import { SEEDED_TOKEN_COUNTS, SEEDED_USERS } from '../seed.ts';
import type { MockConsentRecord, MockUserRecord } from '../types.ts';
import { clone, uuid } from '../shared/util.ts';

interface UserEntry extends MockUserRecord {
  token_count: number;
}

const sameEmail = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** Key of an identifier for per-identifier state (codes, throttles): emails compare case-insensitively. */
export const identifierKey = (identifier: XcoIdentifier) =>
  identifier.email !== undefined ? `email:${identifier.email.toLowerCase()}` : `phone:${identifier.phone_number}`;

export function createUserStore() {
  let users: UserEntry[] = [];
  let consents: MockConsentRecord[] = [];
  let challenges = new Map<string, { user: UserEntry; used: boolean }>();

  const seed = () => {
    users = SEEDED_USERS.map((user) => ({
      user: clone(user),
      created_by: 'seed',
      customer_references: [],
      token_count: (user.email && SEEDED_TOKEN_COUNTS[user.email]) || 0,
    }));
    consents = [];
    challenges = new Map();
  };
  seed();

  const find = (identifier: XcoIdentifier) =>
    identifier.email !== undefined
      ? users.find((entry) => sameEmail(entry.user.email, identifier.email))
      : users.find((entry) => entry.user.phone_number === identifier.phone_number);

  const byReference = (reference: string) => users.find((entry) => entry.customer_references.includes(reference));

  function link(entry: UserEntry, reference: string, via: MockConsentRecord['via']) {
    if (!entry.customer_references.includes(reference)) entry.customer_references.push(reference);
    consents.push({
      customer_reference: reference,
      ...(entry.user.email !== undefined ? { user_email: entry.user.email } : {}),
      ...(entry.user.phone_number !== undefined ? { user_phone_number: entry.user.phone_number } : {}),
      via,
    });
  }

  return {
    find,
    byReference,
    tokenCount: (identifier: XcoIdentifier) => find(identifier)?.token_count ?? 0,

    /** Which existing account already holds the new user's email or phone, if any. */
    conflict(user: XcoUser): 'email' | 'phone_number' | undefined {
      if (user.email !== undefined && find({ email: user.email })) return 'email';
      if (user.phone_number !== undefined && find({ phone_number: user.phone_number })) return 'phone_number';
      return undefined;
    },

    create(reference: string, user: XcoUser): XcoUser {
      const entry: UserEntry = { user: clone(user), created_by: 'api', customer_references: [], token_count: 0 };
      users.push(entry);
      link(entry, reference, 'create_user');
      return clone(entry.user);
    },

    issueChallenge(entry: MockUserRecord): string {
      const id = uuid();
      challenges.set(id, { user: entry as UserEntry, used: false });
      return id;
    },

    /** Looks a challenge up without using it. */
    challenge: (id: string) => challenges.get(id),

    redeem(id: string, reference: string) {
      const challenge = challenges.get(id);
      if (!challenge || challenge.used) throw new Error('redeem() needs an unused challenge; check challenge() first.');
      challenge.used = true;
      link(challenge.user, reference, 'consent_challenge');
    },

    records: (): MockUserRecord[] =>
      users.map(({ user, created_by, customer_references }) => clone({ user, created_by, customer_references })),
    consents: () => clone(consents),
    reset: seed,
  };
}
