// Payment methods in the shopper's words, one catalogue for the checkout and the status page.
import { enMethods } from '../i18n/en/methods.ts';
import { addMessages, type MessageKey, type Translator } from '../i18n/index.ts';

addMessages(enMethods);

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
  const name = method.toLowerCase();
  // Each method named in en/methods.ts has a text in every catalogue.
  const key = `method.${name}` as MessageKey;
  return key in enMethods ? i18n.t(key) : (BRANDS[name] ?? method);
}

/** A wallet's brand ("paypal" → "PayPal"); unknown partners as sent. */
export const walletLabel = (partner: string): string => BRANDS[partner.toLowerCase()] ?? partner;
