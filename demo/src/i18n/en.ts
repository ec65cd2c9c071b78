// The demo shop's own texts in English: the source of the keys (the components' texts are the kit's catalogues).
export const en = {
  'shop.tagline': 'Demo shop: test cards only, nothing is charged.',
  'skip': 'Skip to content',
  'nav.label': 'Shop',
  'nav.shop': 'Shop',
  'nav.cart': 'Cart',
  'nav.account': 'Your account',
  'nav.deposits': 'Deposits',
  'nav.language': 'Language',

  'title.shop': 'Linen tote bag',
  'title.cart': 'Your cart',
  'title.checkout': 'Checkout',
  'title.account': 'Your account',
  'title.return': 'Your order',
  'title.deposits': 'Your deposits',
  'title.notFound': 'Page not found',

  'product.tote.name': 'Linen tote bag',
  'product.tote.description':
    'Woven from European flax, with long handles and an inside pocket: for the market, the library or the beach.',
  'product.tote.image': 'A natural-coloured linen tote bag with two long handles',
  'product.matcha.name': 'Matcha tea set',
  'product.matcha.description': 'A ceramic bowl, a bamboo whisk and 40 g of ceremonial-grade matcha from Uji.',
  'product.matcha.image': 'A green ceramic tea bowl with a bamboo whisk',
  'product.price': '{price} excl. VAT',
  'product.quantity': 'Quantity',
  'product.add': 'Add to cart',

  'summary.title': 'Order summary',
  'summary.items': 'Items',
  'summary.subtotal': 'Subtotal (excl. VAT)',
  'summary.shipping': 'Shipping',
  'summary.tax': 'VAT ({rate})',
  'summary.total': 'Total',

  'cart.checkout': 'Go to checkout',
  'cart.continue': 'Continue shopping',

  'checkout.order': 'Your order',
  'checkout.payment': 'Payment',
  'checkout.paymentN': 'Payment {n}',
  'checkout.edit': 'Change the cart',

  'account.shop.title': 'Your shop account',
  'account.shop.signedIn': 'Signed in to the shop as {email}.',
  'account.shop.intro':
    'New to Purse? Give the shop your email first: an Express Checkout account is only created for the email the shop has for you. (Already have one? Link it below without this step.)',
  'account.shop.email': 'Email for your shop account',
  'account.shop.create': 'Create shop account',
  'account.shop.invalid': 'Enter a valid email address, like name@example.com.',
  'account.shop.failed': 'The account could not be saved. Please try again.',
  'account.xco': 'Pay faster with Purse',
  'account.done.created': 'Your Express Checkout account was created.',
  'account.done.linked': 'Your Express Checkout account is linked.',
  'account.done.continue': 'Continue to checkout',
  'account.linked.continue': 'Continue to checkout with your linked account',

  'inbox.title': 'Mock inbox',
  'inbox.hint':
    'Against the mock server, one-time codes are not sent: read them here (or in the terminal running npm start). Seeded accounts: {accounts}.',
  'inbox.field': 'Codes sent to (email or phone)',
  'inbox.read': 'Read the latest code',
  'inbox.code': 'Latest code: {code}',
  'inbox.none': 'No code was sent to this email or phone number.',

  'order.status': 'Payment status',
  'order.bought': 'What you bought',
  'order.thanks': 'Thank you for your order. We will email you when it ships.',
  'order.continue': 'Continue shopping',

  'deposits.region': 'Deposit account',
  'wallet.title': 'Mock wallet',
  'wallet.hint': 'Against the mock server, no blockchain is involved: send yourself a deposit here.',
  'wallet.amount': 'Amount',
  'wallet.currency': 'Currency',
  'wallet.send': 'Send a deposit',
  'wallet.sent': 'Sent {amount} {currency}: the page shows it at its next update.',
  'wallet.refused': 'The mock refused this deposit.',

  'notFound.body': 'There is no page at this address.',
} as const;

export type DemoKey = keyof typeof en;
export type DemoTexts = Record<DemoKey, string>;
