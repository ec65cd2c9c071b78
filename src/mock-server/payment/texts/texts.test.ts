import { within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../test/catalogues.ts';
import type { ClientSession } from '../../../core/wire/payment.ts';
import { MOCK_CREDENTIALS } from '../../seed.ts';
import { cleanupScripts, setupScripts } from '../scripts/script-test-support.ts';
import { ORIGIN, setupPurse, START } from '../test-support.ts';
import { en, type MockTexts } from './en.ts';
import { MOCK_TEXTS, mockLang } from './index.ts';

afterEach(cleanupScripts);

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const { en: _source, ...translations } = MOCK_TEXTS;

describe("the mock's texts", () => {
  it('every language has every English key, translated, with the same placeholders', () => {
    // Spanish writes "Error" as English does.
    expect(catalogueProblems(en, translations as Record<string, MockTexts>, ['es:page.title.error'])).toEqual([]);
  });

  it('picks the first language it speaks: locale tags and Accept-Language values in order, else English', () => {
    expect(mockLang('de-DE')).toBe('de');
    expect(mockLang(undefined, 'pt-BR,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(mockLang('it-IT', 'fr-FR')).toBe('it');
    expect(mockLang(null, 'ja', '')).toBe('en');
    expect(mockLang('__proto__')).toBe('en');
  });
});

describe('hosted page, in the shopper\'s language', () => {
  function setup() {
    const mock = setupPurse();
    const hosted = (customer?: Record<string, unknown>) =>
      mock.api.createSession({ integration_mode: 'HOSTED_PAGE', ...(customer && { customer }) });
    const open = async (session: ClientSession, acceptLanguage?: string) => {
      const response = await mock.purse.fetch(new Request(session.links.hosted_page!.href, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} }));
      return { status: response.status, doc: parse(await response.text()) };
    };
    return { ...mock, hosted, open };
  }

  it("speaks the session's customer.locale: lang, title, amount, methods, labels, placeholder, hint, button", async () => {
    const { hosted, open } = setup();
    const { doc } = await open(await hosted({ reference: 'c-1', locale: 'de-DE' }), 'en-US');
    expect(doc.documentElement.lang).toBe('de');
    expect(doc.title).toBe('120,00\u00a0€ bezahlen – Purse (Testmodus)');
    const page = within(doc.body);
    expect(page.getByRole('heading', { level: 1 }).textContent).toBe('120,00\u00a0€ bezahlen');
    const methods = page.getByRole('list', { name: 'Zahlungsarten für diese Bestellung' });
    expect(methods.textContent).toContain('Karte (Dalenys)');
    expect(page.getByRole('form', { name: 'Mit Karte bezahlen (Testmodus)' })).toBeTruthy();
    expect(page.getByLabelText('Ablaufdatum (MM/JJ)').getAttribute('placeholder')).toBe('MM/JJ');
    expect(doc.getElementById('hint')!.textContent).toContain('4000 0000 0000 0002 (abgelehnt)');
    expect(page.getByRole('button', { name: '120,00\u00a0€ bezahlen' })).toBeTruthy();
  });

  it("falls back on the browser's Accept-Language, then English", async () => {
    const { hosted, open } = setup();
    const session = await hosted();
    expect((await open(session, 'es-ES,es;q=0.9')).doc.documentElement.lang).toBe('es');
    expect(within((await open(session, 'es-ES,es;q=0.9')).doc.body).getByLabelText('Número de tarjeta')).toBeTruthy();
    expect((await open(session, 'ja')).doc.documentElement.lang).toBe('en');
  });

  it('words its errors in the language of the page', async () => {
    const { hosted, purse } = setup();
    const session = await hosted({ locale: 'it-IT' });
    const response = await purse.fetch(
      new Request(`${session.links.hosted_page!.href}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ card_number: '4242 4242 4242 4242', expiry: '13/30', cvc: '' }),
      }),
    );
    const doc = parse(await response.text());
    expect(doc.title).toBe('Errore: Paga 120,00\u00a0€ – Purse (modalità test)');
    const alert = within(doc.body).getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('C’è un problema');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Questa modalità test accetta solo le carte di test indicate sopra.',
      'Inserisci una data di scadenza futura nel formato MM/AA.',
      'Inserisci il codice di sicurezza di 3 cifre.',
    ]);
  });

  it('says why a session cannot be paid in that language', async () => {
    const { hosted, open, purse } = setup();
    const session = await hosted({ locale: 'nl-NL' });
    purse.control.expireSession(session.id);
    const { status, doc } = await open(session);
    expect(status).toBe(410);
    expect(doc.documentElement.lang).toBe('nl');
    expect(doc.body.textContent).toContain('Deze betaalsessie is verlopen.');
    expect(doc.body.textContent).toContain('Ga terug naar de winkel om opnieuw te beginnen.');
  });

  it("a payment link's page speaks the link's customer.locale", async () => {
    const { ok, call, purse } = setup();
    const link = await ok<{ id: string }>(
      call('POST', '/payment/v2/payment-links', {
        entity_id: MOCK_CREDENTIALS.entityId,
        amount: 12000,
        currency: 'EUR',
        expires_at: new Date(START + 24 * 3600_000).toISOString(),
        shopper_redirection_url: 'https://shop.test/return',
        order: { reference: 'o-9' },
        customer: { locale: 'fr-FR' },
      }),
      201,
    );
    const doc = parse(await (await purse.fetch(new Request(`${ORIGIN}/payment-link/${link.id}`))).text());
    expect(within(doc.body).getByRole('heading', { level: 1 }).textContent).toBe('Payer 120,00\u00a0€');
    await call('POST', `/payment/v2/payment-links/${link.id}/cancel`);
    const cancelled = parse(await (await purse.fetch(new Request(`${ORIGIN}/payment-link/${link.id}`))).text());
    expect(cancelled.body.textContent).toContain('Ce lien de paiement a été annulé.');
  });
});

describe('drop-in, in the shopper\'s language', () => {
  it('Drop-in Checkout speaks its locale option: method names, labels, placeholder, button, errors', async () => {
    const { api, runScript, container } = setupScripts();
    const session = await api.createSession();
    await runScript(session);
    const purse = (window as unknown as { Purse: { createDropinCheckout(o: object): Promise<{ mount(e: HTMLElement): Promise<void> }> } }).Purse;
    const checkout = await purse.createDropinCheckout({ session: session.widget!.data, locale: 'es-ES', eventListener: () => {} });
    const element = container();
    await checkout.mount(element);
    const view = within(element);
    expect(element.firstElementChild!.getAttribute('lang')).toBe('es');
    expect(view.getByRole('list', { name: 'Métodos de pago para este pedido' }).textContent).toContain('Tarjeta (Dalenys)');
    expect(view.getByLabelText('Fecha de caducidad (MM/AA)').getAttribute('placeholder')).toBe('MM/AA');
    const pay = view.getByRole('button', { name: 'Pagar 120,00\u00a0€' });
    await userEvent.setup().click(pay);
    expect(view.getByText('Introduce un número de tarjeta válido.')).toBeTruthy();
  });

  it("Widget v3 speaks the session's customer.locale, pay button included", async () => {
    const { api, runScript, container } = setupScripts({ dropinGeneration: 'widget-v3' });
    const session = await api.createSession({ customer: { reference: 'c-1', locale: 'nl-NL' } });
    await runScript(session);
    const ups = (window as unknown as { UpStreamPay: { WidgetManager: { buildForWidgetData(d: string, s: unknown[]): Promise<{ createWidget(o: object): Promise<{ mount(id: string): Promise<void> }> }> } } }).UpStreamPay;
    const manager = await ups.WidgetManager.buildForWidgetData(session.widget!.data, []);
    const element = container();
    element.id = 'payment';
    const slot = document.createElement('div');
    slot.id = 'pay-button';
    document.body.append(slot);
    await (await manager.createWidget({ interface: 'PAYMENT', ui: {} })).mount('payment');
    await (await manager.createWidget({ interface: 'PAY_BUTTON', ui: {} })).mount('pay-button');
    expect(within(element).getByLabelText('Kaartnummer')).toBeTruthy();
    expect(within(slot).getByRole('button', { name: '€\u00a0120,00 betalen' })).toBeTruthy();
    slot.remove();
  });
});
