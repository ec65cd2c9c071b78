// The English catalogue, whole: the source of the message keys, and the shape every other language's file has
// (fr.ts…). Placeholders are {name}; numbers are formatted with Intl. Keys ending in .one / .other are plural forms
// chosen with Intl.PluralRules. At run time the parts in en/ are added by the components that use them (see index.ts),
// so a page downloads the English texts of its own components only: import this file for its types alone.
import { enCommon } from './en/common.ts';
import { enCustomerPurse } from './en/customer-purse.ts';
import { enMethods } from './en/methods.ts';
import { enPaymentDetails } from './en/payment-details.ts';
import { enPaymentOutcome } from './en/payment-outcome.ts';
import { enPaymentStatus } from './en/payment-status.ts';
import { enCheckout } from './en/purse-checkout.ts';
import { enCheckoutPanels } from './en/purse-checkout-panels.ts';
import { enXcoAccount } from './en/xco-account.ts';
import { enSignup } from './en/xco-signup.ts';
import { enSignupCode } from './en/xco-signup-code.ts';
import { enSignupEnd } from './en/xco-signup-end.ts';
import { enSignupProfile } from './en/xco-signup-profile.ts';

export const en = {
  ...enCommon,
  ...enSignup,
  ...enSignupCode,
  ...enSignupProfile,
  ...enSignupEnd,
  ...enPaymentStatus,
  ...enPaymentOutcome,
  ...enPaymentDetails,
  ...enMethods,
  ...enCheckout,
  ...enCheckoutPanels,
  ...enCustomerPurse,
  ...enXcoAccount,
};

/** The key of every text the components render. */
export type MessageKey = keyof typeof en;
/** A message catalogue: every key with its text. */
export type Messages = Record<MessageKey, string>;
