// English texts of XcoSignup's code step, added when its chunk loads (the live region's are in xco-signup.ts).
export const enSignupCode = {
  'code.title': 'Enter your code',
  'code.sentTo': 'We sent a 6-digit code to {identifier}.',
  'code.label': 'Verification code',
  'code.hint': '6 digits, sent by email or text message.',
  'code.submit': 'Verify',
  'code.verifying': 'Verifying…',
  'code.incomplete': 'Enter the 6 digits of the code.',
  'code.resend': 'Resend code',
  'code.resendIn': 'Resend code in {seconds} s',
  'code.resendInMinutes': 'Resend code in {minutes} min',
} as const;
