// English texts of XcoSignup's first step, which is in the page (added by its hook's module: a page without signup
// never downloads them): the identifier field, its live-region texts, and the fallback of a later step that cannot be
// downloaded. Each later step's texts, those its live-region announcements included, travel with it
// (xco-signup-code.ts, -profile.ts, -end.ts).
export const enSignup = {
  'error.validation': 'Some information is not valid. Please check it and try again.',
  'error.unauthorized': 'Signup is unavailable right now. Please try again later.',
  'error.script_load': 'A part of this page could not load. Please reload the page.',
  'error.config': 'Signup is unavailable right now. Please try again later.',
  'error.request': 'Your request could not be completed. Please try again.',
  'error.invalid_code': 'This code is not right. Check it and try again.',
  'error.code_expired': 'This code has expired. Request a new code.',
  'identifier.label': 'Email or phone number',
  'identifier.hint': 'We will check whether you already have a Purse account.',
  'identifier.submit': 'Continue',
  'identifier.checking': 'Checking…',
  'identifier.sending': 'Sending a code…',
  'identifier.invalid.empty': 'Enter your email address or phone number.',
  'identifier.invalid.email': 'Enter a valid email address, like name@example.com.',
  'identifier.invalid.phone': 'Enter a valid phone number, like +33 6 12 34 56 78.',
  'identifier.invalid.not_mobile':
    'This number ({country}) is not a mobile number, and the code comes by text message. Enter a mobile number, with its country code (such as {example}) if it is from another country.',
  'identifier.invalid.unknown': 'Enter an email address or a phone number.',
  'identifier.invalid.unavailable': 'Phone numbers cannot be checked right now. Try again, or use your email address.',
  'identifier.invalid.characters': 'Remove the invisible or control characters: type the address again rather than pasting it.',
  // Also the identifier step's: a create refused as not the shop account's email or phone comes back to it.
  'profile.notYours': 'Use the email address or phone number of your shop account.',
  'identifier.edit': 'Use another email or phone',
  'status.checking': 'Checking your email or phone number.',
  'status.sending': 'Sending a code.',
} as const;
