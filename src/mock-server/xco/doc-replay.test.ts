// Replays the XCO signup guide's calls, in its order, against the mock (src/test/purse-docs/xco-guide.json, made by
// scripts/extract-doc-samples.ts): each call goes to the guide's path with the guide's body, and every key of the
// guide's example responses (and of the reference's GET user sample) must be in the mock's answers, with its type.
// SUBSTITUTIONS, the only changes made to the guide's calls:
// - the create-user phone: the guide's +33612345678 is one of the mock's seeded accounts (Jean Dupont), so the
//   account is created with the phone the guide then starts passwordless with (+33623456789);
// - the verification code and the consent challenge: the guide's are examples; the mock's own are used.
import { describe, expect, it } from 'vitest';
import type { XcoIdentifier } from '../../core/wire/xco.ts';
import { missingKeys, missingTopLevel } from '../../test/doc-keys.ts';
import guide from '../../test/purse-docs/xco-guide.json' with { type: 'json' };
import { MOCK_CREDENTIALS } from '../seed.ts';
import { setupMock } from '../test-support.ts';

type Block = { step: string; kind: 'request' | 'response'; call?: string; query?: Record<string, string>; body?: Record<string, unknown> };
const blocks = guide.blocks as Block[];
const requests = blocks.filter((b) => b.kind === 'request');
const responses = blocks.filter((b) => b.kind === 'response');
const inStep = (list: Block[], step: string) => list.filter((b) => b.step.startsWith(step));

/** The guide's URL path (and query), on the mock's merchant. */
const pathOf = (block: Block) => {
  const url = /'https:\/\/[^/]+([^']+)'/.exec(block.call!)![1]!;
  return url.replace('${MERCHANT_ID}', MOCK_CREDENTIALS.merchantId);
};

describe('the mock against the XCO signup guide', () => {
  it('replays every call of the guide, in its order, and answers every documented key', async () => {
    const codes: { identifier: XcoIdentifier; code: string }[] = [];
    const { call } = setupMock({ onOtp: (delivery) => codes.push(delivery) });
    const json = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      return (await response.json()) as Record<string, unknown>;
    };

    // 1. Check: by email, then by phone, as in the guide (nobody has them yet).
    const checks = inStep(requests, '1.');
    expect(checks.map((b) => Object.keys(b.query!))).toEqual([['email'], ['phone_number']]);
    const before = await Promise.all(checks.map(async (b) => json(await call('GET', pathOf(b)), 200)));
    expect(before).toEqual([{ exists: false, token_count: 0 }, { exists: false, token_count: 0 }]);

    // 2A. Create the user with its consent.
    const [create] = inStep(requests, '2A.');
    const startByPhone = inStep(requests, '2B1.').find((b) => b.body!.phone_number)!;
    const body = structuredClone(create!.body!) as { customer_reference: string; user: Record<string, unknown> };
    body.user.phone_number = startByPhone.body!.phone_number;
    const created = await json(await call('POST', pathOf(create!), { body }), 201);
    expect(missingKeys(inStep(responses, '2A.')[0]!.body, [created])).toEqual([]);
    expect(created).toEqual(body);

    // The check now finds the account: both example answers' keys are covered.
    const after = await json(await call('GET', pathOf(checks[0]!)), 200);
    expect(after).toMatchObject({ exists: true });
    for (const sample of inStep(responses, '1.')) expect(missingKeys(sample.body, [...before, after])).toEqual([]);

    // 2B1. Start passwordless by email and by phone: 204, a code sent to each.
    for (const start of inStep(requests, '2B1.')) expect((await call('POST', pathOf(start), { body: start.body })).status).toBe(204);
    expect(codes.map((c) => c.identifier)).toEqual(inStep(requests, '2B1.').map((b) => b.body));

    // 2B2. Verify by email with the code the mock sent.
    const [verify] = inStep(requests, '2B2.');
    const code = codes.find((c) => c.identifier.email === verify!.body!.email)!.code;
    const verified = await json(await call('POST', pathOf(verify!), { body: { ...verify!.body, verification_code: code } }), 200);
    expect(missingKeys(inStep(responses, '2B2.')[0]!.body, [verified])).toEqual([]);

    // 2B3. Consent with the challenge just issued, for the guide's customer reference.
    const [consent] = inStep(requests, '2B3.');
    const consented = await call('POST', pathOf(consent!), { body: { consent_challenge_id: verified.consent_challenge_id } });
    expect(consented.status).toBe(204);

    // GET user by the customer reference: the reference's sample keys.
    const user = await json(await call('GET', `/v1/merchants/${MOCK_CREDENTIALS.merchantId}/users/${body.customer_reference}`), 200);
    expect(missingTopLevel(guide.getUserResponseKeys, [user])).toEqual([]);

    // Every request of the guide was sent: 2 checks, 1 create, 2 starts, 1 verify, 1 consent.
    expect([checks, [create], inStep(requests, '2B1.'), [verify], [consent]].flat()).toEqual(requests);
  });
});
