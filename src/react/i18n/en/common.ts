// English texts every component uses: the shopper's message for each kind of error (Translator.error).
export const enCommon = {
  'error.validation': 'Some information is not valid. Please check it and try again.',
  'error.rate_limited': 'Too many attempts. Please wait a moment and try again.',
  'error.unauthorized': 'Signup is unavailable right now. Please try again later.',
  'error.network': 'We could not connect. Check your internet connection and try again.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.script_load': 'A part of this page could not load. Please reload the page.',
  'error.session_expired': 'Your session has expired. Please start again.',
  'error.config': 'Signup is unavailable right now. Please try again later.',
  'error.request': 'Your request could not be completed. Please try again.',
  'error.dropin': 'The payment form reported an error. Please try again.',
  'error.retryInMinutes': 'Try again in {minutes} min',
  'error.busy': 'The shop is very busy right now. Please try again in a moment.',
  'error.retryIn': 'Try again in {seconds} s',
} as const;
