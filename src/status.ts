// purse-react-kit/status: what a page with PaymentStatus imports (the provider, PaymentStatus with its hook and view, the
// backend adapter, the errors), and nothing of the other components. Never imports server/ or mock-server/.
export * from './react/api/common.ts';
export * from './react/api/payment-status.ts';
