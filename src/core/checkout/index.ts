export * from './types.ts';
export { checkoutReducer, hasDropin, initialCheckoutState, REFRESH_GRACE_MS } from './machine.ts';
export { createCheckoutRunner, type CheckoutConfig, type CheckoutRunner } from './effects.ts';
export { dropinError, expiryDelay, PURSE_CHECKOUT_ORIGINS, PURSE_HOSTED_PAGE_ORIGINS, requestKey, sessionTarget } from './session.ts';
