// The paths of the HTTP contract (routes.ts), one constant each so that a page's bundle holds the paths of its own
// components' requests only (http-methods.ts); `routes` gathers them for the handler and for custom adapters.
export const CHECK_USER = '/xco/users/exists';
export const CREATE_USER = '/xco/users';
export const START_PASSWORDLESS = '/xco/passwordless/start';
export const VERIFY_PASSWORDLESS = '/xco/passwordless/verify';
export const CREATE_CONSENT = '/xco/consents';
export const GET_USER = '/xco/user';
export const CREATE_SESSION = '/checkout/sessions';
export const SESSION = '/checkout/sessions/';
export const ELIGIBLE_SOLUTIONS = '/checkout/eligible-solutions';
export const VERIFY_REDIRECT = '/payments/verify-redirect';
export const PAYMENT = '/payments/';
export const PAYMENT_LINK = '/payment-links/';
export const CUSTOMER_PURSE = '/customer-purse';
export const CUSTOMER_PURSE_TRANSACTIONS = '/customer-purse/transactions';
