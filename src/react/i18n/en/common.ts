// English texts every page needs: the shopper's message for the errors any component can meet (Translator.error).
// The other kinds' texts travel with the components that show them (en/<component>.ts); a kind without a text in the
// page reads as `error.server`.
export const enCommon = {
  'error.network': 'We could not connect. Check your internet connection and try again.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.rate_limited': 'Too many attempts. Please wait a moment and try again.',
} as const;
