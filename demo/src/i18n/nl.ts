import type { DemoTexts } from './en.ts';

export const nl: DemoTexts = {
  'shop.tagline': 'Demowinkel: alleen testkaarten, er wordt niets afgeschreven.',
  'skip': 'Naar de inhoud',
  'nav.label': 'Winkel',
  'nav.shop': 'Winkel',
  'nav.cart': 'Winkelwagen',
  'nav.account': 'Je account',
  'nav.deposits': 'Stortingen',
  'nav.language': 'Taal',

  'title.shop': 'Linnen draagtas',
  'title.cart': 'Je winkelwagen',
  'title.checkout': 'Afrekenen',
  'title.account': 'Je account',
  'title.return': 'Je bestelling',
  'title.deposits': 'Je stortingen',
  'title.notFound': 'Pagina niet gevonden',

  'product.tote.name': 'Linnen draagtas',
  'product.tote.description':
    'Geweven van Europees vlas, met lange hengsels en een binnenvak: voor de markt, de bibliotheek of het strand.',
  'product.tote.image': 'Een naturelkleurige linnen draagtas met twee lange hengsels',
  'product.matcha.name': 'Matcha-theeset',
  'product.matcha.description': 'Een keramische kom, een bamboe klopper en 40\u00a0g ceremoniële matcha uit Uji.',
  'product.matcha.image': 'Een groene keramische theekom met een bamboe klopper',
  'product.price': '{price} excl. btw',
  'product.quantity': 'Aantal',
  'product.add': 'In winkelwagen',

  'summary.title': 'Overzicht van je bestelling',
  'summary.items': 'Artikelen',
  'summary.subtotal': 'Subtotaal (excl. btw)',
  'summary.shipping': 'Verzending',
  'summary.tax': 'Btw ({rate})',
  'summary.total': 'Totaal',

  'cart.checkout': 'Naar afrekenen',
  'cart.continue': 'Verder winkelen',

  'checkout.order': 'Je bestelling',
  'checkout.payment': 'Betaling',
  'checkout.paymentN': 'Betaling {n}',
  'checkout.edit': 'Winkelwagen wijzigen',

  'account.shop.title': 'Je klantaccount',
  'account.shop.signedIn': 'Ingelogd bij de winkel als {email}.',
  'account.shop.intro':
    'Nieuw bij Purse? Geef de winkel eerst je e-mailadres: een Express Checkout-account wordt alleen aangemaakt voor het e-mailadres dat de winkel van je heeft. (Heb je er al een? Koppel het hieronder zonder deze stap.)',
  'account.shop.email': 'E-mailadres voor je klantaccount',
  'account.shop.create': 'Klantaccount aanmaken',
  'account.shop.invalid': 'Vul een geldig e-mailadres in, bijvoorbeeld naam@example.com.',
  'account.shop.failed': 'Het account kon niet worden opgeslagen. Probeer het opnieuw.',
  'account.xco': 'Sneller betalen met Purse',
  'account.done.created': 'Je Express Checkout-account is aangemaakt.',
  'account.done.linked': 'Je Express Checkout-account is gekoppeld.',
  'account.done.continue': 'Verder naar afrekenen',
  'account.linked.continue': 'Verder naar afrekenen met je gekoppelde account',

  'inbox.title': 'Testinbox',
  'inbox.hint':
    'Met de mockserver worden eenmalige codes niet verstuurd: je leest ze hier (of in de terminal waarin npm start draait). Voorbeeldaccounts: {accounts}.',
  'inbox.field': 'Codes gestuurd naar (e-mail of telefoon)',
  'inbox.read': 'Laatste code lezen',
  'inbox.code': 'Laatste code: {code}',
  'inbox.none': 'Er is geen code naar dit e-mailadres of telefoonnummer gestuurd.',

  'order.status': 'Betaalstatus',
  'order.bought': 'Wat je hebt gekocht',
  'order.thanks': 'Bedankt voor je bestelling. We mailen je zodra die verzonden is.',
  'order.continue': 'Verder winkelen',

  'deposits.region': 'Stortingsrekening',
  'wallet.title': 'Testportemonnee',
  'wallet.hint': 'Met de mockserver komt er geen blockchain aan te pas: stuur jezelf hier een storting.',
  'wallet.amount': 'Bedrag',
  'wallet.currency': 'Valuta',
  'wallet.send': 'Storting versturen',
  'wallet.sent': '{amount} {currency} verstuurd: de pagina toont het bij de volgende update.',
  'wallet.refused': 'De mockserver heeft deze storting geweigerd.',

  'notFound.body': 'Op dit adres staat geen pagina.',
};
