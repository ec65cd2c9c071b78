// English texts of PaymentStatus in its page (added by its hook's module): what a shopper reads while the payment is
// checked, pending or successful, and "Try again" of the fallback. The texts of a failure, a timeout, an error or a
// payment link not paid yet are in payment-outcome.ts, those of the details and timeline in payment-details.ts: each
// downloaded with what shows them.
export const enPaymentStatus = {
  // Said when the words of a failure (payment-outcome.ts) cannot be downloaded.
  'error.script_load': 'A part of this page could not load. Please reload the page.',
  'paymentStatus.verifying.title': 'Checking your payment…',
  'paymentStatus.waiting.title': 'Your payment is being processed',
  'paymentStatus.waiting.body': 'This page updates by itself. You can stay here or come back later.',
  'paymentStatus.success.title': 'Payment successful',
  'paymentStatus.success.body': 'Your payment is confirmed.',
  'paymentStatus.retry': 'Try again',
} as const;
