import type { DemoTexts } from './en.ts';

export const it: DemoTexts = {
  'shop.tagline': 'Negozio dimostrativo: solo carte di test, non viene addebitato nulla.',
  'skip': 'Vai al contenuto',
  'nav.label': 'Negozio',
  'nav.shop': 'Negozio',
  'nav.cart': 'Carrello',
  'nav.account': 'Il tuo account',
  'nav.deposits': 'Depositi',
  'nav.language': 'Lingua',

  'title.shop': 'Borsa tote in lino',
  'title.cart': 'Il tuo carrello',
  'title.checkout': 'Pagamento',
  'title.account': 'Il tuo account',
  'title.return': 'Il tuo ordine',
  'title.deposits': 'I tuoi depositi',
  'title.notFound': 'Pagina non trovata',

  'product.tote.name': 'Borsa tote in lino',
  'product.tote.description':
    'Tessuta in lino europeo, con manici lunghi e una tasca interna: per il mercato, la biblioteca o la spiaggia.',
  'product.tote.image': 'Una borsa tote in lino color naturale con due manici lunghi',
  'product.matcha.name': 'Set per il tè matcha',
  'product.matcha.description': 'Una ciotola in ceramica, un frustino di bambù e 40\u00a0g di matcha cerimoniale di Uji.',
  'product.matcha.image': 'Una ciotola da tè in ceramica verde con un frustino di bambù',
  'product.price': '{price} IVA esclusa',
  'product.quantity': 'Quantità',
  'product.add': 'Aggiungi al carrello',

  'summary.title': 'Riepilogo dell’ordine',
  'summary.items': 'Articoli',
  'summary.subtotal': 'Subtotale (IVA esclusa)',
  'summary.shipping': 'Spedizione',
  'summary.tax': 'IVA ({rate})',
  'summary.total': 'Totale',

  'cart.checkout': 'Vai al pagamento',
  'cart.continue': 'Continua lo shopping',

  'checkout.order': 'Il tuo ordine',
  'checkout.payment': 'Pagamento',
  'checkout.paymentN': 'Pagamento {n}',
  'checkout.edit': 'Modifica il carrello',

  'account.shop.title': 'Il tuo account cliente',
  'account.shop.signedIn': 'Accesso al negozio effettuato come {email}.',
  'account.shop.intro':
    'Nuovo su Purse? Prima comunica la tua email al negozio: un account Express Checkout viene creato solo per l’email che il negozio conosce. (Ne hai già uno? Collegalo qui sotto senza questo passaggio.)',
  'account.shop.email': 'Email del tuo account cliente',
  'account.shop.create': 'Crea l’account cliente',
  'account.shop.invalid': 'Inserisci un indirizzo email valido, ad esempio nome@example.com.',
  'account.shop.failed': 'Non è stato possibile salvare l’account. Riprova.',
  'account.xco': 'Paga più velocemente con Purse',
  'account.done.created': 'Il tuo account Express Checkout è stato creato.',
  'account.done.linked': 'Il tuo account Express Checkout è collegato.',
  'account.done.continue': 'Continua al pagamento',
  'account.linked.continue': 'Continua al pagamento con il tuo account collegato',

  'inbox.title': 'Casella di posta di prova',
  'inbox.hint':
    'Con il server simulato i codici monouso non vengono inviati: leggili qui (o nel terminale in cui è in esecuzione npm start). Account di esempio: {accounts}.',
  'inbox.field': 'Codici inviati a (email o telefono)',
  'inbox.read': 'Leggi l’ultimo codice',
  'inbox.code': 'Ultimo codice: {code}',
  'inbox.none': 'Nessun codice è stato inviato a questa email o a questo numero.',

  'order.status': 'Stato del pagamento',
  'order.bought': 'Cosa hai acquistato',
  'order.thanks': 'Grazie per il tuo ordine. Ti scriveremo quando verrà spedito.',
  'order.continue': 'Continua lo shopping',

  'deposits.region': 'Conto di deposito',
  'wallet.title': 'Portafoglio di prova',
  'wallet.hint': 'Con il server simulato non è coinvolta nessuna blockchain: inviati un deposito qui.',
  'wallet.amount': 'Importo',
  'wallet.currency': 'Valuta',
  'wallet.send': 'Invia un deposito',
  'wallet.sent': '{amount} {currency} inviato: la pagina lo mostrerà al prossimo aggiornamento.',
  'wallet.refused': 'Il server simulato ha rifiutato questo deposito.',

  'notFound.body': 'A questo indirizzo non c’è nessuna pagina.',
};
