// English texts of XcoSignup's last views (linking, done, the failed step's actions), added when their chunk loads
// (titles and bodies of failures are in xco-signup.ts: the live region says them).
export const enSignupEnd = {
  'linking.title': 'Linking your Purse account…',
  'done.created.title': 'Your Purse account is ready',
  'done.created.body': 'You can now pay faster with Purse Express Checkout.',
  'done.linked.title': 'Your Purse account is linked',
  'done.linked.body': 'Your saved details are ready for your next payment.',
  'error.retry': 'Try again',
  'error.newCode.action': 'Send a new code',
  'error.accountExists.action': 'Link my account',
} as const;
