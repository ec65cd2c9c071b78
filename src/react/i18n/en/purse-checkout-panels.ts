// English texts of PurseCheckout's expired and cancelled panels (added when their lazily loaded view arrives).
export const enCheckoutPanels = {
  'checkout.expired.title': 'Your session expired',
  'checkout.expired.body': 'For your security, the payment session timed out. Start again to pay.',
  'checkout.cancelled.title': 'Payment cancelled',
  'checkout.cancelled.body': 'You can start again whenever you are ready.',
} as const;
