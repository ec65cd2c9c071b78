// English names of Purse's payment methods, by `method` (PurseCheckout and PaymentStatus alike).
export const enMethods = {
  'method.creditcard': 'Card',
  'method.giftcard': 'Gift card',
  'method.wallet': 'Wallet',
  'method.cb3x': 'Pay in 3 instalments',
  'method.cb4x': 'Pay in 4 instalments',
  'method.sepa': 'Bank transfer',
} as const;
