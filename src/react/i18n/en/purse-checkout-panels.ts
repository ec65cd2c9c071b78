// English texts of PurseCheckout's errors and of its expired and cancelled panels (added when the panels' view,
// downloaded apart, arrives).
export const enCheckoutPanels = {
  'error.request': 'Your request could not be completed. Please try again.',
  'error.busy': 'The shop is very busy right now. Please try again in a moment.',
  'error.retryIn': 'Try again in {seconds} s',
  'error.retryInMinutes': 'Try again in {minutes} min',
  'checkout.error.title': 'The payment form could not load',
  'checkout.expired.title': 'Your session expired',
  'checkout.expired.body': 'For your security, the payment session timed out. Start again to pay.',
  'checkout.cancelled.title': 'Payment cancelled',
  'checkout.cancelled.body': 'You can start again whenever you are ready.',
  'checkout.error.script_load': 'The payment form could not load. Check your connection and try again.',
  'checkout.error.config': 'Payment is unavailable right now. Please try again later.',
  'checkout.error.unauthorized': 'Payment is unavailable right now. Please try again later.',
  'checkout.error.dropin': 'Your payment could not be submitted. Please try again.',
  'checkout.error.order': 'This order can no longer be paid. Go back to your cart and check it.',
  'checkout.error.refused': 'The payment could not be started. Go back to your cart and start again from there.',
} as const;
