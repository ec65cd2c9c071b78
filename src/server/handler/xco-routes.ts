// The XCO routes of the merchant handler (src/core/backend/routes.ts): validate, call Purse, remember consent challenges.
import { routes } from '../../core/backend/routes.ts';
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import { json, noContent, problem, validationProblem } from './http.ts';
import { isPurseApiError } from '../purse/error.ts';
import type { RouteContext, RouteDefinition } from './route-types.ts';
import { checkConsentBody, checkIdentifier, checkUser, checkVerifyBody, identifierKey } from './validate.ts';

/** What the handler remembers about a consent challenge it handed out. */
interface ChallengeRecord {
  identifier: string;
  /** The customer signed in when the code was verified, if any. */
  customer: string | null;
  expiresAt: number;
}

const challengeKey = (id: string) => `purse-kit:xco:challenge:${id}`;

const noCustomer = () =>
  problem(401, {
    title: 'No customer session',
    detail:
      'There is no signed-in customer for this request. Sign the shopper in (or create their account) first: the ' +
      'customer reference comes from resolveCustomer() on the merchant server, never from the request.',
    code: 'no_customer_session',
  });

/** Purse names the identifier "/email" or "/phone_number"; the browser may have nested it under "/identifier". */
const underPrefix = (prefix: string) => (pointer: string) =>
  prefix && (pointer === '/email' || pointer === '/phone_number') ? `${prefix}${pointer}` : pointer;

/** Both body shapes: `{ email }` (what createHttpBackend sends) and `{ identifier: { email } }`. */
const bodyIdentifier = (body: Record<string, unknown>) =>
  body.identifier !== undefined ? checkIdentifier(body.identifier, '/identifier') : checkIdentifier(body, '');

/** Purse said for sure the challenge is not usable (a 4xx about it): do not give it back. */
const definitiveRefusal = (error: unknown) =>
  isPurseApiError(error) &&
  (error.kind === 'invalid_response' ||
    (error.kind === 'http' && error.status >= 400 && error.status < 500 && ![401, 403, 408, 429].includes(error.status)));

export const xcoRoutes: Record<string, RouteDefinition> = {
  [routes.checkUser]: {
    method: 'GET',
    async run(ctx) {
      const query = ctx.url.searchParams;
      const source: Record<string, string> = {};
      for (const key of ['email', 'phone_number']) {
        const value = query.get(key);
        if (value !== null) source[key] = value;
      }
      const identifier = checkIdentifier(source, '');
      if (!identifier.ok) return validationProblem(identifier.errors, 'Pass ?email=… or ?phone_number=… (E.164).');
      try {
        const result = await ctx.purse.checkUser(identifier.value, ctx.callerId);
        return json(200, { exists: result.exists, token_count: result.token_count ?? 0 });
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },

  [routes.createUser]: {
    method: 'POST',
    async run(ctx) {
      const customer = await ctx.customer();
      if (!customer) return noCustomer();
      // Only `user` is read: a customer_reference in the body is ignored on purpose.
      const user = checkUser(ctx.body.user, '/user');
      if (!user.ok) return validationProblem(user.errors);
      try {
        const created = await ctx.purse.createUser({ customer_reference: customer, user: user.value });
        return json(201, { user: created.user });
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },

  [routes.startPasswordless]: {
    method: 'POST',
    async run(ctx) {
      const identifier = bodyIdentifier(ctx.body);
      if (!identifier.ok) return validationProblem(identifier.errors);
      try {
        await ctx.purse.startPasswordless(identifier.value, ctx.callerId);
        return noContent();
      } catch (error) {
        return ctx.fail(error, underPrefix(ctx.body.identifier !== undefined ? '/identifier' : ''));
      }
    },
  },

  [routes.verifyPasswordless]: {
    method: 'POST',
    async run(ctx) {
      const input = checkVerifyBody(ctx.body);
      if (!input.ok) return validationProblem(input.errors);
      const { identifier, code, prefix } = input.value;
      try {
        const verified = await ctx.purse.verifyPasswordless({ ...identifier, verification_code: code }, ctx.callerId);
        await rememberChallenge(ctx, verified.consent_challenge_id, identifier);
        return json(200, { consent_challenge_id: verified.consent_challenge_id, user: verified.user });
      } catch (error) {
        return ctx.fail(error, underPrefix(prefix));
      }
    },
  },

  [routes.createConsent]: {
    method: 'POST',
    async run(ctx) {
      const customer = await ctx.customer();
      if (!customer) return noCustomer();
      const input = checkConsentBody(ctx.body);
      if (!input.ok) return validationProblem(input.errors);
      const { identifier, challenge, prefix } = input.value;
      const key = challengeKey(challenge);

      const unknown = () =>
        problem(400, {
          title: 'Unknown consent challenge',
          detail:
            'This consent challenge was not issued by this server, has expired or was already used. Verify a new code ' +
            'to get a new one.',
          code: 'consent_challenge_unknown',
          errors: [{ pointer: '/consent_challenge_id', detail: 'Verify a new code to get a new consent challenge.' }],
        });
      const record = parseChallenge(await ctx.store.get(key));
      if (!record) return unknown();
      if (record.identifier !== identifierKey(identifier)) {
        return problem(403, {
          title: 'Consent challenge mismatch',
          detail: 'This consent challenge was issued for another email or phone number.',
          code: 'consent_challenge_mismatch',
          errors: [{ pointer: `${prefix}/${identifier.email !== undefined ? 'email' : 'phone_number'}`, detail: 'This is not the identifier whose code was verified.' }],
        });
      }
      if (record.customer !== null && record.customer !== customer) {
        return problem(403, {
          title: 'Consent challenge mismatch',
          detail: 'This consent challenge was issued to another customer session.',
          code: 'consent_challenge_mismatch',
        });
      }
      // Single use: take it atomically, so two concurrent consents cannot both pass.
      const taken = await ctx.store.take(key);
      if (taken === undefined) return unknown();
      try {
        await ctx.purse.createConsent(customer, challenge);
        return noContent();
      } catch (error) {
        // Purse did not decide (network, 5xx, 429, our credentials): the shopper may retry with the same challenge.
        const remaining = record.expiresAt - ctx.now();
        if (!definitiveRefusal(error) && remaining > 0) await ctx.store.set(key, taken, remaining);
        return ctx.fail(error, underPrefix(prefix));
      }
    },
  },

  [routes.getUser]: {
    method: 'GET',
    async run(ctx) {
      const customer = await ctx.customer();
      if (!customer) return noCustomer();
      try {
        return json(200, await ctx.purse.getUser(customer));
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },
};

async function rememberChallenge(ctx: RouteContext, id: string, identifier: XcoIdentifier): Promise<void> {
  const record: ChallengeRecord = {
    identifier: identifierKey(identifier),
    customer: (await ctx.customer()) ?? null,
    expiresAt: ctx.now() + ctx.challengeTtlMs,
  };
  await ctx.store.set(challengeKey(id), JSON.stringify(record), ctx.challengeTtlMs);
}

function parseChallenge(raw: string | undefined): ChallengeRecord | undefined {
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<ChallengeRecord>;
    return typeof value.identifier === 'string' && typeof value.expiresAt === 'number'
      ? { identifier: value.identifier, customer: typeof value.customer === 'string' ? value.customer : null, expiresAt: value.expiresAt }
      : undefined;
  } catch {
    return undefined;
  }
}
