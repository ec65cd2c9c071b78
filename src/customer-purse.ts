// purse-react-kit/customer-purse: what a page with CustomerPurse imports (the provider, CustomerPurse with its hook and view, the
// backend adapter, the errors), and nothing of the other components. Never imports server/ or mock-server/.
export * from './react/api/common.ts';
export * from './react/api/customer-purse.ts';
