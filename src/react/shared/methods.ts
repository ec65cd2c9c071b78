// Payment methods in the shopper's words, one catalogue for the checkout and the status page.
import { enMethods } from '../i18n/en/methods.ts';
import { addMessages, type MessageKey, type Translator } from '../i18n/index.ts';

addMessages(enMethods);

const METHOD_KEYS: Record<string, MessageKey> = {
  creditcard: 'method.creditcard',
  giftcard: 'method.giftcard',
  wallet: 'method.wallet',
  cb3x: 'method.cb3x',
  cb4x: 'method.cb4x',
  sepa: 'method.sepa',
};

/** Brand names as their owners write them. */
const BRANDS: Record<string, string> = {
  paypal: 'PayPal',
  applepay: 'Apple Pay',
  googlepay: 'Google Pay',
  oney: 'Oney',
  illicado: 'Illicado',
  lydia: 'Lydia',
};

/** A payment method's name for the shopper ("creditcard" → "Card"); a brand by its name; unknown methods as sent. */
export function methodLabel(method: string, i18n: Translator): string {
  const key = METHOD_KEYS[method.toLowerCase()];
  return key ? i18n.t(key) : (BRANDS[method.toLowerCase()] ?? method);
}

/** A wallet's brand ("paypal" → "PayPal"); unknown partners as sent. */
export const walletLabel = (partner: string): string => BRANDS[partner.toLowerCase()] ?? partner;
