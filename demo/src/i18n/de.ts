import type { DemoTexts } from './en.ts';

export const de: DemoTexts = {
  'shop.tagline': 'Demo-Shop: nur Testkarten, es wird nichts abgebucht.',
  'skip': 'Zum Inhalt springen',
  'nav.label': 'Shop',
  'nav.shop': 'Shop',
  'nav.cart': 'Warenkorb',
  'nav.account': 'Ihr Konto',
  'nav.deposits': 'Einzahlungen',
  'nav.language': 'Sprache',

  'title.shop': 'Leinen-Tragetasche',
  'title.cart': 'Ihr Warenkorb',
  'title.checkout': 'Kasse',
  'title.account': 'Ihr Konto',
  'title.return': 'Ihre Bestellung',
  'title.deposits': 'Ihre Einzahlungen',
  'title.notFound': 'Seite nicht gefunden',

  'product.tote.name': 'Leinen-Tragetasche',
  'product.tote.description':
    'Aus europäischem Flachs gewebt, mit langen Henkeln und Innentasche: für den Markt, die Bibliothek oder den Strand.',
  'product.tote.image': 'Eine naturfarbene Tragetasche aus Leinen mit zwei langen Henkeln',
  'product.matcha.name': 'Matcha-Teeset',
  'product.matcha.description': 'Eine Keramikschale, ein Bambusbesen und 40\u00a0g Matcha in Zeremonie-Qualität aus Uji.',
  'product.matcha.image': 'Eine grüne Teeschale aus Keramik mit einem Bambusbesen',
  'product.price': '{price} zzgl. MwSt.',
  'product.quantity': 'Menge',
  'product.add': 'In den Warenkorb',

  'summary.title': 'Bestellübersicht',
  'summary.items': 'Artikel',
  'summary.subtotal': 'Zwischensumme (ohne MwSt.)',
  'summary.shipping': 'Versand',
  'summary.tax': 'MwSt. ({rate})',
  'summary.total': 'Gesamtsumme',

  'cart.checkout': 'Zur Kasse',
  'cart.continue': 'Weiter einkaufen',

  'checkout.order': 'Ihre Bestellung',
  'checkout.payment': 'Zahlung',
  'checkout.paymentN': 'Zahlung {n}',
  'checkout.edit': 'Warenkorb ändern',

  'account.shop.title': 'Ihr Kundenkonto',
  'account.shop.signedIn': 'Im Shop angemeldet als {email}.',
  'account.shop.intro':
    'Neu bei Purse? Geben Sie dem Shop zuerst Ihre E-Mail-Adresse: Ein Express-Checkout-Konto wird nur für die E-Mail-Adresse erstellt, die der Shop von Ihnen kennt. (Sie haben schon eines? Verknüpfen Sie es unten ohne diesen Schritt.)',
  'account.shop.email': 'E-Mail-Adresse für Ihr Kundenkonto',
  'account.shop.create': 'Kundenkonto erstellen',
  'account.shop.invalid': 'Geben Sie eine gültige E-Mail-Adresse ein, z.\u00a0B. name@example.com.',
  'account.shop.failed': 'Das Konto konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  'account.xco': 'Schneller bezahlen mit Purse',
  'account.done.created': 'Ihr Express-Checkout-Konto wurde erstellt.',
  'account.done.linked': 'Ihr Express-Checkout-Konto ist verknüpft.',
  'account.done.continue': 'Weiter zur Kasse',
  'account.linked.continue': 'Weiter zur Kasse mit Ihrem verknüpften Konto',

  'inbox.title': 'Test-Postfach',
  'inbox.hint':
    'Mit dem Mock-Server werden Einmalcodes nicht verschickt: Sie lesen sie hier (oder im Terminal, in dem npm start läuft). Vorhandene Konten: {accounts}.',
  'inbox.field': 'Codes gesendet an (E-Mail oder Telefon)',
  'inbox.read': 'Letzten Code anzeigen',
  'inbox.code': 'Letzter Code: {code}',
  'inbox.none': 'An diese E-Mail-Adresse oder Telefonnummer wurde kein Code gesendet.',

  'order.status': 'Zahlungsstatus',
  'order.bought': 'Ihr Einkauf',
  'order.thanks': 'Vielen Dank für Ihre Bestellung. Wir schreiben Ihnen, sobald sie verschickt wird.',
  'order.continue': 'Weiter einkaufen',

  'deposits.region': 'Einzahlungskonto',
  'wallet.title': 'Test-Wallet',
  'wallet.hint': 'Mit dem Mock-Server ist keine Blockchain beteiligt: Senden Sie sich hier eine Einzahlung.',
  'wallet.amount': 'Betrag',
  'wallet.currency': 'Währung',
  'wallet.send': 'Einzahlung senden',
  'wallet.sent': '{amount} {currency} gesendet: Die Seite zeigt es bei ihrer nächsten Aktualisierung.',
  'wallet.refused': 'Der Mock-Server hat diese Einzahlung abgelehnt.',

  'notFound.body': 'Unter dieser Adresse gibt es keine Seite.',
};
