// The PurseCheckout part of the public API: purse-react-kit/checkout (with common.ts) and the root entry.

// PurseCheckout
export { PurseCheckout, PurseCheckoutView, usePurseCheckout } from '../purse-checkout/index.ts';
export type { PurseCheckoutProps, PurseCheckoutViewProps, PurseCheckoutApi, UsePurseCheckoutOptions } from '../purse-checkout/index.ts';
export type { CheckoutStatus, CheckoutStep } from '../../core/checkout/types.ts';
export { PURSE_CHECKOUT_ORIGINS } from '../../core/checkout/session.ts';
export type { DropinGeneration, DropinTheme } from '../../core/dropin/types.ts';
