import { expect, test, type Page } from '@playwright/test';
import { payWithTestCard } from '../src/testing/index.ts';
import { expectNoAxeViolations, mock } from './support.ts';

// The shopper's language, end to end: the shop's own texts, the kit's components, Purse's drop-in and hosted page (the
// mock's), the return page. Amounts on a page are all formatted one way, the way the language writes them.
test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

test.describe('German from the browser (locale="auto")', () => {
  test.use({ locale: 'de-DE' });

  test('signup → cart with two bags → checkout → drop-in → order confirmation, all in German', async ({ page, request }) => {
    test.setTimeout(60_000);
    await page.goto('/account');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Ihr Konto – Linen & Leaf');
    await expect(page.getByRole('navigation', { name: 'Shop' }).getByRole('link', { name: 'Warenkorb' })).toBeVisible();
    await page.getByRole('textbox', { name: 'E-Mail-Adresse oder Telefonnummer' }).fill('existing@example.com');
    await page.getByRole('button', { name: 'Weiter' }).click();
    const code = page.getByRole('textbox', { name: 'Bestätigungscode' });
    await expect(code).toBeFocused();
    await expectNoAxeViolations(page);
    await code.fill(await mock.otp(request, { email: 'existing@example.com' }));
    await expect(page.getByRole('heading', { name: 'Ihr Purse-Konto ist verknüpft' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Shop' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leinen-Tragetasche' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Eine naturfarbene Tragetasche aus Leinen mit zwei langen Henkeln' })).toBeVisible();
    await expect(page.getByText('30,00 € zzgl. MwSt.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Menge').selectOption('2');
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();

    await expect(page).toHaveURL(/\/cart$/);
    await expect(page).toHaveTitle('Ihr Warenkorb – Linen & Leaf');
    const summary = page.getByRole('region', { name: 'Bestellübersicht' });
    const line = (label: string) => summary.locator(`dt:text-is("${label}") + dd`);
    await expect(line('Zwischensumme (ohne MwSt.)')).toHaveText('60,00 €');
    await expect(line('Versand')).toHaveText('6,99 €');
    await expect(line('MwSt. (20 %)')).toHaveText('12,00 €');
    await expect(line('Gesamtsumme')).toHaveText('78,99 €');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Zur Kasse' }).click();

    // Checkout: the summary and Purse's drop-in write the amount the same way.
    await expect(page.getByRole('region', { name: 'Ihre Bestellung' }).locator('dt:text-is("Gesamtsumme") + dd')).toHaveText('78,99 €');
    const payment = page.getByRole('region', { name: 'Zahlung' });
    await expect(payment.getByRole('list', { name: 'Zahlungsarten für diese Bestellung' })).toContainText('Karte (Dalenys)');
    await expect(payment.getByLabel('Ablaufdatum (MM/JJ)')).toHaveAttribute('placeholder', 'MM/JJ');
    await expect(payment.getByRole('button', { name: '78,99 € bezahlen' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Das Zahlungsformular ist bereit.' })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await payWithTestCard(page, 'authorized', { within: payment });

    await page.waitForURL(/\/return\?.*purse-redirection-data=/);
    await expect(page.getByRole('heading', { name: 'Zahlung erfolgreich' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Ihre Bestellung – Linen & Leaf');
    const bought = page.getByRole('region', { name: 'Ihr Einkauf' });
    await expect(bought).toContainText('Leinen-Tragetasche');
    await expect(bought.locator('dt:text-is("Gesamtsumme") + dd')).toHaveText('78,99 €');
    // The payment's amount, as PaymentStatus writes it: the same way.
    await expect(page.getByRole('region', { name: 'Zahlungsstatus' }).getByRole('definition').first()).toHaveText('78,99 €');
    await expect(page.getByRole('link', { name: 'Weiter einkaufen' })).toHaveAttribute('href', '/');
    await expectNoAxeViolations(page);

    // What Purse was asked for: the cart's total, in the shopper's language.
    const [session] = (await mock.state(request)).sessions as unknown as { amount: number; currency: string; customer?: { locale?: string } }[];
    expect(session).toMatchObject({ amount: 7899, currency: 'EUR', customer: { locale: 'de-DE' } });
  });
});

test('Spanish chosen in the header follows the shopper to the hosted page and back (English browser)', async ({ page, request }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bolso tote de lino' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Español' })).toHaveAttribute('aria-current', 'true');

  // Remembered: the next pages, reached without ?lang=, are Spanish too.
  await page.getByRole('link', { name: 'Cesta' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tu cesta' })).toBeVisible();
  await page.goto('/checkout?mode=hosted');
  await page.waitForURL(/\/entities\/[^/]+\/sessions\//);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle('Pagar 42,99 € – Purse (modo de prueba)');
  await expect(page.getByRole('list', { name: 'Métodos de pago para este pedido' })).toContainText('Tarjeta (Dalenys)');
  await expectNoAxeViolations(page);
  await payWithTestCard(page, 'refused');

  await page.waitForURL(/\/return\?.*purse-redirection-data=/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Pago rechazado' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Volver a intentarlo' }).click();
  await expect(page).toHaveURL(/\/checkout\?cart=cart-eur&qty=1(&order=[\w-]+)?$/);
  await expect(page.getByRole('region', { name: 'Pago' }).getByLabel('Número de tarjeta')).toBeVisible();
  const [session] = (await mock.state(request)).sessions as unknown as { customer?: { locale?: string } }[];
  expect(session!.customer?.locale).toBe('es-ES');
});

test.describe('Dutch, keyboard only, on a 320 px screen', () => {
  test.use({ locale: 'nl-NL', viewport: { width: 320, height: 640 } });

  /** Presses Tab until `target` has the focus (at most 40 times). */
  async function tabTo(page: Page, target: ReturnType<Page['locator']>) {
    for (let i = 0; i < 40; i += 1) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  test('shop → cart → checkout → pay → confirmation with the keyboard, nothing wider than the screen', async ({ page }) => {
    test.setTimeout(60_000);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto('/');
    expect(await fits()).toBe(true);
    await tabTo(page, page.getByLabel('Aantal'));
    await page.keyboard.press('ArrowDown');
    await tabTo(page, page.getByRole('button', { name: 'In winkelwagen' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.locator('dt:text-is("Totaal") + dd')).toHaveText('€ 78,99');
    expect(await fits()).toBe(true);
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('link', { name: 'Naar afrekenen' }));
    await page.keyboard.press('Enter');

    const payment = page.getByRole('region', { name: 'Betaling' });
    await expect(payment.getByRole('button', { name: '€ 78,99 betalen' })).toBeVisible();
    expect(await fits()).toBe(true);
    await expectNoAxeViolations(page);
    await tabTo(page, payment.getByLabel('Kaartnummer'));
    await page.keyboard.type('4111 1111 1111 1111');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12/34');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await tabTo(page, payment.getByRole('button', { name: '€ 78,99 betalen' }));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/return\?.*purse-redirection-data=/);
    await expect(page.getByRole('heading', { name: 'Betaling geslaagd' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Wat je hebt gekocht' })).toContainText('Linnen draagtas');
    expect(await fits()).toBe(true);
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('link', { name: 'Verder winkelen' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
  });
});

// One test per language: each has its own time limit (24 axe runs in one test took 45 s on an idle machine).
const CART_TITLES = { en: 'Your cart', fr: 'Votre panier', de: 'Ihr Warenkorb', es: 'Tu cesta', it: 'Il tuo carrello', nl: 'Je winkelwagen' };
for (const [code, cartTitle] of Object.entries(CART_TITLES)) {
  test(`every page of the shop in ${code}: translated, <html lang> set, no axe violation`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/?lang=${code}`);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expectNoAxeViolations(page);
    await page.goto('/cart');
    await expect(page.getByRole('heading', { level: 1, name: cartTitle })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/account');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expectNoAxeViolations(page);
    await page.goto('/checkout');
    const payment = page.getByRole('region').filter({ has: page.locator('[data-purse-mock]') });
    await expect(payment.locator('[data-purse-mock]')).toHaveAttribute('lang', code);
    // One way to write the total: the summary's, inside the drop-in's pay button.
    const total = await page.locator('.demo-totals__total dd').textContent();
    await expect(payment.getByRole('button', { name: total! })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
