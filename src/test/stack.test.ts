import { describe, expect, it } from 'vitest';
import { createTestStack } from './stack.ts';

describe('createTestStack', () => {
  it('runs the existing-shopper flow through adapter, handler and emulator', async () => {
    const { backend, purse } = createTestStack({ customerReference: 'cust_42' });
    const identifier = { email: 'existing@example.com' };
    await expect(backend.checkUser(identifier)).resolves.toMatchObject({ exists: true });
    await backend.startPasswordless(identifier);
    const code = purse.control.currentCode(identifier);
    expect(code).toMatch(/^\d{6}$/);
    const verified = await backend.verifyPasswordless({ identifier, verification_code: code! });
    expect(verified.user.first_name).toBe('Jean');
    await backend.createConsent({ identifier, consent_challenge_id: verified.consent_challenge_id });
    expect(purse.control.consents()).toEqual([
      expect.objectContaining({ customer_reference: 'cust_42', user_email: 'existing@example.com' }),
    ]);
  });
});
