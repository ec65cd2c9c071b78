// English texts of XcoAccount (added by its hook's module: a page without it never downloads them).
export const enXcoAccount = {
  'xcoAccount.title': 'Purse Express Checkout',
  'xcoAccount.loading': 'Loading your Express Checkout account…',
  'xcoAccount.linked': 'Your Purse account is linked: you can pay in one step.',
  'xcoAccount.name': 'Name',
  'xcoAccount.email': 'Email',
  'xcoAccount.phone': 'Phone',
  'xcoAccount.methods': 'Saved payment methods',
  'xcoAccount.methods.count.one': '{count} saved payment method',
  'xcoAccount.methods.count.other': '{count} saved payment methods',
  'xcoAccount.none.title': 'Pay faster with Purse Express Checkout',
  'xcoAccount.none.body': 'Link your Purse account, or create one, to pay in one step next time.',
  'xcoAccount.none.start': 'Link or create my Purse account',
  'xcoAccount.failed': 'Your Express Checkout account could not be loaded.',
  'xcoAccount.retry': 'Try again',
  'error.script_load': 'A part of this page could not load. Please reload the page.',
} as const;
