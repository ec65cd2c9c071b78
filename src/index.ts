// purse-react-kit: the React components and hooks, plus everything of purse-react-kit/core.
// Never imports server/ or mock-server/.
export * from './core/index.ts';
export * from './react/index.ts';
// PurseCheckout: the drop-in / hosted-page checkout and its headless hook.
export * from './react/purse-checkout/index.ts';
// PaymentStatus: the return page's verified status and its headless hook.
export * from './react/payment-status/index.ts';
