// purse-react-kit/checkout: what a page with PurseCheckout imports (the provider, PurseCheckout with its hook and view, the
// backend adapter, the errors), and nothing of the other components. Never imports server/ or mock-server/.
export * from './react/api/common.ts';
export * from './react/api/purse-checkout.ts';
