// POST /xco/users: an XCO account for the signed-in customer, with the email and phone the merchant vouches for
// (resolveIdentity), never only the body's. A retry after a lost answer reads back what Purse has instead of creating
// again: exactly one account per intent.
import type { XcoUser } from '../../core/wire/xco.ts';
import { json, problem, validationProblem } from './http.ts';
import { isPurseApiError } from '../purse/error.ts';
import { beginAttempt, endAttempt } from './intent.ts';
import type { RouteContext, RouteDefinition } from './route-types.ts';
import { checkIdentifier, checkUser, identifierKey } from './validate.ts';
import { toShopperXcoUser } from './views.ts';
import { linkedAccount, noCustomer } from './xco-flow.ts';

const mismatch = (field: 'email' | 'phone_number') =>
  problem(403, {
    title: 'Not the customer’s own identity',
    detail:
      `The ${field === 'email' ? 'email' : 'phone number'} to create the XCO account with is not the one the merchant ` +
      'has for the signed-in customer (resolveIdentity). An account is only created for the customer’s own email and phone.',
    code: 'identity_mismatch',
    errors: [{ pointer: `/user/${field}`, detail: `Use the ${field === 'email' ? 'email address' : 'phone number'} of your account with this shop.` }],
  });

const notVouched = () =>
  problem(403, {
    title: 'No identity to create an account with',
    detail: 'The merchant vouches for no email for the signed-in customer (resolveIdentity returned none).',
    code: 'identity_not_vouched',
  });

/** The customer's vouched identity, checked like any input (a bad one is the merchant's bug: 500). */
async function vouched(ctx: RouteContext): Promise<{ ok: true; email: string; phone?: string } | { ok: false; response: Response }> {
  if (!ctx.identity) {
    ctx.checkout.logger.error('purse-react-kit: createUser needs the resolveIdentity option of createMerchantHandler');
    return {
      ok: false,
      response: problem(501, {
        title: 'XCO signup is not configured',
        detail: 'The merchant server has no resolveIdentity callback: it cannot create XCO accounts.',
        code: 'identity_not_configured',
      }),
    };
  }
  const identity = await ctx.identity();
  if (!identity?.email) return { ok: false, response: notVouched() };
  const email = checkIdentifier({ email: identity.email }, '');
  const phone = identity.phone_number ? checkIdentifier({ phone_number: identity.phone_number }, '') : undefined;
  if (!email.ok || (phone && !phone.ok)) {
    ctx.checkout.logger.error('purse-react-kit: resolveIdentity returned an invalid email or phone number');
    return { ok: false, response: problem(500, { title: 'Internal Server Error', detail: 'The merchant server failed to handle the request.', code: 'internal_error' }) };
  }
  return { ok: true, email: email.value.email!, ...(phone?.ok && { phone: phone.value.phone_number! }) };
}

export const createUserRoute: RouteDefinition = {
  method: 'POST',
  async run(ctx) {
    const customer = await ctx.customer();
    if (!customer) return noCustomer();
    // Only `user` is read: a customer_reference in the body is ignored on purpose.
    const user = checkUser(ctx.body.user, '/user', ctx.now());
    if (!user.ok) return validationProblem(user.errors);
    const identity = await vouched(ctx);
    if (!identity.ok) return identity.response;
    const { email, phone_number, ...profile } = user.value;
    if (email !== undefined && email.toLowerCase() !== identity.email.toLowerCase()) return mismatch('email');
    if (phone_number !== undefined && phone_number !== identity.phone) return mismatch('phone_number');
    const account: XcoUser = { ...profile, email: identity.email, ...(phone_number !== undefined && { phone_number }) };

    const { request, retried } = await beginAttempt(ctx, { customer_reference: customer, user: account });
    const identifier = identifierKey({ email: identity.email });
    // A retry of an intent whose answer was lost: the account may exist already, linked to this customer.
    const existing = retried ? await linkedAccount(ctx, customer, identifier) : undefined;
    if (existing) return json(201, { user: toShopperXcoUser(existing) });
    try {
      const created = await ctx.purse.createUser(request);
      return json(201, { user: toShopperXcoUser(created.user) });
    } catch (error) {
      if (retried && isPurseApiError(error) && error.status === 409) {
        const mine = await linkedAccount(ctx, customer, identifier);
        if (mine) return json(201, { user: toShopperXcoUser(mine) });
      }
      await endAttempt(ctx, error);
      return ctx.fail(error);
    }
  },
};
