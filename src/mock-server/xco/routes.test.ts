import { describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, SEEDED_USERS } from '../seed.ts';
import { merchantPath, pointers, readProblem, setupMock } from '../test-support.ts';

const newUser = {
  email: 'new.shopper@example.com',
  phone_number: '+33611223344',
  first_name: 'Léa',
  last_name: 'Bernard',
  gender: 'female',
  birthdate: '1990-01-15',
  addresses: [
    { address_type: 'billing', street_address: '1 rue de la Paix', locality: 'Paris', postal_code: '75002', country: 'FRANCE' },
  ],
};

describe('GET /v1/users/exists', () => {
  it('finds seeded users by email (any case) or phone, with their token_count', async () => {
    const { api } = setupMock();
    expect(await (await api.exists({ email: 'existing@example.com' })).json()).toEqual({ exists: true, token_count: 2 });
    expect(await (await api.exists({ email: 'Camille.Martin@Example.FR' })).json()).toEqual({ exists: true, token_count: 1 });
    expect(await (await api.exists({ phone_number: '+33612345678' })).json()).toEqual({ exists: true, token_count: 2 });
    expect(await (await api.exists({ email: 'nobody@example.com' })).json()).toEqual({ exists: false, token_count: 0 });
  });

  it('refuses anything but exactly one valid email or E.164 phone, as Purse problems with pointers', async () => {
    const { api } = setupMock();
    const bad = await api.exists({ email: 'not-an-email' });
    expect(bad.status).toBe(400);
    const problem = await readProblem(bad);
    expect(problem).toMatchObject({ title: 'Validation Error', status: 400, error: 'Invalid email format.', instance: '/v1/users/exists' });
    expect(problem.errors).toEqual([{ pointer: '/email', detail: 'Invalid email format.' }]);
    expect(pointers(await readProblem(await api.exists({ phone_number: '0612345678' })))).toEqual(['/phone_number']);
    expect(pointers(await readProblem(await api.exists({})))).toEqual(['']);
    expect((await api.exists({ email: 'existing@example.com', phone_number: '+33612345678' })).status).toBe(400);
  });
});

describe('POST /v1/merchants/{merchantId}/users', () => {
  it('creates the user with its consent (201), after which exists, get-by-reference and the control state see it', async () => {
    const { api, purse } = setupMock();
    const response = await api.createUser({ customer_reference: 'cust-1', user: newUser });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ customer_reference: 'cust-1', user: newUser });
    expect(await (await api.exists({ email: newUser.email })).json()).toEqual({ exists: true, token_count: 0 });
    const fetched = await api.getUser('cust-1');
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(newUser);
    expect(purse.control.users().find((u) => u.user.email === newUser.email)).toEqual({
      user: newUser,
      created_by: 'api',
      customer_references: ['cust-1'],
    });
    expect(purse.control.consents()).toEqual([
      { customer_reference: 'cust-1', user_email: newUser.email, user_phone_number: newUser.phone_number, via: 'create_user' },
    ]);
  });

  it('answers 409 when the email or phone already has an XCO account, or the reference is linked elsewhere', async () => {
    const { api } = setupMock();
    const byEmail = await api.createUser({ customer_reference: 'c1', user: { email: 'EXISTING@example.com' } });
    expect(byEmail.status).toBe(409);
    expect(await readProblem(byEmail)).toMatchObject({ code: 'user_exists', errors: [{ pointer: '/user/email' }] });
    const byPhone = await api.createUser({ customer_reference: 'c1', user: { email: 'x@example.com', phone_number: '+33698765432' } });
    expect(await readProblem(byPhone)).toMatchObject({ status: 409, code: 'user_exists', errors: [{ pointer: '/user/phone_number' }] });
    expect((await api.createUser({ customer_reference: 'c2', user: { email: 'a@example.com' } })).status).toBe(201);
    const reference = await api.createUser({ customer_reference: 'c2', user: { email: 'b@example.com' } });
    expect(await readProblem(reference)).toMatchObject({ status: 409, code: 'customer_reference_taken' });
  });

  it('validates every field and reports each problem with its JSON pointer', async () => {
    const { api, purse } = setupMock();
    const response = await api.createUser({
      extra: true,
      user: {
        phone_number: '0612345678',
        gender: 'unknown',
        birthdate: '1990-02-30',
        nickname: 'x',
        addresses: [{ address_type: 'home', street_address: '', locality: 'Paris', country: 'FRANCE', floor: 2 }],
      },
    });
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.title).toBe('Validation Error');
    expect(pointers(problem).sort()).toEqual(
      [
        '/extra',
        '/customer_reference',
        '/user/nickname',
        '/user/email',
        '/user/phone_number',
        '/user/gender',
        '/user/birthdate',
        '/user/addresses/0/floor',
        '/user/addresses/0/address_type',
        '/user/addresses/0/street_address',
        '/user/addresses/0/postal_code',
      ].sort(),
    );
    expect(purse.control.users()).toHaveLength(SEEDED_USERS.length);
  });

  it('refuses a bad email, a future birthdate, a missing user and a body that is not JSON', async () => {
    const { api, call } = setupMock();
    const email = await readProblem(await api.createUser({ customer_reference: 'c', user: { email: 'a@b' } }));
    expect(email.errors).toEqual([{ pointer: '/user/email', detail: 'Invalid email format.' }]);
    const future = await readProblem(await api.createUser({ customer_reference: 'c', user: { email: 'a@b.fr', birthdate: '2030-01-01' } }));
    expect(pointers(future)).toEqual(['/user/birthdate']);
    expect(pointers(await readProblem(await api.createUser({ customer_reference: 'c' })))).toEqual(['/user']);
    const broken = await call('POST', merchantPath('/users'), { rawBody: '{"customer_reference":' });
    expect(broken.status).toBe(400);
    expect(pointers(await readProblem(broken))).toEqual(['']);
  });
});

describe('merchant id and routing', () => {
  it('refuses an unknown merchant id with 403 problem', async () => {
    const { call } = setupMock();
    const response = await call('POST', '/v1/merchants/00000000-0000-4000-8000-000000000000/users', {
      body: { customer_reference: 'c', user: { email: 'a@example.com' } },
    });
    expect(response.status).toBe(403);
    expect(await readProblem(response)).toMatchObject({ code: 'unknown_merchant' });
  });

  it('answers 404 for an unknown reference or route, and 405 for a wrong method', async () => {
    const { api, call } = setupMock();
    const missing = await api.getUser('nobody');
    expect(missing.status).toBe(404);
    expect(await readProblem(missing)).toMatchObject({ code: 'user_not_found' });
    expect((await call('GET', '/v2/anything')).status).toBe(404);
    const wrongMethod = await call('DELETE', merchantPath('/users'));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('decodes customer references in the path', async () => {
    const { api } = setupMock();
    await api.createUser({ customer_reference: 'client/42 é', user: { email: 'slash@example.com' } });
    expect(await (await api.getUser('client/42 é')).json()).toEqual({ email: 'slash@example.com' });
  });

  it('exposes a fixed merchant id and entity id', () => {
    expect(MOCK_CREDENTIALS.merchantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(MOCK_CREDENTIALS.entityId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
