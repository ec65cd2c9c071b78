// purse-react-kit/xco-account: what a page with XcoAccount imports (the provider, XcoAccount with its hook and view, the
// backend adapter, the errors), and nothing of the other components. Never imports server/ or mock-server/.
export * from './react/api/common.ts';
export * from './react/api/xco-account.ts';
