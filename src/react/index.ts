// purse-react-kit: what a merchant's page uses. The provider, the components with their hooks and default views,
// the HTTP backend adapter, the error type, and the types their props and results need. Everything else (machines,
// loader, helpers, Purse's wire types) is in purse-react-kit/core. Never imports server/ or mock-server/.
// Each component also has an entry of its own (purse-react-kit/checkout, /status, /signup, /customer-purse,
// /xco-account: see src/*.ts), made of api/common.ts and the component's part; this root entry is all of them. Public
// parts a component loads with import() are not here but in entries of their own (purse-react-kit/signup/steps,
// purse-react-kit/status/details), so a page built from this entry does not download them up front.
export * from './api/common.ts';
export * from './api/xco-signup.ts';
export * from './api/purse-checkout.ts';
export * from './api/payment-status.ts';
export * from './api/customer-purse.ts';
export * from './api/xco-account.ts';
