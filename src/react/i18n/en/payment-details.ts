// English texts of a payment's details and timeline (added by their modules, downloaded apart from the status page).
export const enPaymentDetails = {
  'paymentStatus.amount': 'Amount',
  'paymentStatus.reference': 'Payment reference',
  'paymentStatus.paidWith': 'Paid with',
  'paymentStatus.card': 'Card',
  'paymentStatus.card.endingIn': 'ending in',
  'timeline.title': 'Payment history',
  'timeline.authorized': 'Authorized',
  'timeline.pending': 'Awaiting confirmation',
  'timeline.refused': 'Refused',
  'timeline.failed': 'Failed',
  'timeline.captured': 'Charged',
  'timeline.refunded': 'Refunded',
  'timeline.voided': 'Released',
  'timeline.partial': '{amount} of {total}',
} as const;
