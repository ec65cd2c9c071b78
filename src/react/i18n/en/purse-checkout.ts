// English texts of PurseCheckout (added by its hook's module: a page without it never downloads them); those of its
// errors and of the expired and cancelled panels come with the panels' view (purse-checkout-panels.ts).
export const enCheckout = {
  // The words for an error until the panels (and their own words) are there, or if they cannot be downloaded.
  'error.script_load': 'A part of this page could not load. Please reload the page.',
  'error.dropin': 'The payment form reported an error. Please try again.',
  'checkout.label': 'Payment',
  'checkout.status.loading': 'Loading payment methods…',
  'checkout.status.ready': 'The payment form is ready.',
  'checkout.status.submitting': 'Submitting your payment…',
  'checkout.status.hostedLink': 'Continue to the secure payment page to pay.',
  'checkout.status.redirecting': 'Redirecting you to the secure payment page…',
  'checkout.status.expired': 'Your session expired.',
  'checkout.status.cancelled': 'Payment cancelled.',
  'checkout.status.closed': 'This payment form is closed. A payment may already have been made.',
  'checkout.closed.link': 'See the status of your payment',
  'checkout.methods.title': 'Available payment methods',
  'checkout.retry': 'Try again',
  'checkout.restart': 'Start again',
  'checkout.cancel': 'Cancel payment',
  'checkout.cancelling': 'Cancelling…',
  'checkout.hosted.continue': 'Continue to secure payment',
  'checkout.hosted.fallback': 'Not redirected? Continue to the secure payment page',
} as const;
