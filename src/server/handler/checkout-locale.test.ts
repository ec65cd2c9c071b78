// @vitest-environment node
// The shopper's language travels with the session: Purse's Widget v3 and hosted page speak the session's customer.locale.
import { describe, expect, it } from 'vitest';
import { routes } from '../../core/backend/routes.ts';
import { checkoutShop } from '../test-support.ts';

const SESSIONS = '/payment/v2/client-sessions';

describe('createMerchantHandler: the shopper\'s language', () => {
  it('sends the browser\'s locale as customer.locale, and tells resolveOrder', async () => {
    const s = checkoutShop();
    expect((await s.post(routes.createSession, { order_reference: 'cart-1', locale: 'de-DE' }, { customer: 'cust_1' })).status).toBe(201);
    expect(s.purse.control.sessions()[0]!.customer).toEqual({ reference: 'cust_1', email: 'cust_1@example.com', locale: 'de-DE' });
    expect(s.resolved).toEqual([{ order_reference: 'cart-1', customer: 'cust_1', locale: 'de-DE' }]);
  });

  it('gives a guest order a customer with only the locale, and sends none without one', async () => {
    const s = checkoutShop();
    await s.post(routes.createSession, { locale: 'nl-NL' });
    await s.post(routes.createSession, {});
    const [withLocale, without] = s.purse.control.sessions();
    expect(withLocale!.customer).toEqual({ locale: 'nl-NL' });
    expect(without!.customer).toBeUndefined();
  });

  it("keeps the merchant's own customer.locale", async () => {
    const s = checkoutShop({
      resolveOrder: () => ({ amount: 100, currency: 'EUR', order: { reference: 'o-1' }, customer: { reference: 'c', locale: 'it-IT' } }),
    });
    await s.post(routes.createSession, { locale: 'es-ES' }, { customer: 'c' });
    expect(s.purse.control.sessions()[0]!.customer).toEqual({ reference: 'c', locale: 'it-IT' });
  });

  it('refuses what is not a language tag, before calling Purse', async () => {
    const s = checkoutShop();
    for (const locale of ['', 'f', 'fr_FR', 'fr-FR-<script>', 42, 'x'.repeat(40)]) {
      const response = await s.post(routes.createSession, { locale }, { customer: 'cust_1' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ pointer: '/locale', detail: "Send the shopper's language as a BCP 47 tag, e.g. fr-FR." }] });
    }
    expect(s.calls(SESSIONS)).toEqual([]);
  });
});
