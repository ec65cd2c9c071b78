export { PurseCheckout, PurseCheckoutView, type PurseCheckoutProps, type PurseCheckoutViewProps } from './PurseCheckout.tsx';
export { usePurseCheckout, type PurseCheckoutApi } from './usePurseCheckout.ts';
export type { UsePurseCheckoutOptions } from './options.ts';
export { PURSE_CHECKOUT_ORIGINS, PURSE_HOSTED_PAGE_ORIGINS, type CheckoutStatus, type CheckoutStep } from './state.ts';
export { REFRESH_GRACE_MS } from './expiry.ts';
