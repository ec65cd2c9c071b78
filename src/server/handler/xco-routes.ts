// The XCO routes of the merchant handler (src/core/backend/routes.ts): validate, call Purse, remember consent challenges.
import { routes } from '../../core/backend/routes.ts';
import { json, noContent, problem, validationProblem } from './http.ts';
import { isPurseApiError } from '../purse/error.ts';
import { beginAttempt, endAttempt, isDefinitiveRefusal, purseCode } from './intent.ts';
import type { RouteDefinition } from './route-types.ts';
import { checkConsentBody, checkIdentifier, checkVerifyBody, identifierKey } from './validate.ts';
import {
  codeOwner,
  isOwnLinked,
  linkedAccount,
  noCustomer,
  readChallenge,
  rememberChallenge,
  rememberCodeSent,
  rememberLinked,
  restoreChallenge,
  sameShopper,
  takeChallenge,
} from './xco-flow.ts';
import { createUserRoute } from './xco-create.ts';
import { overLookupQuota, reserveCode } from './signup-limits.ts';
import { toShopperXcoUser } from './views.ts';

const noLinkedAccount = () =>
  problem(404, { title: 'No linked account', detail: 'No Purse Express Checkout account is linked to this customer.', code: 'xco_account_not_linked' });

/** Purse names the identifier "/email" or "/phone_number"; the browser may have nested it under "/identifier". */
const underPrefix = (prefix: string) => (pointer: string) =>
  prefix && (pointer === '/email' || pointer === '/phone_number') ? `${prefix}${pointer}` : pointer;

/** Both body shapes: `{ email }` (what createHttpBackend sends) and `{ identifier: { email } }`. */
const bodyIdentifier = (body: Record<string, unknown>) =>
  body.identifier !== undefined ? checkIdentifier(body.identifier, '/identifier') : checkIdentifier(body, '');

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
      // Whether an account exists is what the signup needs; how many payment methods its owner saved is told to the
      // customer it is linked to only (the account view), never to whoever types an email. Asked whatever the
      // identifier: work done only for accounts with saved methods would tell them apart by time, or by a 500 from a
      // resolveCustomer that throws for guests.
      const own = await isOwnLinked(ctx, identifier.value);
      // The account view asks for its own account at every visit: that lists nobody's account, so it never counts.
      const limited = own ? undefined : await overLookupQuota(ctx);
      if (limited) return limited;
      try {
        const result = await ctx.purse.checkUser(identifier.value, ctx.callerId);
        return json(200, { exists: result.exists, token_count: own && result.exists ? (result.token_count ?? 0) : 0 });
      } catch (error) {
        return ctx.fail(error);
      }
    },
  },

  [routes.createUser]: createUserRoute,

  [routes.startPasswordless]: {
    method: 'POST',
    async run(ctx) {
      const identifier = bodyIdentifier(ctx.body);
      if (!identifier.ok) return validationProblem(identifier.errors);
      const key = identifierKey(identifier.value);
      // The key reused with another identifier is refused here (409), so a retry is for this very identifier.
      const { retried } = await beginAttempt(ctx, key);
      // One place under the cap per intent: a retry after an attempt whose outcome is unknown had its place taken by it.
      // Refused (or the store failing), Purse was not asked: the retry is a first attempt again, and counted.
      const place = retried ? undefined : await reserveCode(ctx, identifier.value).catch(async (error: unknown) => {
        await endAttempt(ctx, undefined, true).catch(() => undefined);
        throw error;
      });
      if (place?.refused) {
        await endAttempt(ctx, undefined, true);
        return place.refused;
      }
      try {
        await ctx.purse.startPasswordless(identifier.value, ctx.callerId);
      } catch (error) {
        // Purse throttles a second send: after this intent's own attempt with a lost answer, that means it was sent.
        const throttled = purseCode(error) === 'resend_throttled';
        if (!(retried && throttled)) {
          // Purse decided (refused, throttled): no code went out, the place is given back. Else it stays taken.
          if (await endAttempt(ctx, error, throttled)) await place?.giveBack();
          return ctx.fail(error, underPrefix(ctx.body.identifier !== undefined ? '/identifier' : ''));
        }
      }
      await rememberCodeSent(ctx, identifier.value);
      return noContent();
    },
  },

  [routes.verifyPasswordless]: {
    method: 'POST',
    async run(ctx) {
      const input = checkVerifyBody(ctx.body);
      if (!input.ok) return validationProblem(input.errors);
      const { identifier, code, prefix } = input.value;
      const owner = await codeOwner(ctx, identifier);
      if (!owner || !sameShopper(owner, await ctx.shopper())) {
        const field = `${prefix}/${identifier.email !== undefined ? 'email' : 'phone_number'}`;
        return problem(403, {
          title: 'Code requested elsewhere',
          detail: 'The current code for this email or phone was not requested by this shopper here. Ask for a new code.',
          code: 'code_not_requested_here',
          errors: [{ pointer: field, detail: 'Ask for a new code first.' }],
        });
      }
      // The code is never stored: the attempt record holds the identifier only.
      const key = identifierKey(identifier);
      const { retried } = await beginAttempt(ctx, key);
      try {
        const verified = await ctx.purse.verifyPasswordless({ ...identifier, verification_code: code }, ctx.callerId);
        await rememberChallenge(ctx, verified.consent_challenge_id, identifier);
        return json(200, { consent_challenge_id: verified.consent_challenge_id, user: verified.user && toShopperXcoUser(verified.user) });
      } catch (error) {
        await endAttempt(ctx, error);
        if (retried && purseCode(error) === 'code_expired') {
          // An earlier attempt of this intent used the code, and Purse's answer (the consent challenge) was lost.
          return problem(400, {
            title: 'Code already used',
            detail: 'This code was used by an earlier attempt whose answer was lost on the way. Ask for a new code.',
            code: 'code_expired',
            errors: [{ pointer: '/verification_code', detail: 'Ask for a new code.' }],
          });
        }
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

      const unknown = () =>
        problem(400, {
          title: 'Unknown consent challenge',
          detail:
            'This consent challenge was not issued by this server, has expired or was already used. Verify a new code ' +
            'to get a new one.',
          code: 'consent_challenge_unknown',
          errors: [{ pointer: '/consent_challenge_id', detail: 'Verify a new code to get a new consent challenge.' }],
        });
      const record = await readChallenge(ctx, challenge);
      if (!record) return unknown();
      if (record.identifier !== identifierKey(identifier)) {
        return problem(403, {
          title: 'Consent challenge mismatch',
          detail: 'This consent challenge was issued for another email or phone number.',
          code: 'consent_challenge_mismatch',
          errors: [{ pointer: `${prefix}/${identifier.email !== undefined ? 'email' : 'phone_number'}`, detail: 'This is not the identifier whose code was verified.' }],
        });
      }
      if (!sameShopper(record, await ctx.shopper())) {
        return problem(403, {
          title: 'Consent challenge mismatch',
          detail: 'This consent challenge was issued to another shopper session.',
          code: 'consent_challenge_mismatch',
        });
      }
      // Single use: take it atomically, so two concurrent consents cannot both pass.
      const taken = await takeChallenge(ctx, challenge);
      if (taken === undefined) return unknown();
      try {
        await ctx.purse.createConsent(customer, challenge);
        return noContent();
      } catch (error) {
        // "Already used" after a lost answer: the consent is recorded if Purse links this account to the customer.
        if (isPurseApiError(error) && error.status === 409 && (await linkedAccount(ctx, customer, record.identifier))) return noContent();
        // Purse did not decide (network, unreadable answer, 5xx, 429): the shopper may retry with the same challenge.
        const remaining = record.expiresAt - ctx.now();
        if (!isDefinitiveRefusal(error) && remaining > 0) await restoreChallenge(ctx, challenge, taken, remaining);
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
        const user = await ctx.purse.getUser(customer);
        await rememberLinked(ctx, customer, user);
        return json(200, toShopperXcoUser(user));
      } catch (error) {
        // Purse's 404: no account linked. Answered with the handler's own code, the one answer the account view reads
        // as "none": a 404 from anything else on the way (a proxy, a router) is then a failure to retry.
        if (isPurseApiError(error) && error.kind === 'http' && error.status === 404) return noLinkedAccount();
        return ctx.fail(error);
      }
    },
  },
};
